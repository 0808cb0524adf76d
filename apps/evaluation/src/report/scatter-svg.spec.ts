import { elements, plotAreaOf, roundTickProblems, ticksOf, wellFormednessProblems } from './markup-check.test-helpers';
import { regressionReport } from './report-fixtures.test-helpers';
import { scatterSvg } from './scatter-svg';

describe('scatterSvg', () => {
  const points = regressionReport().regression!.points;

  it('draws one dot a point inside the plot, on one round domain for both axes', () => {
    const svg = scatterSvg(points);
    expect(wellFormednessProblems(svg, 'xml')).toEqual([]);
    const area = plotAreaOf(svg);
    const dots = elements(svg, 'circle');
    expect(dots).toHaveLength(points.length);
    for (const dot of dots) {
      expect(Number(dot.attributes['cx'])).toBeGreaterThanOrEqual(area.x);
      expect(Number(dot.attributes['cx'])).toBeLessThanOrEqual(area.x + area.width);
      expect(Number(dot.attributes['cy'])).toBeGreaterThanOrEqual(area.y);
      expect(Number(dot.attributes['cy'])).toBeLessThanOrEqual(area.y + area.height);
    }
    expect(roundTickProblems(ticksOf(svg, 'x'))).toEqual([]);
    expect(ticksOf(svg, 'y')).toEqual(ticksOf(svg, 'x'));
    expect(elements(svg, 'text', 'tick-x').map((tick) => tick.text)).toContain('100,000');
  });

  it('leaves room for the tick labels at the edges', () => {
    const svg = scatterSvg(points);
    const width = Number(/<svg [^>]*width="([\d.]+)"/.exec(svg)![1]);
    for (const tick of elements(svg, 'text', 'tick-x')) expect(Number(tick.attributes['x']) + (tick.text.length * 0.6 * 11) / 2).toBeLessThanOrEqual(width);
    for (const tick of elements(svg, 'text', 'tick-y')) expect(Number(tick.attributes['x']) - tick.text.length * 0.6 * 11).toBeGreaterThanOrEqual(0);
  });

  it('draws y = x as the diagonal of the square plot', () => {
    const svg = scatterSvg(points);
    const area = plotAreaOf(svg);
    expect(area.width).toBe(area.height);
    expect(elements(svg, 'polyline', 'reference').map((line) => line.attributes['points'])).toEqual([`${area.x},${area.y + area.height} ${area.x + area.width},${area.y}`]);
  });

  it('titles the chart with the number of points and takes custom labels, escaped', () => {
    const svg = scatterSvg(
      [
        { x: 1, y: 2 },
        { x: Number.NaN, y: 1 },
      ],
      { xLabel: 'price <actual>', yLabel: 'price & predicted' },
    );
    expect(wellFormednessProblems(svg, 'xml')).toEqual([]);
    expect(elements(svg, 'text', 'chart-title')[0]!.text).toBe('Actual vs predicted (n = 1)');
    expect(elements(svg, 'text', 'axis-label').map((label) => label.text)).toEqual(['price <actual>', 'price & predicted']);
  });

  it('gives the same bytes for the same data', () => {
    expect(scatterSvg(points)).toBe(scatterSvg(points.map((point) => ({ ...point }))));
  });
});
