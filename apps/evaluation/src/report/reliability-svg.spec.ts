import { elements, plotAreaOf, readNumber, ticksOf, wellFormednessProblems } from './markup-check.test-helpers';
import { classificationReport } from './report-fixtures.test-helpers';
import { reliabilitySvg } from './reliability-svg';

describe('reliabilitySvg', () => {
  const { bins, ece } = classificationReport().classification!.reliability!;

  it('draws a bar a non-empty bin up to its accuracy, with the calibration diagonal', () => {
    const svg = reliabilitySvg(bins, ece);
    expect(wellFormednessProblems(svg, 'xml')).toEqual([]);
    const area = plotAreaOf(svg);
    const bars = elements(svg, 'rect', 'bar');
    expect(bars).toHaveLength(bins.filter((bin) => bin.count > 0).length);
    const last = bars[bars.length - 1]!;
    const top = area.y + area.height - Number(last.attributes['height']);
    expect(top).toBeCloseTo(Number(last.attributes['y']), 1);
    expect(Number(last.attributes['height'])).toBeCloseTo(area.height * bins[9]!.accuracy, 1);
    expect(elements(svg, 'polyline', 'reference')).toHaveLength(1);
    expect(ticksOf(svg, 'x')).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(elements(svg, 'text', 'chart-title')[0]!.text).toBe('Reliability (ECE 0.041)');
  });

  it('writes every bin count, empty bins included', () => {
    const svg = reliabilitySvg(bins, ece);
    expect(elements(svg, 'text', 'count').map((count) => readNumber(count.text))).toEqual(bins.map((bin) => bin.count));
    expect(elements(svg, 'text', 'count')[9]!.text).toBe('8,100');
  });

  it('turns the counts upright when the bins are too narrow for them', () => {
    const narrow = Array.from({ length: 40 }, (_, index) => ({ lower: index / 40, upper: (index + 1) / 40, count: 123_456, confidence: index / 40, accuracy: index / 40 }));
    const svg = reliabilitySvg(narrow, 0);
    expect(wellFormednessProblems(svg, 'xml')).toEqual([]);
    const counts = elements(svg, 'text', 'count');
    expect(counts.every((count) => /^rotate\(-90 /.test(count.attributes['transform']!))).toBe(true);
    // Upright labels sit above the plot area, however long.
    expect(counts.every((count) => Number(count.attributes['y']) < plotAreaOf(svg).y)).toBe(true);
  });

  it('gives the same bytes for the same data', () => {
    expect(reliabilitySvg(bins, ece)).toBe(reliabilitySvg([...bins], ece));
  });
});
