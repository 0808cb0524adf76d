import type { RegressionMetricsRecord } from '@aiaas/registry';

/** A prediction (or true value) that is NaN or infinite, which no metric can be built on. */
export class NonFiniteValueError extends RangeError {
  constructor(
    /** Which array held it. */
    readonly source: 'prediction' | 'true value',
    /** Its row, 0-based. */
    readonly row: number,
    readonly value: number,
  ) {
    super(`${source} of row ${row} is ${value}; regression metrics need finite numbers`);
    this.name = 'NonFiniteValueError';
  }
}

function checkFinite(values: ArrayLike<number>, source: NonFiniteValueError['source']): void {
  for (let row = 0; row < values.length; row++) {
    if (!Number.isFinite(values[row]!)) throw new NonFiniteValueError(source, row, values[row]!);
  }
}

/**
 * Root mean squared error, mean absolute error and the coefficient of determination
 * r2 = 1 − SSE/SST of predictions against true values, accumulated in double precision.
 * r2 is 0 when the true values are all equal (SST is 0: there is no variance to explain).
 *
 * Throws RangeError when the lengths differ or there are no rows, and NonFiniteValueError for a
 * NaN or infinite value, so a diverged model never stores NaN metrics.
 */
export function regressionMetrics(truth: ArrayLike<number>, predicted: ArrayLike<number>): RegressionMetricsRecord {
  if (truth.length !== predicted.length) throw new RangeError(`${truth.length} true values but ${predicted.length} predictions`);
  const rows = truth.length;
  if (rows === 0) throw new RangeError('regression metrics need at least one row');
  checkFinite(truth, 'true value');
  checkFinite(predicted, 'prediction');

  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let row = 0; row < rows; row++) {
    const actual = truth[row]!;
    sum += actual;
    if (actual < min) min = actual;
    if (actual > max) max = actual;
  }
  const mean = sum / rows;
  let squaredErrors = 0;
  let absoluteErrors = 0;
  let squaredDeviations = 0;
  for (let row = 0; row < rows; row++) {
    const actual = truth[row]!;
    const error = actual - predicted[row]!;
    squaredErrors += error * error;
    absoluteErrors += Math.abs(error);
    squaredDeviations += (actual - mean) ** 2;
  }
  // Equal true values are tested directly: their mean can miss them by an ulp, which would
  // leave SST a rounding error away from 0 and r2 a huge negative number.
  const constant = min === max;
  return {
    rmse: Math.sqrt(squaredErrors / rows),
    mae: absoluteErrors / rows,
    r2: constant ? 0 : 1 - squaredErrors / squaredDeviations,
    testRows: rows,
  };
}
