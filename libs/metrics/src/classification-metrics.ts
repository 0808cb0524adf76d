import { FailedPreconditionError, InvalidArgumentError } from '@aiaas/errors';
import { CalibrationBins } from './calibration-bins';
import type { CalibrationBinsState, CalibrationMetrics } from './calibration-bins';
import { ScoreHistogram } from './score-histogram';
import type { PrecisionRecallPoint, RocPoint, ScoreHistogramState } from './score-histogram';
import { StateReader } from './state-reader';

/** `log_loss` clips probabilities to [LOG_LOSS_EPS, 1 − LOG_LOSS_EPS] (scikit-learn's eps=1e-15). */
export const LOG_LOSS_EPS = 1e-15;
/** How far a row of probabilities may sum from 1 before `add` refuses it. */
export const ROW_SUM_TOLERANCE = 1e-3;
/** Score bins per class for ROC/PR when the total stays within DEFAULT_AUC_BIN_BUDGET. */
export const DEFAULT_AUC_BINS = 65536;
/** Default calibration bins. */
export const DEFAULT_CALIBRATION_BINS = 10;
/** Most classes an accumulator takes (its confusion matrix is classes²). */
export const MAX_CLASSES = 4096;
/** Score bins summed over every histogram that the default aucBins stays within (4 Mi, ~100 MB). */
const DEFAULT_AUC_BIN_BUDGET = 2 ** 22;
/** Score bins summed over every histogram that an explicit aucBins may reach (16 Mi, ~400 MB). */
const MAX_AUC_BIN_TOTAL = 2 ** 24;
const MAX_CALIBRATION_BINS = 10_000;
const STATE_KIND = 'classification';
const STATE_VERSION = 1;

/** Options of a ClassificationAccumulator; every field is optional. */
export interface ClassificationAccumulatorOptions {
  /** The k of each top-k accuracy to report, integers ≥ 1 (sorted, duplicates dropped). Default none. */
  readonly topK?: readonly number[];
  /** Equal-width bins of the calibration (reliability) diagram. Default 10. */
  readonly calibrationBins?: number;
  /**
   * Score bins per ROC/PR histogram (one histogram for two classes, one per class otherwise),
   * uniform in log-odds over [−18, 18] (see ScoreHistogram): fine near 0 and 1, where confident
   * models put their scores. Default 65536 (2^16), or the largest power of two that keeps
   * histograms × bins within `aucBinBudget`. At most 2^24 bins over all histograms.
   *
   * The AUCs are exact (equal to scikit-learn's) when no two distinct scores of one histogram
   * share a bin; otherwise a positive and a negative in the same bin count as a tie, and each
   * class's `rocAucMaxError` states how far the AUC can be from the exact value. Average
   * precision is then that of the scores rounded to their bin.
   */
  readonly aucBins?: number;
  /**
   * Score bins over all histograms that the default `aucBins` stays within: 2^22 (about 100 MB,
   * so up to 64 classes get 2^16 bins each). Accumulators kept by the dozen, one per slice of the
   * data, want a far smaller budget; their AUCs then report a larger `rocAucMaxError`.
   */
  readonly aucBinBudget?: number;
  /**
   * Which class a row is predicted as when several share its largest probability: the lowest
   * index (default, as argmax) or the highest. A binary classifier served as "class 1 when
   * p ≥ 0.5" is `highest-index`: at p = 0.5 it predicts class 1.
   */
  readonly ties?: 'lowest-index' | 'highest-index';
}

/** Precision, recall and F1 of one class (its row and column of the confusion matrix). */
export interface ClassMetrics {
  /** Class index. */
  readonly class: number;
  /** True positives over rows predicted as the class; 0 when it was never predicted. */
  readonly precision: number;
  /** True positives over true rows of the class; 0 when it has none. */
  readonly recall: number;
  /** 2·TP / (2·TP + FP + FN); 0 when the class is in neither truth nor predictions. */
  readonly f1: number;
  /** True rows of the class. */
  readonly support: number;
  /** Rows predicted as the class. */
  readonly predicted: number;
}

/** Precision, recall and F1 averaged one way over the classes. */
export interface AveragedScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Ranking quality of one class's probability against the rest (the binary problem in the two-class case). */
export interface OneVsRestMetrics {
  /** The positive class. */
  readonly class: number;
  /** Rows of the class. */
  readonly positives: number;
  /** Rows of every other class. */
  readonly negatives: number;
  /** ROC AUC (see ScoreHistogram for the binning); `null` without positives or without negatives. */
  readonly rocAuc: number | null;
  /** Largest possible distance of `rocAuc` from the exact (unbinned) value; 0 when exact. */
  readonly rocAucMaxError: number | null;
  /** Average precision (scikit-learn's step-wise PR-AUC); `null` without positives. */
  readonly averagePrecision: number | null;
  /** ROC curve, at most 200 points; `null` without positives or negatives. */
  readonly rocCurve: readonly RocPoint[] | null;
  /** Precision-recall curve, at most 200 points; `null` without positives. */
  readonly precisionRecallCurve: readonly PrecisionRecallPoint[] | null;
}

/** Share of rows whose true class is among the k most probable. */
export interface TopKAccuracy {
  readonly k: number;
  readonly accuracy: number;
}

/**
 * The metrics of every row a ClassificationAccumulator has seen. Plain JSON (no Maps, no NaN,
 * no Infinity), so it can be stored as it is. Every figure follows scikit-learn; where a
 * metric has no value for the data it is `null` and `undefinedMetrics` says why, and where it
 * takes a value by convention (zero_division=0) `notes` says so.
 */
export interface ClassificationMetrics {
  /** Rows counted. */
  readonly rows: number;
  /** Number of classes. */
  readonly classes: number;
  /** Rows whose predicted class (argmax, ties to the lowest index unless the `ties` option says otherwise) is the true one, over rows. */
  readonly accuracy: number;
  /**
   * scikit-learn's `balanced_accuracy_score`: mean recall over the classes present in the truth
   * (classes only ever predicted are left out; adjusted=False).
   */
  readonly balancedAccuracy: number;
  /** Every class 0..classes−1, whether present or not. */
  readonly perClass: readonly ClassMetrics[];
  /** Totals over classes: TP / predicted, TP / support, 2TP / (support + predicted); all equal `accuracy` here. */
  readonly micro: AveragedScores;
  /**
   * Unweighted mean over `macroClasses`: the classes present in the truth or the predictions,
   * as scikit-learn's `precision_recall_fscore_support(average='macro')` with labels=None.
   */
  readonly macro: AveragedScores;
  /** Mean over classes weighted by support (classes without true rows weigh 0). */
  readonly weighted: AveragedScores;
  /** The classes the macro average is over, ascending. */
  readonly macroClasses: readonly number[];
  /** Row-major [true][predicted] counts, classes × classes entries; predicted = argmax, ties as the `ties` option says. */
  readonly confusionMatrix: readonly number[];
  /**
   * ROC AUC: binary (two classes) on p(class 1) with class 1 positive; otherwise the
   * one-vs-rest macro average over `aucClasses` (scikit-learn's `roc_auc_score(multi_class='ovr',
   * average='macro')`, except that classes it cannot score are left out instead of raising).
   * `null` when no class qualifies.
   */
  readonly rocAuc: number | null;
  /** Largest possible distance of `rocAuc` from the exact value (the mean of the classes' bounds). */
  readonly rocAucMaxError: number | null;
  /**
   * PR-AUC as average precision: binary on p(class 1) (defined whenever class 1 has rows; 1 when
   * every row is class 1, as scikit-learn); otherwise the macro mean of the one-vs-rest average
   * precisions over `aucClasses`, the same classes as `rocAuc`.
   */
  readonly prAuc: number | null;
  /** Classes averaged in `rocAuc` / `prAuc`: those with both positive and negative rows ([1] for binary). */
  readonly aucClasses: readonly number[];
  /** Classes left out of the AUC averages, each also named in `undefinedMetrics`. */
  readonly aucExcludedClasses: readonly number[];
  /** Per-class one-vs-rest ranking metrics and curves: class 1 alone for two classes, every class otherwise. */
  readonly oneVsRest: readonly OneVsRestMetrics[];
  /** Score bins per histogram used for the AUCs and curves. */
  readonly aucBins: number;
  /**
   * scikit-learn's `log_loss` (natural log) as it was before 1.5: probabilities clipped to
   * [1e-15, 1 − 1e-15], each row renormalised to sum to 1, then the mean of −log p(true class).
   */
  readonly logLoss: number;
  /**
   * Two classes: scikit-learn's binary `brier_score_loss` on p(class 1), mean (p₁ − y)², in
   * [0, 1]. More classes: equal to `brierMulticlass`.
   */
  readonly brier: number;
  /**
   * mean over rows of Σ_k (p_k − y_k)², y one-hot, in [0, 2]: scikit-learn ≥ 1.7's
   * `brier_score_loss` on [rows, classes] probabilities (scale_by_half=False); twice `brier` for
   * two classes. Raw probabilities, not renormalised.
   */
  readonly brierMulticlass: number;
  /**
   * One entry per requested k, ascending. A row is a hit when fewer than k classes rank above
   * its true class, ranking by probability descending, then by class index ascending; so top-1
   * equals `accuracy`. scikit-learn's `top_k_accuracy_score` breaks ties the other way (highest
   * index first); the two differ only when the true class ties with the k-th.
   */
  readonly topKAccuracy: readonly TopKAccuracy[];
  /** Expected calibration error and the reliability diagram of the max probability. */
  readonly calibration: CalibrationMetrics;
  /** Metrics reported by convention rather than measured (zero_division=0, k ≥ classes), and why. */
  readonly notes: Readonly<Record<string, string>>;
  /** Every metric that is `null`, by field path, and why. */
  readonly undefinedMetrics: Readonly<Record<string, string>>;
}

/** A ClassificationAccumulator as JSON, for moving partial counts between processes. */
export interface ClassificationAccumulatorState {
  readonly kind: typeof STATE_KIND;
  readonly version: typeof STATE_VERSION;
  readonly classes: number;
  readonly topK: readonly number[];
  readonly calibrationBins: number;
  readonly aucBins: number;
  readonly ties: 'lowest-index' | 'highest-index';
  /** Row-major [true][predicted] counts. */
  readonly confusion: readonly number[];
  /** Σ −log p(true class), clipped and renormalised. */
  readonly logLossSum: number;
  /** Σ over rows of Σ_k (p_k − y_k)². */
  readonly brierMulticlassSum: number;
  /** Σ (p₁ − y)² (two classes; 0 otherwise). */
  readonly brierBinarySum: number;
  /** Hits per entry of `topK`. */
  readonly topKHits: readonly number[];
  readonly calibration: CalibrationBinsState;
  /** One per histogram: class 1 for two classes, class 0.. otherwise. */
  readonly histograms: readonly ScoreHistogramState[];
}

/**
 * Streams batches of class probabilities and true classes into bounded, mergeable counts, and
 * computes from them the classification metrics of `ClassificationMetrics`: accuracy, balanced
 * accuracy, precision/recall/F1 (per class, micro, macro, weighted), the confusion matrix,
 * ROC-AUC and PR-AUC with their curves, log loss, Brier score, top-k accuracy and calibration.
 *
 * Memory is O(classes² + classes × aucBins + calibrationBins), whatever the number of rows: no
 * prediction is kept. Accumulators over parts of a dataset merge into one over all of it; the
 * counts are integers and the only floating sums are the losses', so a merged result equals a
 * single pass up to the rounding of those sums. `toJSON` / `fromJSON` move the state between
 * processes.
 */
export class ClassificationAccumulator {
  /** The top-k values reported, ascending. */
  readonly topK: readonly number[];
  /** Calibration bins. */
  readonly calibrationBins: number;
  /** Score bins per ROC/PR histogram. */
  readonly aucBins: number;
  /** Which of several classes sharing a row's largest probability is predicted. */
  readonly ties: 'lowest-index' | 'highest-index';
  private readonly confusion: Float64Array;
  private readonly topKHits: Float64Array;
  private readonly calibration: CalibrationBins;
  private readonly histograms: ScoreHistogram[];
  private logLossSum = 0;
  private brierMulticlassSum = 0;
  private brierBinarySum = 0;

  /**
   * @param classes number of classes, an integer in [2, 4096]; each row of probabilities has
   *   this many entries.
   * Throws InvalidArgumentError naming the option at fault.
   */
  constructor(
    readonly classes: number,
    options: ClassificationAccumulatorOptions = {},
  ) {
    if (!Number.isInteger(classes) || classes < 2 || classes > MAX_CLASSES) {
      throw new InvalidArgumentError('classes', `expected an integer in [2, ${MAX_CLASSES}], got ${classes}`);
    }
    const topK = options.topK ?? [];
    topK.forEach((k, index) => {
      if (!Number.isInteger(k) || k < 1) throw new InvalidArgumentError(`topK[${index}]`, `expected an integer ≥ 1, got ${k}`);
    });
    this.topK = [...new Set(topK)].sort((a, b) => a - b);
    const calibrationBins = options.calibrationBins ?? DEFAULT_CALIBRATION_BINS;
    if (!Number.isInteger(calibrationBins) || calibrationBins < 1 || calibrationBins > MAX_CALIBRATION_BINS) {
      throw new InvalidArgumentError('calibrationBins', `expected an integer in [1, ${MAX_CALIBRATION_BINS}], got ${calibrationBins}`);
    }
    this.calibrationBins = calibrationBins;
    const histogramCount = classes === 2 ? 1 : classes;
    const budget = options.aucBinBudget ?? DEFAULT_AUC_BIN_BUDGET;
    if (!Number.isInteger(budget) || budget < 1 || budget > MAX_AUC_BIN_TOTAL) {
      throw new InvalidArgumentError('aucBinBudget', `expected an integer in [1, ${MAX_AUC_BIN_TOTAL}], got ${budget}`);
    }
    const aucBins = options.aucBins ?? defaultAucBins(histogramCount, budget);
    if (!Number.isInteger(aucBins) || aucBins < 1 || aucBins * histogramCount > MAX_AUC_BIN_TOTAL) {
      throw new InvalidArgumentError('aucBins', `expected an integer ≥ 1 with ${histogramCount} histogram(s) × aucBins ≤ ${MAX_AUC_BIN_TOTAL}, got ${aucBins}`);
    }
    this.aucBins = aucBins;
    this.ties = options.ties ?? 'lowest-index';
    this.confusion = new Float64Array(classes * classes);
    this.topKHits = new Float64Array(this.topK.length);
    this.calibration = new CalibrationBins(calibrationBins);
    this.histograms = Array.from({ length: histogramCount }, () => new ScoreHistogram(aucBins));
  }

  /** Rows added, over all merged accumulators. */
  get rows(): number {
    return this.calibration.rows;
  }

  /**
   * How many numbers the accumulator holds: the confusion matrix, the sums, the top-k hits and
   * the calibration and score bins. Fixed by the class count and options; adding rows never
   * changes it.
   */
  get retainedValues(): number {
    return (
      this.confusion.length +
      3 +
      this.topKHits.length +
      this.calibration.retainedValues +
      this.histograms.reduce((sum, histogram) => sum + histogram.retainedValues, 0)
    );
  }

  /**
   * Counts a batch: `truth[r]` is row r's class index, `probabilities` row-major
   * [rows, classes] (row r at r × classes). Nothing is counted unless the whole batch is valid.
   *
   * Throws InvalidArgumentError when `probabilities` is not a Float32Array of rows × classes
   * values (field `probabilities`), when a class index is not an integer in [0, classes) (field
   * `truth[row r]`), or when a row holds a probability that is not a finite number in [0, 1] or
   * does not sum to 1 ± 0.001 (field `probabilities[row r]`); r counts from 0 within the batch.
   */
  add(truth: ArrayLike<number>, probabilities: Float32Array): void {
    this.check(truth, probabilities);
    const classes = this.classes;
    const binary = classes === 2;
    const highestWins = this.ties === 'highest-index';
    const rows = truth.length;
    for (let row = 0; row < rows; row++) {
      const actual = truth[row]!;
      const base = row * classes;
      const trueProbability = probabilities[base + actual]!;
      let predicted = 0;
      let confidence = probabilities[base]!;
      let clippedSum = 0;
      let squaredError = 0;
      let rank = 0;
      for (let k = 0; k < classes; k++) {
        const p = probabilities[base + k]!;
        if (p > confidence || (highestWins && p === confidence)) {
          confidence = p;
          predicted = k;
        }
        clippedSum += clip(p);
        const error = k === actual ? p - 1 : p;
        squaredError += error * error;
        if (p > trueProbability || (p === trueProbability && k < actual)) rank += 1;
        if (!binary) this.histograms[k]!.add(p, k === actual);
      }
      this.confusion[actual * classes + predicted]! += 1;
      this.logLossSum -= Math.log(clip(trueProbability) / clippedSum);
      this.brierMulticlassSum += squaredError;
      if (binary) {
        const positive = probabilities[base + 1]!;
        const error = positive - (actual === 1 ? 1 : 0);
        this.brierBinarySum += error * error;
        this.histograms[0]!.add(positive, actual === 1);
      }
      for (let index = 0; index < this.topK.length; index++) {
        if (rank < this.topK[index]!) this.topKHits[index]! += 1;
      }
      this.calibration.add(confidence, predicted === actual);
    }
  }

  /**
   * Adds the counts of `other` (left unchanged) to this accumulator's, and returns it. Throws
   * InvalidArgumentError (field `other`) when the two differ in classes or options.
   */
  merge(other: ClassificationAccumulator): this {
    const differences: string[] = [];
    if (other.classes !== this.classes) differences.push(`classes ${this.classes} vs ${other.classes}`);
    if (other.topK.join() !== this.topK.join()) differences.push(`topK [${this.topK.join(', ')}] vs [${other.topK.join(', ')}]`);
    if (other.calibrationBins !== this.calibrationBins) differences.push(`calibrationBins ${this.calibrationBins} vs ${other.calibrationBins}`);
    if (other.aucBins !== this.aucBins) differences.push(`aucBins ${this.aucBins} vs ${other.aucBins}`);
    if (other.ties !== this.ties) differences.push(`ties ${this.ties} vs ${other.ties}`);
    if (differences.length > 0) throw new InvalidArgumentError('other', `cannot merge accumulators that differ in ${differences.join(', ')}`);
    for (let index = 0; index < this.confusion.length; index++) this.confusion[index]! += other.confusion[index]!;
    for (let index = 0; index < this.topKHits.length; index++) this.topKHits[index]! += other.topKHits[index]!;
    this.calibration.merge(other.calibration);
    this.histograms.forEach((histogram, index) => histogram.merge(other.histograms[index]!));
    this.logLossSum += other.logLossSum;
    this.brierMulticlassSum += other.brierMulticlassSum;
    this.brierBinarySum += other.brierBinarySum;
    return this;
  }

  /**
   * The metrics of every row added or merged so far. Throws FailedPreconditionError when there
   * are no rows: an empty test set has no score, and 0 would pass for a very bad model.
   */
  result(): ClassificationMetrics {
    const rows = this.rows;
    if (rows === 0) throw new FailedPreconditionError('classification metrics need at least one row; no rows were added');
    const classes = this.classes;
    const notes: Record<string, string> = {};
    const undefinedMetrics: Record<string, string> = {};

    const perClass: ClassMetrics[] = [];
    let truePositiveTotal = 0;
    for (let label = 0; label < classes; label++) {
      let support = 0;
      let predicted = 0;
      for (let other = 0; other < classes; other++) {
        support += this.confusion[label * classes + other]!;
        predicted += this.confusion[other * classes + label]!;
      }
      const truePositives = this.confusion[label * classes + label]!;
      truePositiveTotal += truePositives;
      if (predicted === 0) notes[`perClass[class ${label}].precision`] = `class ${label} was never predicted: 0 by zero_division=0`;
      if (support === 0) notes[`perClass[class ${label}].recall`] = `class ${label} has no true rows: 0 by zero_division=0`;
      if (support + predicted === 0) notes[`perClass[class ${label}].f1`] = `class ${label} is in neither the truth nor the predictions: 0 by zero_division=0, and left out of the macro average`;
      perClass.push({
        class: label,
        precision: predicted === 0 ? 0 : truePositives / predicted,
        recall: support === 0 ? 0 : truePositives / support,
        // scikit-learn's form, (1 + β²)·TP / (β²·support + predicted), which needs no precision or recall.
        f1: support + predicted === 0 ? 0 : (2 * truePositives) / (support + predicted),
        support,
        predicted,
      });
    }
    const macroEntries = perClass.filter((entry) => entry.support > 0 || entry.predicted > 0);
    const presentInTruth = perClass.filter((entry) => entry.support > 0);
    const mean = (entries: readonly ClassMetrics[], pick: (entry: ClassMetrics) => number) => entries.reduce((sum, entry) => sum + pick(entry), 0) / entries.length;
    const weightedMean = (pick: (entry: ClassMetrics) => number) => perClass.reduce((sum, entry) => sum + entry.support * pick(entry), 0) / rows;

    for (const k of this.topK) {
      if (k >= classes) notes[`topKAccuracy[k=${k}]`] = `k = ${k} ≥ ${classes} classes: every row is a hit`;
    }

    const ranking = this.rankingMetrics(undefinedMetrics);
    return {
      rows,
      classes,
      accuracy: truePositiveTotal / rows,
      balancedAccuracy: mean(presentInTruth, (entry) => entry.recall),
      perClass,
      micro: { precision: truePositiveTotal / rows, recall: truePositiveTotal / rows, f1: (2 * truePositiveTotal) / (rows + rows) },
      macro: {
        precision: mean(macroEntries, (entry) => entry.precision),
        recall: mean(macroEntries, (entry) => entry.recall),
        f1: mean(macroEntries, (entry) => entry.f1),
      },
      weighted: {
        precision: weightedMean((entry) => entry.precision),
        recall: weightedMean((entry) => entry.recall),
        f1: weightedMean((entry) => entry.f1),
      },
      macroClasses: macroEntries.map((entry) => entry.class),
      confusionMatrix: [...this.confusion],
      ...ranking,
      aucBins: this.aucBins,
      logLoss: this.logLossSum / rows,
      brier: (classes === 2 ? this.brierBinarySum : this.brierMulticlassSum) / rows,
      brierMulticlass: this.brierMulticlassSum / rows,
      topKAccuracy: this.topK.map((k, index) => ({ k, accuracy: this.topKHits[index]! / rows })),
      calibration: this.calibration.result(),
      notes,
      undefinedMetrics,
    };
  }

  /** The counts as JSON; `fromJSON` rebuilds an equal accumulator. */
  toJSON(): ClassificationAccumulatorState {
    return {
      kind: STATE_KIND,
      version: STATE_VERSION,
      classes: this.classes,
      topK: [...this.topK],
      calibrationBins: this.calibrationBins,
      aucBins: this.aucBins,
      ties: this.ties,
      confusion: [...this.confusion],
      logLossSum: this.logLossSum,
      brierMulticlassSum: this.brierMulticlassSum,
      brierBinarySum: this.brierBinarySum,
      topKHits: [...this.topKHits],
      calibration: this.calibration.toJSON(),
      histograms: this.histograms.map((histogram) => histogram.toJSON()),
    };
  }

  /**
   * Rebuilds an accumulator from a `toJSON()` result (already parsed from JSON). Throws
   * InvalidArgumentError naming the field (e.g. `state.histograms[2].index[5]`) when the state
   * is malformed or its parts disagree on the row count.
   */
  static fromJSON(state: unknown): ClassificationAccumulator {
    const reader = StateReader.root(state, STATE_KIND, STATE_VERSION);
    const classes = reader.integer('classes', 2, MAX_CLASSES);
    const topK = reader.counts('topK');
    let accumulator: ClassificationAccumulator;
    try {
      const ties = reader.raw('ties');
      if (ties !== 'lowest-index' && ties !== 'highest-index') throw new InvalidArgumentError('ties', `expected "lowest-index" or "highest-index", got ${JSON.stringify(ties)}`);
      accumulator = new ClassificationAccumulator(classes, { topK, calibrationBins: reader.count('calibrationBins'), aucBins: reader.count('aucBins'), ties });
    } catch (error) {
      // The constructor names the option; here it is a field of the state.
      if (error instanceof InvalidArgumentError) throw new InvalidArgumentError(`state.${error.field}`, error.reason, { cause: error });
      throw error;
    }
    if (accumulator.topK.join() !== topK.join()) throw new InvalidArgumentError('state.topK', 'expected ascending values, each once');
    accumulator.confusion.set(reader.counts('confusion', classes * classes));
    accumulator.logLossSum = reader.nonNegative('logLossSum');
    accumulator.brierMulticlassSum = reader.nonNegative('brierMulticlassSum');
    accumulator.brierBinarySum = reader.nonNegative('brierBinarySum');
    accumulator.topKHits.set(reader.counts('topKHits', accumulator.topK.length));
    const calibration = CalibrationBins.fromJSON(reader.child('calibration'), accumulator.calibrationBins);
    accumulator.calibration.merge(calibration);
    const histogramStates = reader.array('histograms', accumulator.histograms.length);
    histogramStates.forEach((histogramState, index) => {
      accumulator.histograms[index]!.merge(ScoreHistogram.fromJSON(StateReader.object(histogramState, `state.histograms[${index}]`), accumulator.aucBins));
    });

    // The parts count the same rows; a state whose parts disagree was corrupted or spliced.
    const rows = accumulator.confusion.reduce((sum, count) => sum + count, 0);
    if (accumulator.calibration.rows !== rows) throw new InvalidArgumentError('state.calibration.count', `counts ${accumulator.calibration.rows} rows, the confusion matrix ${rows}`);
    accumulator.topKHits.forEach((hits, index) => {
      if (hits > rows) throw new InvalidArgumentError(`state.topKHits[${index}]`, `${hits} hits out of ${rows} rows`);
    });
    accumulator.histograms.forEach((histogram, index) => {
      const label = classes === 2 ? 1 : index;
      let support = 0;
      for (let other = 0; other < classes; other++) support += accumulator.confusion[label * classes + other]!;
      if (histogram.positives !== support || histogram.positives + histogram.negatives !== rows) {
        throw new InvalidArgumentError(`state.histograms[${index}]`, `counts ${histogram.positives} positives of ${histogram.positives + histogram.negatives} rows; the confusion matrix has ${support} rows of class ${label} out of ${rows}`);
      }
    });
    return accumulator;
  }

  /** ROC-AUC, PR-AUC and the per-class one-vs-rest entries; fills `undefinedMetrics`. */
  private rankingMetrics(undefinedMetrics: Record<string, string>) {
    const classes = this.classes;
    const oneVsRest: OneVsRestMetrics[] = this.histograms.map((histogram, index) => {
      const label = classes === 2 ? 1 : index;
      const key = `oneVsRest[class ${label}]`;
      const { positives, negatives } = histogram;
      const lacking = positives === 0 ? `class ${label} has no true rows` : negatives === 0 ? `every row is class ${label}` : null;
      if (lacking !== null) {
        const reason = `${lacking}: ROC AUC needs positive and negative rows`;
        for (const field of ['rocAuc', 'rocAucMaxError', 'rocCurve']) undefinedMetrics[`${key}.${field}`] = reason;
      }
      if (positives === 0) {
        const reason = `${lacking}: average precision needs at least one positive row`;
        for (const field of ['averagePrecision', 'precisionRecallCurve']) undefinedMetrics[`${key}.${field}`] = reason;
      }
      const auc = lacking === null ? histogram.rocAuc() : null;
      return {
        class: label,
        positives,
        negatives,
        rocAuc: auc?.auc ?? null,
        rocAucMaxError: auc?.maxError ?? null,
        averagePrecision: positives > 0 ? histogram.averagePrecision() : null,
        rocCurve: lacking === null ? histogram.rocCurve() : null,
        precisionRecallCurve: positives > 0 ? histogram.precisionRecallCurve() : null,
      };
    });
    const scored = oneVsRest.filter((entry) => entry.rocAuc !== null);
    const aucExcludedClasses = oneVsRest.filter((entry) => entry.rocAuc === null).map((entry) => entry.class);
    const meanOf = (pick: (entry: OneVsRestMetrics) => number) => scored.reduce((sum, entry) => sum + pick(entry), 0) / scored.length;

    if (classes === 2) {
      const binary = oneVsRest[0]!;
      if (binary.rocAuc === null) {
        const reason = `${binary.positives === 0 ? 'no row is class 1' : 'every row is class 1'}: binary ROC AUC needs rows of both classes`;
        undefinedMetrics['rocAuc'] = reason;
        undefinedMetrics['rocAucMaxError'] = reason;
      }
      if (binary.averagePrecision === null) undefinedMetrics['prAuc'] = 'no row is class 1 (the positive class): average precision needs at least one positive row';
      return {
        rocAuc: binary.rocAuc,
        rocAucMaxError: binary.rocAucMaxError,
        prAuc: binary.averagePrecision,
        aucClasses: scored.map((entry) => entry.class),
        aucExcludedClasses,
        oneVsRest,
      };
    }
    if (scored.length === 0) {
      const reason = 'no class has both positive and negative rows (the truth holds a single class): one-vs-rest AUC needs both';
      for (const field of ['rocAuc', 'rocAucMaxError', 'prAuc']) undefinedMetrics[field] = reason;
    }
    return {
      rocAuc: scored.length === 0 ? null : meanOf((entry) => entry.rocAuc!),
      rocAucMaxError: scored.length === 0 ? null : meanOf((entry) => entry.rocAucMaxError!),
      prAuc: scored.length === 0 ? null : meanOf((entry) => entry.averagePrecision!),
      aucClasses: scored.map((entry) => entry.class),
      aucExcludedClasses,
      oneVsRest,
    };
  }

  /** Throws InvalidArgumentError for the first thing wrong with a batch. */
  private check(truth: ArrayLike<number>, probabilities: Float32Array): void {
    const classes = this.classes;
    const rows = truth.length;
    if (!(probabilities instanceof Float32Array)) throw new InvalidArgumentError('probabilities', 'expected a Float32Array');
    if (probabilities.length !== rows * classes) {
      throw new InvalidArgumentError('probabilities', `${probabilities.length} values for ${rows} rows of ${classes} classes; expected ${rows * classes} (row-major [rows, classes])`);
    }
    for (let row = 0; row < rows; row++) {
      const actual = truth[row]!;
      // (x | 0) !== x rejects NaN and fractions without a per-row global lookup (slow under Jest's vm).
      if ((actual | 0) !== actual || actual < 0 || actual >= classes) {
        throw new InvalidArgumentError(`truth[row ${row}]`, `${actual} is not a class index in [0, ${classes})`);
      }
      const base = row * classes;
      let sum = 0;
      for (let k = 0; k < classes; k++) {
        const p = probabilities[base + k]!;
        // NaN fails both comparisons, so it is caught here too.
        if (!(p >= 0 && p <= 1)) throw new InvalidArgumentError(`probabilities[row ${row}]`, `the probability of class ${k} is ${p}; probabilities must be finite numbers in [0, 1]`);
        sum += p;
      }
      if (sum - 1 > ROW_SUM_TOLERANCE || 1 - sum > ROW_SUM_TOLERANCE) {
        throw new InvalidArgumentError(`probabilities[row ${row}]`, `the probabilities sum to ${sum}, not 1 ± ${ROW_SUM_TOLERANCE}; pass a softmax output, not logits`);
      }
    }
  }
}

/** Clips a probability to [LOG_LOSS_EPS, 1 − LOG_LOSS_EPS], as scikit-learn's log_loss does. */
function clip(p: number): number {
  return p < LOG_LOSS_EPS ? LOG_LOSS_EPS : p > 1 - LOG_LOSS_EPS ? 1 - LOG_LOSS_EPS : p;
}

/** 65536 bins per histogram, or the largest power of two keeping the total within the default budget. */
function defaultAucBins(histograms: number, budget: number): number {
  let bins = DEFAULT_AUC_BINS;
  while (bins > 1 && bins * histograms > budget) bins /= 2;
  return bins;
}
