import { InvalidArgumentError } from '@aiaas/errors';
import { StateReader } from './state-reader';

/** One bar of a reliability diagram. */
export interface ReliabilityBin {
  /** Lower edge, exclusive (except 0, which the first bin includes). */
  readonly lower: number;
  /** Upper edge, inclusive. */
  readonly upper: number;
  /** Rows whose confidence fell in the bin. */
  readonly count: number;
  /** Mean confidence of those rows; `null` when the bin is empty. */
  readonly meanConfidence: number | null;
  /** Share of those rows predicted right; `null` when the bin is empty. */
  readonly accuracy: number | null;
}

/** Calibration of a classifier's confidence (its largest probability per row). */
export interface CalibrationMetrics {
  /**
   * Expected calibration error (Guo et al. 2017, top-label): Σ_b (n_b / n) |accuracy_b −
   * meanConfidence_b| over the bins, empty ones contributing nothing. 0 is perfectly calibrated.
   */
  readonly expectedCalibrationError: number;
  /** The bins, lowest first, empty ones included. */
  readonly bins: readonly ReliabilityBin[];
}

/** CalibrationBins' counts as JSON. */
export interface CalibrationBinsState {
  /** Rows per bin. */
  readonly count: readonly number[];
  /** Sum of the confidences per bin. */
  readonly confidenceSum: readonly number[];
  /** Rows predicted right per bin. */
  readonly correct: readonly number[];
}

/**
 * Equal-width bins over [0, 1] of the confidence a classifier gave its predicted class, with how
 * many of those predictions were right: the mergeable state behind the expected calibration
 * error and the reliability diagram.
 *
 * Bins are closed on the right, (i/B, (i+1)/B], with 0 in the first, as scikit-learn's
 * `calibration_curve(strategy='uniform')` bins them (`np.searchsorted(edges, p)`, side left);
 * the edge comparisons are exact, so a confidence equal to an edge lands in the bin below it.
 */
export class CalibrationBins {
  private readonly counts: Float64Array;
  private readonly confidenceSums: Float64Array;
  private readonly corrects: Float64Array;

  constructor(
    /** Number of bins. */
    readonly bins: number,
  ) {
    this.counts = new Float64Array(bins);
    this.confidenceSums = new Float64Array(bins);
    this.corrects = new Float64Array(bins);
  }

  /** Numbers held: three per bin. */
  get retainedValues(): number {
    return 3 * this.bins;
  }

  /** Rows counted. */
  get rows(): number {
    return this.counts.reduce((sum, count) => sum + count, 0);
  }

  /** The bin a confidence in [0, 1] falls in. */
  binOf(confidence: number): number {
    const last = this.bins - 1;
    // ⌊confidence × bins⌋ by truncation (no global Math lookup per row, slow in vm contexts such
    // as Jest's), then settled against the exact edges i / bins: that moves a confidence on an
    // edge down into the bin it closes, and undoes any rounding in the product.
    let bin = (confidence * this.bins) | 0;
    if (bin > last) bin = last;
    while (bin < last && confidence > (bin + 1) / this.bins) bin += 1;
    while (bin > 0 && confidence <= bin / this.bins) bin -= 1;
    return bin;
  }

  /** Counts one row: the confidence of its predicted class and whether that class was right. */
  add(confidence: number, correct: boolean): void {
    const bin = this.binOf(confidence);
    this.counts[bin]! += 1;
    this.confidenceSums[bin]! += confidence;
    if (correct) this.corrects[bin]! += 1;
  }

  /** Adds the counts of `other` (same bin count; left unchanged). */
  merge(other: CalibrationBins): void {
    for (let bin = 0; bin < this.bins; bin++) {
      this.counts[bin]! += other.counts[bin]!;
      this.confidenceSums[bin]! += other.confidenceSums[bin]!;
      this.corrects[bin]! += other.corrects[bin]!;
    }
  }

  /** The calibration of every row counted; needs at least one (the caller checks). */
  result(): CalibrationMetrics {
    const rows = this.rows;
    let expectedCalibrationError = 0;
    const bins: ReliabilityBin[] = [];
    for (let bin = 0; bin < this.bins; bin++) {
      const count = this.counts[bin]!;
      const lower = bin / this.bins;
      const upper = (bin + 1) / this.bins;
      if (count === 0) {
        bins.push({ lower, upper, count, meanConfidence: null, accuracy: null });
        continue;
      }
      const meanConfidence = this.confidenceSums[bin]! / count;
      const accuracy = this.corrects[bin]! / count;
      expectedCalibrationError += (count / rows) * Math.abs(accuracy - meanConfidence);
      bins.push({ lower, upper, count, meanConfidence, accuracy });
    }
    return { expectedCalibrationError, bins };
  }

  /** The bins as JSON. */
  toJSON(): CalibrationBinsState {
    return { count: [...this.counts], confidenceSum: [...this.confidenceSums], correct: [...this.corrects] };
  }

  /** Rebuilds `bins` bins from `reader` (a `toJSON()` result), checking every entry. */
  static fromJSON(reader: StateReader, bins: number): CalibrationBins {
    const calibration = new CalibrationBins(bins);
    const counts = reader.counts('count', bins);
    const confidenceSums = reader.finites('confidenceSum', bins);
    const corrects = reader.counts('correct', bins);
    for (let bin = 0; bin < bins; bin++) {
      const count = counts[bin]!;
      // Confidences in the bin lie in [bin / bins, (bin + 1) / bins]; allow rounding in the sum.
      const slack = 1e-9 * count + 1e-12;
      if (confidenceSums[bin]! < (count * bin) / bins - slack || confidenceSums[bin]! > (count * (bin + 1)) / bins + slack) {
        throw new InvalidArgumentError(`${reader.path}.confidenceSum[${bin}]`, `${confidenceSums[bin]} cannot be the sum of ${count} confidences in bin ${bin}`);
      }
      if (corrects[bin]! > count) throw new InvalidArgumentError(`${reader.path}.correct[${bin}]`, `${corrects[bin]} right out of ${count} rows`);
      calibration.counts[bin] = count;
      calibration.confidenceSums[bin] = confidenceSums[bin]!;
      calibration.corrects[bin] = corrects[bin]!;
    }
    return calibration;
  }
}
