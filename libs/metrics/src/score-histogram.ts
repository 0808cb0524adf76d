import { InvalidArgumentError } from '@aiaas/errors';
import { StateReader } from './state-reader';

/** Most points a ROC or precision-recall curve keeps for plotting. */
export const MAX_CURVE_POINTS = 200;

/** One operating point of a ROC curve. */
export interface RocPoint {
  /**
   * Rows scoring at or above this are predicted positive: the lowest score seen in the bin that
   * this point adds. `null` for the first point, (0, 0), where nothing is predicted positive
   * (scikit-learn's threshold `+inf`, which JSON cannot hold).
   */
  readonly threshold: number | null;
  /** False positives over negatives. */
  readonly falsePositiveRate: number;
  /** True positives over positives (recall). */
  readonly truePositiveRate: number;
}

/** One operating point of a precision-recall curve. */
export interface PrecisionRecallPoint {
  /** As `RocPoint.threshold`; `null` for the first point (recall 0, precision 1, as scikit-learn's last). */
  readonly threshold: number | null;
  /** True positives over positives. */
  readonly recall: number;
  /** True positives over rows predicted positive. */
  readonly precision: number;
}

/**
 * A ScoreHistogram's counts as JSON: only the bins holding at least one score, in ascending
 * order, as parallel arrays.
 */
export interface ScoreHistogramState {
  /** Bins over [0, 1]. */
  readonly bins: number;
  /** Indices of the non-empty bins, ascending. */
  readonly index: readonly number[];
  /** Positive rows per listed bin. */
  readonly positive: readonly number[];
  /** Negative rows per listed bin. */
  readonly negative: readonly number[];
  /** Lowest score seen per listed bin. */
  readonly lowest: readonly number[];
  /** Highest score seen per listed bin. */
  readonly highest: readonly number[];
}

/** Area under the ROC curve and how far, at most, the binning can have moved it. */
export interface BinnedAuc {
  /** Mann-Whitney AUC over the bins: P(positive scores above negative) + ½ P(same bin). */
  readonly auc: number;
  /**
   * Largest possible |auc − exact AUC|: ½ Σ positives × negatives over the bins that hold two
   * or more distinct scores and both kinds of row, divided by positives × negatives. 0 means
   * the binned AUC is exactly scikit-learn's `roc_auc_score`.
   */
  readonly maxError: number;
}

/**
 * Bins are uniform in log-odds, logit(p) = ln(p / (1 − p)), over [−LOGIT_RANGE, LOGIT_RANGE]:
 * confident classifiers put most scores within 1e-4 of 0 or 1, where uniform bins in p would
 * tie them all (a float32 probability stops short of 1 by 6e-8, logit ≈ 16.6). Scores below
 * logit −18 (p < 1.5e-8) share the first bin and those above 18 the last.
 */
export const LOGIT_RANGE = 18;

/** Cached: a global Math lookup per score is slow where code runs in a vm context (Jest). */
const log = Math.log;

/**
 * Counts of one binary problem's scores (in [0, 1]) in `bins` bins uniform in log-odds, positives and
 * negatives apart, plus the lowest and highest score each bin has seen: the mergeable, bounded
 * (O(bins), whatever the row count) state that ROC AUC, average precision and both curves are
 * computed from by sweeping a threshold down through the bins.
 *
 * A bin is treated as one tied score. When every bin holds a single distinct score (true for
 * any data whose distinct scores are more than a bin apart: with 2^16 bins, 5.5e-4 in log-odds,
 * which is 1.4e-4 in p around 0.5 and far finer near 0 and 1) the results equal scikit-learn's `roc_auc_score`, `average_precision_score`,
 * `roc_curve` and `precision_recall_curve` exactly, ties included. Otherwise pairs of a positive
 * and a negative in the same bin count ½ whatever their order, so the AUC is off by at most
 * `BinnedAuc.maxError`, which is computed and reported; average precision is then that of
 * scores rounded down to their bin.
 *
 * Scores are stored as float32 (the lowest/highest arrays), which is what the classification
 * accumulator receives; a score's bin is `binOf(score)`.
 */
export class ScoreHistogram {
  private readonly positive: Float64Array;
  private readonly negative: Float64Array;
  private readonly lowest: Float32Array;
  private readonly highest: Float32Array;
  private positiveTotal = 0;
  private negativeTotal = 0;

  constructor(
    /** Uniform bins over [0, 1]. */
    readonly bins: number,
  ) {
    this.positive = new Float64Array(bins);
    this.negative = new Float64Array(bins);
    this.lowest = new Float32Array(bins).fill(Infinity);
    this.highest = new Float32Array(bins).fill(-Infinity);
  }

  /** Positive rows counted. */
  get positives(): number {
    return this.positiveTotal;
  }

  /** Negative rows counted. */
  get negatives(): number {
    return this.negativeTotal;
  }

  /** Numbers held: four per bin and two totals, independent of the rows counted. */
  get retainedValues(): number {
    return 4 * this.bins + 2;
  }

  /** The bin of a score in [0, 1]: ⌊(clamped logit + range) / (2 · range) × bins⌋. */
  binOf(score: number): number {
    const odds = log(score / (1 - score));
    if (!(odds > -LOGIT_RANGE)) return 0;
    if (odds >= LOGIT_RANGE) return this.bins - 1;
    // Truncation is ⌊·⌋ here, the value being ≥ 0.
    return (((odds + LOGIT_RANGE) / (2 * LOGIT_RANGE)) * this.bins) | 0;
  }

  /** Counts one row's score (in [0, 1]; the caller checks) as a positive or a negative. */
  add(score: number, isPositive: boolean): void {
    const bin = this.binOf(score);
    if (isPositive) {
      this.positive[bin]! += 1;
      this.positiveTotal += 1;
    } else {
      this.negative[bin]! += 1;
      this.negativeTotal += 1;
    }
    if (score < this.lowest[bin]!) this.lowest[bin] = score;
    if (score > this.highest[bin]!) this.highest[bin] = score;
  }

  /** Adds the counts of `other` (same bin count; left unchanged). */
  merge(other: ScoreHistogram): void {
    if (other.bins !== this.bins) throw new InvalidArgumentError('other', `score histograms of ${this.bins} and ${other.bins} bins cannot merge`);
    for (let bin = 0; bin < this.bins; bin++) {
      this.positive[bin]! += other.positive[bin]!;
      this.negative[bin]! += other.negative[bin]!;
      if (other.lowest[bin]! < this.lowest[bin]!) this.lowest[bin] = other.lowest[bin]!;
      if (other.highest[bin]! > this.highest[bin]!) this.highest[bin] = other.highest[bin]!;
    }
    this.positiveTotal += other.positiveTotal;
    this.negativeTotal += other.negativeTotal;
  }

  /** ROC AUC; needs at least one positive and one negative (the caller checks). */
  rocAuc(): BinnedAuc {
    let positivesAbove = 0;
    let pairsBelow = 0;
    let uncertainPairs = 0;
    for (let bin = this.bins - 1; bin >= 0; bin--) {
      const positives = this.positive[bin]!;
      const negatives = this.negative[bin]!;
      if (negatives > 0) {
        // Each negative here ranks below every positive in a higher bin and ties with this bin's.
        pairsBelow += negatives * (positivesAbove + positives / 2);
        if (positives > 0 && this.lowest[bin]! < this.highest[bin]!) uncertainPairs += positives * negatives;
      }
      positivesAbove += positives;
    }
    const pairs = this.positiveTotal * this.negativeTotal;
    return { auc: pairsBelow / pairs, maxError: uncertainPairs / 2 / pairs };
  }

  /**
   * Average precision as scikit-learn's `average_precision_score`: Σₙ (Rₙ − Rₙ₋₁) Pₙ over the
   * thresholds from the highest down (a step function, not the trapezoid). Needs at least one
   * positive (the caller checks); with no negatives it is 1, as scikit-learn's.
   */
  averagePrecision(): number {
    let truePositives = 0;
    let falsePositives = 0;
    let sum = 0;
    for (let bin = this.bins - 1; bin >= 0; bin--) {
      const positives = this.positive[bin]!;
      truePositives += positives;
      falsePositives += this.negative[bin]!;
      // Recall rises by positives / P at this threshold; weigh that rise by the precision here.
      if (positives > 0) sum += (positives * truePositives) / (truePositives + falsePositives);
    }
    return sum / this.positiveTotal;
  }

  /**
   * The ROC curve from (0, 0) to (1, 1), one point per non-empty bin, cut down to at most
   * `maxPoints` (first and last kept, the rest spread evenly along the curve's length). Needs
   * positives and negatives (the caller checks).
   */
  rocCurve(maxPoints = MAX_CURVE_POINTS): RocPoint[] {
    const points: RocPoint[] = [{ threshold: null, falsePositiveRate: 0, truePositiveRate: 0 }];
    for (const { threshold, truePositives, falsePositives } of this.cumulativeCounts()) {
      points.push({ threshold, falsePositiveRate: falsePositives / this.negativeTotal, truePositiveRate: truePositives / this.positiveTotal });
    }
    return downsample(points, maxPoints, (a, b) => Math.abs(b.falsePositiveRate - a.falsePositiveRate) + Math.abs(b.truePositiveRate - a.truePositiveRate));
  }

  /**
   * The precision-recall curve from (recall 0, precision 1) down through every non-empty bin,
   * cut down to at most `maxPoints` as `rocCurve`. Needs positives (the caller checks).
   */
  precisionRecallCurve(maxPoints = MAX_CURVE_POINTS): PrecisionRecallPoint[] {
    const points: PrecisionRecallPoint[] = [{ threshold: null, recall: 0, precision: 1 }];
    for (const { threshold, truePositives, falsePositives } of this.cumulativeCounts()) {
      points.push({ threshold, recall: truePositives / this.positiveTotal, precision: truePositives / (truePositives + falsePositives) });
    }
    return downsample(points, maxPoints, (a, b) => Math.abs(b.recall - a.recall) + Math.abs(b.precision - a.precision));
  }

  /** Walks the non-empty bins from the highest score down, with the counts at or above each. */
  private *cumulativeCounts(): Generator<{ threshold: number; truePositives: number; falsePositives: number }> {
    let truePositives = 0;
    let falsePositives = 0;
    for (let bin = this.bins - 1; bin >= 0; bin--) {
      const positives = this.positive[bin]!;
      const negatives = this.negative[bin]!;
      if (positives === 0 && negatives === 0) continue;
      truePositives += positives;
      falsePositives += negatives;
      yield { threshold: this.lowest[bin]!, truePositives, falsePositives };
    }
  }

  /** The non-empty bins as JSON. */
  toJSON(): ScoreHistogramState {
    const index: number[] = [];
    const positive: number[] = [];
    const negative: number[] = [];
    const lowest: number[] = [];
    const highest: number[] = [];
    for (let bin = 0; bin < this.bins; bin++) {
      if (this.positive[bin] === 0 && this.negative[bin] === 0) continue;
      index.push(bin);
      positive.push(this.positive[bin]!);
      negative.push(this.negative[bin]!);
      lowest.push(this.lowest[bin]!);
      highest.push(this.highest[bin]!);
    }
    return { bins: this.bins, index, positive, negative, lowest, highest };
  }

  /** Rebuilds a histogram of `bins` bins from `reader` (a `toJSON()` result), checking every entry. */
  static fromJSON(reader: StateReader, bins: number): ScoreHistogram {
    const stateBins = reader.count('bins');
    if (stateBins !== bins) throw new InvalidArgumentError(`${reader.path}.bins`, `expected ${bins}, got ${stateBins}`);
    const index = reader.counts('index');
    const entries = index.length;
    const positive = reader.counts('positive', entries);
    const negative = reader.counts('negative', entries);
    const lowest = reader.finites('lowest', entries);
    const highest = reader.finites('highest', entries);
    const histogram = new ScoreHistogram(bins);
    index.forEach((bin, entry) => {
      const field = `${reader.path}.index[${entry}]`;
      if (bin >= bins) throw new InvalidArgumentError(field, `bin ${bin} is outside [0, ${bins})`);
      if (entry > 0 && bin <= index[entry - 1]!) throw new InvalidArgumentError(field, 'bins must be listed in ascending order, once each');
      if (positive[entry]! + negative[entry]! === 0) throw new InvalidArgumentError(field, `bin ${bin} is listed but empty`);
      const low = lowest[entry]!;
      const high = highest[entry]!;
      if (!(low >= 0 && low <= high && high <= 1)) throw new InvalidArgumentError(`${reader.path}.lowest[${entry}]`, `lowest ${low} and highest ${high} must satisfy 0 ≤ lowest ≤ highest ≤ 1`);
      histogram.positive[bin] = positive[entry]!;
      histogram.negative[bin] = negative[entry]!;
      histogram.lowest[bin] = low;
      histogram.highest[bin] = high;
      histogram.positiveTotal += positive[entry]!;
      histogram.negativeTotal += negative[entry]!;
    });
    return histogram;
  }
}

/**
 * At most `maxPoints` of `points`: all of them when they fit, otherwise the first, the last and
 * those where the distance walked along the curve crosses the next of `maxPoints − 1` equal
 * steps, so long straight stretches get few points and the bends get the rest.
 */
function downsample<T>(points: readonly T[], maxPoints: number, distance: (a: T, b: T) => number): T[] {
  if (points.length <= maxPoints) return [...points];
  let total = 0;
  for (let index = 1; index < points.length; index++) total += distance(points[index - 1]!, points[index]!);
  const step = total / (maxPoints - 1);
  const kept: T[] = [points[0]!];
  let walked = 0;
  let nextMark = step;
  for (let index = 1; index < points.length - 1 && kept.length < maxPoints - 1; index++) {
    walked += distance(points[index - 1]!, points[index]!);
    if (walked >= nextMark) {
      kept.push(points[index]!);
      nextMark = (Math.floor(walked / step) + 1) * step;
    }
  }
  kept.push(points[points.length - 1]!);
  return kept;
}
