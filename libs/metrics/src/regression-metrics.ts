import { FailedPreconditionError, InvalidArgumentError } from '@aiaas/errors';
import { StateReader } from './state-reader';

/** numpy's float64 machine epsilon, the floor scikit-learn's MAPE puts under |y|. */
export const MAPE_EPSILON = 2.220446049250313e-16;
const STATE_KIND = 'regression';
const STATE_VERSION = 1;

/** Regression metrics of predictions against true values, each as scikit-learn defines it. */
export interface RegressionMetrics {
  /** Rows counted. */
  readonly rows: number;
  /** `mean_squared_error`: mean (y − ŷ)². */
  readonly mse: number;
  /** `root_mean_squared_error`: √mse. */
  readonly rmse: number;
  /** `mean_absolute_error`: mean |y − ŷ|. */
  readonly mae: number;
  /**
   * `mean_absolute_percentage_error`: mean |y − ŷ| / max(|y|, 2.220446049250313e-16), as a
   * fraction (0.25 is 25 %). A true value of 0 with any error makes it enormous, as in
   * scikit-learn; it is not guarded.
   */
  readonly mape: number;
  /**
   * `r2_score`: 1 − SSE/SST with SST = Σ (y − ȳ)²; with force_finite=True, so when every true
   * value is the same (SST = 0) it is 1 for perfect predictions (SSE = 0) and 0 otherwise.
   * `null` for a single row, where scikit-learn returns NaN ("not well-defined with less than two
   * samples").
   */
  readonly r2: number | null;
  /**
   * `explained_variance_score`: 1 − Var(y − ŷ) / Var(y), population variances; with
   * force_finite=True: 1 when Var(y − ŷ) = 0, else 0 when Var(y) = 0.
   */
  readonly explainedVariance: number;
  /** Every metric that is `null`, and why. */
  readonly undefinedMetrics: Readonly<Record<string, string>>;
}

/** A RegressionAccumulator as JSON. */
export interface RegressionAccumulatorState {
  readonly kind: typeof STATE_KIND;
  readonly version: typeof STATE_VERSION;
  readonly rows: number;
  /** Running mean of y. */
  readonly truthMean: number;
  /** Σ (y − ȳ)², kept by Welford's update and Chan's merge. */
  readonly truthM2: number;
  /** Running mean of y − ŷ. */
  readonly residualMean: number;
  /** Σ ((y − ŷ) − mean)². */
  readonly residualM2: number;
  /** Σ (y − ŷ)². */
  readonly squaredErrorSum: number;
  /** Σ |y − ŷ|. */
  readonly absoluteErrorSum: number;
  /** Σ |y − ŷ| / max(|y|, ε). */
  readonly absolutePercentageErrorSum: number;
}

/**
 * Streams batches of true and predicted values into the sums `RegressionMetrics` are built
 * from — O(1) memory whatever the row count. The two variances (of y for SST, of y − ŷ for the
 * explained variance) are kept as Welford running means and sums of squared deviations and
 * merged with Chan et al.'s pairwise formula, which stays accurate where Σy² − (Σy)²/n would
 * cancel catastrophically (large values with small spread); a constant truth keeps SST exactly 0
 * however it was split. Accumulators over parts of a dataset merge into one over all of it.
 */
export class RegressionAccumulator {
  private count = 0;
  private truthMean = 0;
  private truthM2 = 0;
  private residualMean = 0;
  private residualM2 = 0;
  private squaredErrorSum = 0;
  private absoluteErrorSum = 0;
  private absolutePercentageErrorSum = 0;

  /** Rows added, over all merged accumulators. */
  get rows(): number {
    return this.count;
  }

  /**
   * Counts a batch of rows: `truth[r]` against `predicted[r]`. Nothing is counted unless the
   * whole batch is valid.
   *
   * Throws InvalidArgumentError when the lengths differ (field `predicted`), or when a value is
   * NaN or infinite, or so large its square overflows (field `truth[row r]` or
   * `predicted[row r]`, r counting from 0 within the batch).
   */
  add(truth: ArrayLike<number>, predicted: ArrayLike<number>): void {
    if (truth.length !== predicted.length) {
      throw new InvalidArgumentError('predicted', `${predicted.length} predictions for ${truth.length} true values; each row needs exactly one`);
    }
    for (let row = 0; row < truth.length; row++) {
      const actual = truth[row]!;
      const guess = predicted[row]!;
      if (!Number.isFinite(actual)) throw new InvalidArgumentError(`truth[row ${row}]`, `${actual} is not a finite number`);
      if (!Number.isFinite(guess)) throw new InvalidArgumentError(`predicted[row ${row}]`, `${guess} is not a finite number`);
      // Squares of values past ~1.3e154 overflow to Infinity and would turn every metric into NaN.
      if (!Number.isFinite(actual * actual)) throw new InvalidArgumentError(`truth[row ${row}]`, `${actual} is too large: its square overflows double precision`);
      const error = actual - guess;
      if (!Number.isFinite(error * error)) throw new InvalidArgumentError(`predicted[row ${row}]`, `${guess} is too far from the true value ${actual}: the squared error overflows double precision`);
    }
    for (let row = 0; row < truth.length; row++) {
      const actual = truth[row]!;
      const residual = actual - predicted[row]!;
      this.count += 1;
      // Welford: the deltas before and after the mean moves; their product is the M2 increment.
      const truthDelta = actual - this.truthMean;
      this.truthMean += truthDelta / this.count;
      this.truthM2 += truthDelta * (actual - this.truthMean);
      const residualDelta = residual - this.residualMean;
      this.residualMean += residualDelta / this.count;
      this.residualM2 += residualDelta * (residual - this.residualMean);
      this.squaredErrorSum += residual * residual;
      const absoluteError = Math.abs(residual);
      this.absoluteErrorSum += absoluteError;
      this.absolutePercentageErrorSum += absoluteError / Math.max(Math.abs(actual), MAPE_EPSILON);
    }
  }

  /** Adds the sums of `other` (left unchanged) to this accumulator's, and returns it. */
  merge(other: RegressionAccumulator): this {
    if (other.count === 0) return this;
    if (this.count === 0) {
      // Copied, not merged: (mean · n) / n need not give the mean back, and a constant truth's
      // mean must stay exact for its SST to stay exactly 0.
      this.count = other.count;
      this.truthMean = other.truthMean;
      this.truthM2 = other.truthM2;
      this.residualMean = other.residualMean;
      this.residualM2 = other.residualM2;
      this.squaredErrorSum = other.squaredErrorSum;
      this.absoluteErrorSum = other.absoluteErrorSum;
      this.absolutePercentageErrorSum = other.absolutePercentageErrorSum;
      return this;
    }
    const count = this.count + other.count;
    // Chan et al.: M2 = M2a + M2b + δ² · na · nb / n, δ the difference of the means.
    const truthDelta = other.truthMean - this.truthMean;
    this.truthM2 += other.truthM2 + ((truthDelta * truthDelta * this.count) / count) * other.count;
    this.truthMean += (truthDelta * other.count) / count;
    const residualDelta = other.residualMean - this.residualMean;
    this.residualM2 += other.residualM2 + ((residualDelta * residualDelta * this.count) / count) * other.count;
    this.residualMean += (residualDelta * other.count) / count;
    this.count = count;
    this.squaredErrorSum += other.squaredErrorSum;
    this.absoluteErrorSum += other.absoluteErrorSum;
    this.absolutePercentageErrorSum += other.absolutePercentageErrorSum;
    return this;
  }

  /** The metrics of every row so far. Throws FailedPreconditionError when there are none. */
  result(): RegressionMetrics {
    const rows = this.count;
    if (rows === 0) throw new FailedPreconditionError('regression metrics need at least one row; no rows were added');
    const mse = this.squaredErrorSum / rows;
    return {
      rows,
      mse,
      rmse: Math.sqrt(mse),
      mae: this.absoluteErrorSum / rows,
      mape: this.absolutePercentageErrorSum / rows,
      r2: rows < 2 ? null : forceFinite(this.squaredErrorSum, this.truthM2),
      explainedVariance: forceFinite(this.residualM2, this.truthM2),
      undefinedMetrics: rows < 2 ? { r2: 'R² is not defined for a single row (scikit-learn returns NaN)' } : {},
    };
  }

  /** The sums as JSON; `fromJSON` rebuilds an equal accumulator. */
  toJSON(): RegressionAccumulatorState {
    return {
      kind: STATE_KIND,
      version: STATE_VERSION,
      rows: this.count,
      truthMean: this.truthMean,
      truthM2: this.truthM2,
      residualMean: this.residualMean,
      residualM2: this.residualM2,
      squaredErrorSum: this.squaredErrorSum,
      absoluteErrorSum: this.absoluteErrorSum,
      absolutePercentageErrorSum: this.absolutePercentageErrorSum,
    };
  }

  /** Rebuilds an accumulator from a `toJSON()` result. Throws InvalidArgumentError naming a malformed field. */
  static fromJSON(state: unknown): RegressionAccumulator {
    const reader = StateReader.root(state, STATE_KIND, STATE_VERSION);
    const accumulator = new RegressionAccumulator();
    accumulator.count = reader.count('rows');
    accumulator.truthMean = reader.finite('truthMean');
    accumulator.truthM2 = reader.nonNegative('truthM2');
    accumulator.residualMean = reader.finite('residualMean');
    accumulator.residualM2 = reader.nonNegative('residualM2');
    accumulator.squaredErrorSum = reader.nonNegative('squaredErrorSum');
    accumulator.absoluteErrorSum = reader.nonNegative('absoluteErrorSum');
    accumulator.absolutePercentageErrorSum = reader.nonNegative('absolutePercentageErrorSum');
    const sums = [accumulator.truthMean, accumulator.truthM2, accumulator.residualMean, accumulator.residualM2, accumulator.squaredErrorSum, accumulator.absoluteErrorSum, accumulator.absolutePercentageErrorSum];
    if (accumulator.count === 0 && sums.some((sum) => sum !== 0)) throw new InvalidArgumentError('state.rows', 'is 0 but the sums are not');
    return accumulator;
  }
}

/** 1 − numerator/denominator, with scikit-learn's force_finite=True for the zero cases. */
function forceFinite(numerator: number, denominator: number): number {
  if (numerator === 0) return 1;
  if (denominator === 0) return 0;
  return 1 - numerator / denominator;
}
