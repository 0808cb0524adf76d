import { FailedPreconditionError, InvalidArgumentError } from '@aiaas/errors';
import { RegressionAccumulator } from './regression-metrics';
import type { RegressionMetrics } from './regression-metrics';

const metricsOf = (truth: readonly number[], predicted: readonly number[]): RegressionMetrics => {
  const accumulator = new RegressionAccumulator();
  accumulator.add(truth, predicted);
  return accumulator.result();
};

const thrownBy = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};

// The example every scikit-learn regression docstring uses.
const truth = [3, -0.5, 2, 7];
const predicted = [2.5, 0.0, 2, 8];

describe('RegressionAccumulator', () => {
  it("matches scikit-learn's docstrings for mse, rmse, mae, mape, r2 and explained variance", () => {
    const metrics = metricsOf(truth, predicted);
    // mean_squared_error → 0.375; mean_absolute_error → 0.5 (residuals .5, −.5, 0, −1)
    expect(metrics.mse).toBe(0.375);
    expect(metrics.mae).toBe(0.5);
    // root_mean_squared_error → 0.612…; √0.375 = 0.6123724356957945
    expect(metrics.rmse).toBeCloseTo(0.6123724356957945, 12);
    // mean_absolute_percentage_error → 0.3273…; (.5/3 + .5/.5 + 0 + 1/7) / 4 = 0.3273809523809524
    expect(metrics.mape).toBeCloseTo(0.3273809523809524, 12);
    // r2_score → 0.948…; 1 − 1.5 / 29.1875 = 0.9486081370449679
    expect(metrics.r2).toBeCloseTo(0.9486081370449679, 12);
    // explained_variance_score → 0.957…; 1 − Var(residuals) 0.3125 / Var(y) 7.296875 = 0.9571734475374732
    expect(metrics.explainedVariance).toBeCloseTo(0.9571734475374732, 12);
    expect(metrics.rows).toBe(4);
    expect(metrics.undefinedMetrics).toEqual({});
  });

  it("divides by max(|y|, float64 eps) for mape, as scikit-learn's docstring shows for a true 0", () => {
    // mean_absolute_percentage_error([1., 0., 2.4, 7.], [1.2, 0.1, 2.4, 8.]) → 112589990684262.48
    expect(metricsOf([1, 0, 2.4, 7], [1.2, 0.1, 2.4, 8]).mape).toBeCloseTo(112589990684262.48, 1);
  });

  it("follows r2_score's docstring edge cases, force_finite=True for a constant truth", () => {
    // r2_score([1, 2, 3], [3, 2, 1]) → −3.0 (1 − 8/2)
    expect(metricsOf([1, 2, 3], [3, 2, 1]).r2).toBeCloseTo(-3, 12);
    // r2_score([-2, -2, -2], [-2, -2, -2]) → 1.0; with [-2, -2, -2 + 1e-8] → 0.0
    expect(metricsOf([-2, -2, -2], [-2, -2, -2]).r2).toBe(1);
    expect(metricsOf([-2, -2, -2], [-2, -2, -2 + 1e-8]).r2).toBe(0);
  });

  it("follows explained_variance_score's docstring edge cases", () => {
    // explained_variance_score([-2, -2, -2], [-2, -2, -2]) → 1.0; with [-2, -2, -2 + 1e-8] → 0.0
    expect(metricsOf([-2, -2, -2], [-2, -2, -2]).explainedVariance).toBe(1);
    expect(metricsOf([-2, -2, -2], [-2, -2, -2 + 1e-8]).explainedVariance).toBe(0);
    // A constant offset is explained (Var(y − ŷ) = 0) though R² pays for it: by hand,
    // y = [1, 2, 3], ŷ = y + 1 → EV 1, R² = 1 − 3/2 = −0.5
    const offset = metricsOf([1, 2, 3], [2, 3, 4]);
    expect(offset.explainedVariance).toBe(1);
    expect(offset.r2).toBeCloseTo(-0.5, 12);
  });

  it('keeps SST exactly 0 for a constant truth however it is batched and merged, even when its mean does not round-trip', () => {
    // 0.1 × 3 / 3 ≠ 0.1 in floating point; a sum-based mean would leave SST a rounding error above 0
    // and R² a huge negative number instead of scikit-learn's 0.
    const accumulator = new RegressionAccumulator();
    accumulator.add([0.1, 0.1, 0.1], [0.1, 0.2, 0.1]);
    const other = new RegressionAccumulator();
    other.add([0.1], [0.1]);
    const merged = new RegressionAccumulator().merge(accumulator).merge(other).merge(new RegressionAccumulator());
    expect(merged.result()).toMatchObject({ rows: 4, r2: 0, explainedVariance: 0 });
    const perfect = new RegressionAccumulator().merge(other).merge(other);
    expect(perfect.result()).toMatchObject({ rows: 2, r2: 1, explainedVariance: 1 });
    expect(merged.toJSON().truthM2).toBe(0);
  });

  it('stays accurate for large values with a small spread (Welford), where Σy² − (Σy)²/n cancels', () => {
    // y = 1e12 + [4, 7, 13, 16], ŷ = 1e12 + [5, 6, 14, 15]: SST = 90, SSE = 4 → R² = 1 − 4/90 (by hand).
    // Σy² is ~4e24, so the naive formula's rounding (~1e9) swamps SST entirely.
    const base = 1e12;
    const accumulator = new RegressionAccumulator();
    accumulator.add([base + 4, base + 7], [base + 5, base + 6]);
    const second = new RegressionAccumulator();
    second.add([base + 13, base + 16], [base + 14, base + 15]);
    const metrics = accumulator.merge(second).result();
    expect(metrics.r2).toBeCloseTo(1 - 4 / 90, 9);
    expect(accumulator.toJSON().truthM2).toBeCloseTo(90, 6);
    // Var(y − ŷ): residuals −1, 1, −1, 1 → 1; Var(y) = 22.5 → EV = 1 − 1/22.5
    expect(metrics.explainedVariance).toBeCloseTo(1 - 1 / 22.5, 9);
  });

  it('leaves R² null for a single row, where scikit-learn returns NaN', () => {
    const metrics = metricsOf([3], [2]);
    expect(metrics.r2).toBeNull();
    expect(metrics.undefinedMetrics).toEqual({ r2: 'R² is not defined for a single row (scikit-learn returns NaN)' });
    // explained_variance_score of one row is 1 in scikit-learn (both variances 0)
    expect(metrics.explainedVariance).toBe(1);
    expect(metrics).toMatchObject({ mse: 1, mae: 1, rmse: 1 });
  });

  describe('bad input', () => {
    it('names the row and the side of a NaN or infinite value', () => {
      const accumulator = new RegressionAccumulator();
      const error = thrownBy(() => accumulator.add([1, 2, NaN], [1, 2, 3]));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error).toMatchObject({ field: 'truth[row 2]', reason: 'NaN is not a finite number' });
      expect(thrownBy(() => accumulator.add([1, 2], [1, -Infinity]))).toMatchObject({ field: 'predicted[row 1]', reason: '-Infinity is not a finite number' });
    });

    it('refuses values whose squares overflow, which would turn the metrics into NaN', () => {
      expect(thrownBy(() => new RegressionAccumulator().add([1e200], [0]))).toMatchObject({ field: 'truth[row 0]' });
      expect(thrownBy(() => new RegressionAccumulator().add([0], [1e200]))).toMatchObject({ field: 'predicted[row 0]' });
    });

    it('refuses lengths that differ and counts nothing from a bad batch', () => {
      const accumulator = new RegressionAccumulator();
      expect(thrownBy(() => accumulator.add([1, 2, 3], [1, 2]))).toMatchObject({
        field: 'predicted',
        reason: '2 predictions for 3 true values; each row needs exactly one',
      });
      expect(() => accumulator.add([1, 2, 3], [1, 2, NaN])).toThrow(InvalidArgumentError);
      expect(accumulator.rows).toBe(0);
    });

    it('refuses a result with no rows', () => {
      const error = thrownBy(() => new RegressionAccumulator().result());
      expect(error).toBeInstanceOf(FailedPreconditionError);
      expect((error as Error).message).toBe('regression metrics need at least one row; no rows were added');
    });
  });

  describe('streaming', () => {
    const random = (() => {
      let seed = 99;
      return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    })();
    const rows = 500;
    const y = Float64Array.from({ length: rows }, () => 50 + 20 * random());
    const yHat = Float64Array.from(y, (value) => value + 3 * (random() - 0.4));
    const accumulate = (start: number, end: number) => {
      const accumulator = new RegressionAccumulator();
      accumulator.add(y.subarray(start, end), yHat.subarray(start, end));
      return accumulator;
    };

    it('merges parts, in any order, into what one pass over all rows gives (to 1e-12)', () => {
      const whole = accumulate(0, rows).result();
      for (const split of [0, 1, 123, 499, 500]) {
        for (const merged of [accumulate(0, split).merge(accumulate(split, rows)), accumulate(split, rows).merge(accumulate(0, split))]) {
          const result = merged.result();
          for (const key of ['mse', 'rmse', 'mae', 'mape', 'r2', 'explainedVariance'] as const) expect(result[key]).toBeCloseTo(whole[key]!, 12);
          expect(result.rows).toBe(rows);
        }
      }
    });

    it('gives what a direct two-pass computation gives', () => {
      const metrics = accumulate(0, rows).result();
      const mean = y.reduce((a, b) => a + b, 0) / rows;
      const sst = y.reduce((sum, value) => sum + (value - mean) ** 2, 0);
      const sse = y.reduce((sum, value, index) => sum + (value - yHat[index]!) ** 2, 0);
      const residualMean = y.reduce((sum, value, index) => sum + value - yHat[index]!, 0) / rows;
      const residualVariance = y.reduce((sum, value, index) => sum + (value - yHat[index]! - residualMean) ** 2, 0);
      expect(metrics.r2).toBeCloseTo(1 - sse / sst, 12);
      expect(metrics.explainedVariance).toBeCloseTo(1 - residualVariance / sst, 12);
      expect(metrics.mse).toBeCloseTo(sse / rows, 12);
    });

    it('survives toJSON / JSON / fromJSON exactly, and refuses malformed state', () => {
      const original = accumulate(0, rows);
      const copy = RegressionAccumulator.fromJSON(JSON.parse(JSON.stringify(original)));
      expect(copy.result()).toEqual(original.result());
      const state = original.toJSON();
      expect(thrownBy(() => RegressionAccumulator.fromJSON({ ...state, truthM2: -1 }))).toMatchObject({ field: 'state.truthM2' });
      expect(thrownBy(() => RegressionAccumulator.fromJSON({ ...state, rows: 1.5 }))).toMatchObject({ field: 'state.rows' });
      expect(thrownBy(() => RegressionAccumulator.fromJSON({ ...state, rows: 0 }))).toMatchObject({ field: 'state.rows' });
      expect(thrownBy(() => RegressionAccumulator.fromJSON({ ...state, kind: 'ranking' }))).toMatchObject({ field: 'state.kind' });
    });
  });
});
