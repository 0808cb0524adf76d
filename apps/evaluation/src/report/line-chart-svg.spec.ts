import { lineChartSvg } from './line-chart-svg';
import { elements, plotAreaOf, roundTickProblems, ticksOf, wellFormednessProblems } from './markup-check.test-helpers';
import { curve } from './report-fixtures.test-helpers';

/** Every vertex of every polyline of class `className` that lies outside the chart's plot area. */
function pointsOutsidePlot(svg: string, className = 'series'): string[] {
  const area = plotAreaOf(svg);
  return elements(svg, 'polyline', className)
    .flatMap((line) => line.attributes['points']!.split(' '))
    .filter((pair) => {
      const [x, y] = pair.split(',').map(Number) as [number, number];
      return !(x >= area.x && x <= area.x + area.width && y >= area.y && y <= area.y + area.height);
    });
}

const roc = (title = 'ROC curve') =>
  lineChartSvg({
    title,
    xLabel: 'false positive rate',
    yLabel: 'true positive rate',
    series: [
      { name: 'cat (AUC 0.950)', points: curve(100, (x) => x ** 0.2) },
      { name: 'dog (AUC 0.900)', points: curve(100, (x) => x ** 0.4) },
    ],
    diagonal: true,
    xDomain: [0, 1],
    yDomain: [0, 1],
  });

describe('lineChartSvg', () => {
  it('draws a ROC chart: one line a series inside the plot, round ticks, the chance diagonal', () => {
    const svg = roc();
    expect(wellFormednessProblems(svg, 'xml')).toEqual([]);
    expect(elements(svg, 'polyline', 'series')).toHaveLength(2);
    expect(pointsOutsidePlot(svg)).toEqual([]);
    expect(ticksOf(svg, 'x')).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticksOf(svg, 'y')).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    const area = plotAreaOf(svg);
    expect(elements(svg, 'polyline', 'reference').map((line) => line.attributes['points'])).toEqual([`${area.x},${area.y + area.height} ${area.x + area.width},${area.y}`]);
    expect(elements(svg, 'text', 'axis-label').map((label) => label.text)).toEqual(['false positive rate', 'true positive rate']);
    expect(elements(svg, 'text', 'legend-label').map((label) => label.text)).toEqual(['cat (AUC 0.950)', 'dog (AUC 0.900)', 'chance']);
  });

  it('clips lines at the edges of a fixed domain instead of drawing over the axes', () => {
    const svg = lineChartSvg({
      title: 'zoomed',
      xLabel: 'x',
      yLabel: 'y',
      series: [{ name: 'wild', points: [{ x: -1, y: 0.5 }, { x: 0.5, y: 2 }, { x: 0.6, y: 0.4 }, { x: 3, y: -2 }, { x: 0.7, y: 0.7 }] }],
      xDomain: [0, 1],
      yDomain: [0, 1],
    });
    expect(wellFormednessProblems(svg, 'xml')).toEqual([]);
    expect(elements(svg, 'polyline', 'series').length).toBeGreaterThan(1);
    expect(pointsOutsidePlot(svg)).toEqual([]);
    // Markers are drawn only for points inside the domain.
    expect(elements(svg, 'circle', 'marker')).toHaveLength(2);
  });

  it('fits round ticks to data without a fixed domain, with whole epochs on x', () => {
    const svg = lineChartSvg({
      title: 'Training loss',
      xLabel: 'epoch',
      yLabel: 'loss',
      series: [
        { name: 'loss', points: [1.23, 0.81, 0.62, 0.5].map((y, index) => ({ x: index + 1, y })) },
        { name: 'validation loss', points: [1.31, 0.92, 0.71].map((y, index) => ({ x: index + 1, y })) },
      ],
      integerX: true,
    });
    expect(wellFormednessProblems(svg, 'xml')).toEqual([]);
    expect(ticksOf(svg, 'x')).toEqual([1, 2, 3, 4]);
    const yTicks = ticksOf(svg, 'y');
    expect(roundTickProblems(yTicks)).toEqual([]);
    expect(yTicks[0]).toBeLessThanOrEqual(0.5);
    expect(yTicks[yTicks.length - 1]).toBeGreaterThanOrEqual(1.31);
    expect(pointsOutsidePlot(svg)).toEqual([]);
    expect(elements(svg, 'circle', 'marker')).toHaveLength(7);
  });

  it('escapes series names and titles', () => {
    const svg = lineChartSvg({ title: 'a & b', xLabel: '<x>', yLabel: '"y"', series: [{ name: '<script>alert(1)</script> & "x"', points: curve(3, (x) => x) }] });
    expect(wellFormednessProblems(svg, 'xml')).toEqual([]);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</title>');
    expect(svg).toContain('<title>a &amp; b</title>');
  });

  it('tells more series than colours apart with dashes, and lists them all in the legend', () => {
    const series = Array.from({ length: 30 }, (_, index) => ({ name: `class ${index}`, points: curve(20, (x) => x ** (0.1 + index / 30)) }));
    const svg = lineChartSvg({ title: 'ROC', xLabel: 'fpr', yLabel: 'tpr', series, xDomain: [0, 1], yDomain: [0, 1] });
    expect(wellFormednessProblems(svg, 'xml')).toEqual([]);
    const lines = elements(svg, 'polyline', 'series');
    expect(lines[0]!.attributes['stroke-dasharray']).toBeUndefined();
    expect(lines[8]!.attributes['stroke-dasharray']).toBe('6 3');
    expect(lines[0]!.attributes['stroke']).toBe(lines[8]!.attributes['stroke']);
    const labels = elements(svg, 'text', 'legend-label');
    expect(labels).toHaveLength(30);
    // The chart grows to hold the whole legend.
    const height = Number(/<svg [^>]*height="([\d.]+)"/.exec(svg)![1]);
    expect(height).toBeGreaterThan(Number(labels[29]!.attributes['y']) + 5);
  });

  it('thins a curve of hundreds of thousands of points to what the screen can show', () => {
    // Also more points than a spread argument list holds: the domain must not come from Math.min(...points).
    const svg = lineChartSvg({ title: 'ROC', xLabel: 'fpr', yLabel: 'tpr', series: [{ name: 'c', points: curve(300_000, (x) => Math.sqrt(x)) }] });
    expect(wellFormednessProblems(svg, 'xml')).toEqual([]);
    const [line] = elements(svg, 'polyline', 'series').map((polyline) => polyline.attributes['points']!.split(' '));
    // Kept points are at least half a pixel apart on some axis: no more than the width plus height in half pixels.
    expect(line!.length).toBeLessThanOrEqual(2 * (380 + 260) + 2);
    const area = plotAreaOf(svg);
    expect(line![line!.length - 1]).toBe(`${area.x + area.width},${area.y}`);
    expect(pointsOutsidePlot(svg)).toEqual([]);
  });

  it('says so when there is nothing to draw', () => {
    const svg = lineChartSvg({ title: 'empty', xLabel: 'x', yLabel: 'y', series: [] });
    expect(wellFormednessProblems(svg, 'xml')).toEqual([]);
    expect(elements(svg, 'text', 'empty').map((text) => text.text)).toEqual(['no data']);
  });

  it('gives the same bytes for the same data', () => {
    expect(roc()).toBe(roc());
  });
});
