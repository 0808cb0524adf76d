import { formatCount, formatDelta, formatMetric, formatNumber, formatPercent } from './number-format';

describe('number formatting', () => {
  it('shows metrics with three decimals and thousands separators', () => {
    expect(formatMetric(0.87312)).toBe('0.873');
    expect(formatMetric(1)).toBe('1.000');
    expect(formatMetric(21345.6789)).toBe('21,345.679');
    expect(formatMetric(-0.25)).toBe('\u22120.250');
  });

  it('switches to exponent notation rather than round a small non-zero metric to zero', () => {
    expect(formatMetric(0.00012)).toBe('1.20e-4');
    expect(formatMetric(0)).toBe('0.000');
  });

  it('shows missing and non-finite metrics as a dash', () => {
    for (const value of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) expect(formatMetric(value)).toBe('\u2014');
  });

  it('never shows a sign on a value that rounds to zero', () => {
    expect(formatNumber(-0.0001, 3)).toBe('0.000');
    expect(formatNumber(-0, 0)).toBe('0');
  });

  it('signs deltas', () => {
    expect(formatDelta(0.0123)).toBe('+0.012');
    expect(formatDelta(-0.004)).toBe('\u22120.004');
    expect(formatDelta(0)).toBe('\u00B10.000');
    expect(formatDelta(null)).toBe('\u2014');
  });

  it('groups counts and percentages', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(12.6)).toBe('13');
    expect(formatPercent(0.3456)).toBe('34.6%');
  });
});
