import { NonFiniteValueError, regressionMetrics } from './regression-metrics';

describe('regressionMetrics', () => {
  it('computes rmse, mae and r2 as worked out by hand', () => {
    // errors: -0.5, 0, 1, -1 → SSE 2.25, |errors| 2.5; mean 2.5 → SST 2.25 + 0.25 + 0.25 + 2.25 = 5
    const metrics = regressionMetrics(new Float32Array([1, 2, 3, 4]), new Float32Array([1.5, 2, 2, 5]));
    expect(metrics.rmse).toBeCloseTo(0.75, 9); // sqrt(2.25 / 4)
    expect(metrics.mae).toBeCloseTo(0.625, 9); // 2.5 / 4
    expect(metrics.r2).toBeCloseTo(0.55, 9); // 1 - 2.25 / 5
    expect(metrics.testRows).toBe(4);
  });

  it('gives r2 below 0 for predictions worse than the mean', () => {
    // errors: 2, -2 → SSE 8; mean 1 → SST 1 + 1 = 2
    const metrics = regressionMetrics([0, 2], [-2, 4]);
    expect(metrics.rmse).toBeCloseTo(2, 9);
    expect(metrics.mae).toBeCloseTo(2, 9);
    expect(metrics.r2).toBeCloseTo(1 - 8 / 2, 9);
  });

  it('scores perfect predictions with rmse 0 and r2 1', () => {
    expect(regressionMetrics([-1, 0.5, 7], [-1, 0.5, 7])).toEqual({ rmse: 0, mae: 0, r2: 1, testRows: 3 });
  });

  it('gives r2 0 when the true values are constant, even where their mean is inexact', () => {
    // errors: 1, 0, -2 → SSE 5, |errors| 3
    const metrics = regressionMetrics([3, 3, 3], [2, 3, 5]);
    expect(metrics.rmse).toBeCloseTo(Math.sqrt(5 / 3), 9);
    expect(metrics.mae).toBeCloseTo(1, 9);
    expect(metrics.r2).toBe(0);
    expect(regressionMetrics([0.1, 0.1, 0.1], [0.1, 0.1, 0.2]).r2).toBe(0);
  });

  it('refuses mismatched lengths and empty input', () => {
    expect(() => regressionMetrics([1, 2], [1])).toThrow(new RangeError('2 true values but 1 predictions'));
    expect(() => regressionMetrics([], [])).toThrow('regression metrics need at least one row');
  });

  it('refuses NaN and infinite predictions, naming the row, rather than returning NaN', () => {
    expect(() => regressionMetrics([1, 2, 3], [1, Number.NaN, 3])).toThrow(new NonFiniteValueError('prediction', 1, Number.NaN));
    expect(() => regressionMetrics([1, 2, 3], [1, 2, Infinity])).toThrow('prediction of row 2 is Infinity; regression metrics need finite numbers');
    expect(() => regressionMetrics([Number.NaN], [1])).toThrow('true value of row 0 is NaN');
  });
});
