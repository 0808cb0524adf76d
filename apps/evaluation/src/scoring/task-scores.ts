import { createSeededRandom, TargetSequenceCodec, type SequenceTarget } from '@aiaas/data';
import { FailedPreconditionError } from '@aiaas/errors';
import {
  classProbabilities,
  ClassificationAccumulator,
  RegressionAccumulator,
  SequenceMetricsAccumulator,
  type ClassificationMetrics,
  type RegressionMetrics,
  type SequenceMetrics,
} from '@aiaas/metrics';
import type { EvaluationRecord, ModelVersionRecord } from '@aiaas/registry';
import type { MetricValues } from '../blessing-checks';
import type { CurvePoint, ReportData } from '../report';
import type { ScoredRows } from './scored-rows';

/** What an evaluation reports of a task's scores: flat metrics, the registry's headline record, and the report's section. */
export interface TaskResult extends MetricValues {
  readonly rows: number;
  readonly headline: EvaluationRecord['metrics'];
  readonly report: Pick<ReportData, 'classification' | 'regression'>;
}

/** Accumulates one version's scored rows and reports its task's metrics. */
export interface TaskScores {
  add(scored: ScoredRows): void;
  /** Metrics of every row added; FailedPreconditionError when none were. */
  result(): TaskResult;
}

/** Keeps only defined values, and the reason for each undefined one. */
function split(values: Record<string, number | null>, reasons: Readonly<Record<string, string>>, fieldOf: Readonly<Record<string, string>>): MetricValues {
  const metrics: Record<string, number> = {};
  const undefinedMetrics: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== null && Number.isFinite(value)) metrics[name] = value;
    else undefinedMetrics[name] = reasons[fieldOf[name] ?? name] ?? 'not defined for these rows';
  }
  return { metrics, undefinedMetrics };
}

const TOP_K = 3;
/**
 * Score bins over all of one slice's ROC/PR histograms (about 1.5 MB): a report keeps up to a
 * dozen slices per slice column, where the whole split's accumulator may take 100 MB. A slice's
 * AUCs are then binned more coarsely (for ten classes, 4,096 bins each instead of 65,536).
 */
export const SLICE_AUC_BIN_BUDGET = 2 ** 16;

const curve = (points: readonly { readonly x: number; readonly y: number }[]): CurvePoint[] => points.map(({ x, y }) => ({ x, y }));

/** Classifiers (and implicit recommenders' pairs): every classification metric of libs/metrics. */
export class ClassScores implements TaskScores {
  private readonly accumulator: ClassificationAccumulator;

  /**
   * `sigmoid`: the model outputs P(class 1), and serving predicts class 1 from 0.5 up, ties
   * included. `of: 'slice'` keeps the accumulator small (SLICE_AUC_BIN_BUDGET).
   */
  constructor(
    private readonly classLabels: readonly string[],
    head: 'softmax' | 'sigmoid',
    of: ScoresOf = 'split',
  ) {
    this.accumulator = new ClassificationAccumulator(classLabels.length, {
      topK: classLabels.length > TOP_K ? [TOP_K] : [],
      ties: head === 'sigmoid' ? 'highest-index' : 'lowest-index',
      ...(of === 'slice' ? { aucBinBudget: SLICE_AUC_BIN_BUDGET } : {}),
    });
  }

  add(scored: ScoredRows): void {
    if (scored.rows === 0) return;
    if (!(scored.outputs instanceof Float32Array)) throw new TypeError('classifier outputs are float32 probabilities');
    this.accumulator.add(scored.labels, classProbabilities(scored.outputs, scored.outputWidth, this.classLabels.length));
  }

  result(): TaskResult {
    const report = this.accumulator.result();
    return { rows: report.rows, ...this.values(report), headline: this.headline(report), report: { classification: this.section(report) } };
  }

  private values(report: ClassificationMetrics): MetricValues {
    const topK = report.topKAccuracy.find((entry) => entry.k === TOP_K);
    return split(
      {
        accuracy: report.accuracy,
        balanced_accuracy: report.balancedAccuracy,
        macro_precision: report.macro.precision,
        macro_recall: report.macro.recall,
        macro_f1: report.macro.f1,
        micro_f1: report.micro.f1,
        weighted_f1: report.weighted.f1,
        roc_auc: report.rocAuc,
        pr_auc: report.prAuc,
        log_loss: report.logLoss,
        brier: report.brier,
        ece: report.calibration.expectedCalibrationError,
        ...(topK ? { top_3_accuracy: topK.accuracy } : {}),
      },
      report.undefinedMetrics,
      { roc_auc: 'rocAuc', pr_auc: 'prAuc' },
    );
  }

  private headline(report: ClassificationMetrics): EvaluationRecord['metrics'] {
    return {
      accuracy: report.accuracy,
      macroF1: report.macro.f1,
      testRows: report.rows,
      perClass: report.perClass.map((entry) => ({ label: this.classLabels[entry.class]!, precision: entry.precision, recall: entry.recall, f1: entry.f1, support: entry.support })),
      confusionMatrix: [...report.confusionMatrix],
    };
  }

  private section(report: ClassificationMetrics): NonNullable<ReportData['classification']> {
    const label = (index: number) => this.classLabels[index]!;
    return {
      labels: [...this.classLabels],
      confusionMatrix: [...report.confusionMatrix],
      perClass: report.perClass.map((entry) => ({ label: label(entry.class), precision: entry.precision, recall: entry.recall, f1: entry.f1, support: entry.support })),
      roc: report.oneVsRest.map((entry) => ({
        label: label(entry.class),
        auc: entry.rocAuc,
        points: curve((entry.rocCurve ?? []).map((point) => ({ x: point.falsePositiveRate, y: point.truePositiveRate }))),
      })),
      pr: report.oneVsRest.map((entry) => ({
        label: label(entry.class),
        averagePrecision: entry.averagePrecision,
        points: curve((entry.precisionRecallCurve ?? []).map((point) => ({ x: point.recall, y: point.precision }))),
      })),
      reliability: {
        ece: report.calibration.expectedCalibrationError,
        bins: report.calibration.bins.map((bin) => ({ lower: bin.lower, upper: bin.upper, count: bin.count, confidence: bin.meanConfidence ?? 0, accuracy: bin.accuracy ?? 0 })),
      },
    };
  }
}

/** Pairs of (actual, predicted) the report plots: a seeded reservoir sample, so large test sets plot as fast as small ones. */
class PointSample {
  private readonly points: CurvePoint[] = [];
  private seen = 0;
  private readonly random = createSeededRandom(17);

  constructor(private readonly capacity: number) {}

  add(x: number, y: number): void {
    this.seen += 1;
    if (this.points.length < this.capacity) this.points.push({ x, y });
    else {
      const slot = Math.floor(this.random() * this.seen);
      if (slot < this.capacity) this.points[slot] = { x, y };
    }
  }

  get values(): CurvePoint[] {
    return [...this.points];
  }
}

const REPORT_POINTS = 1_000;

/** Regressors (and explicit recommenders): every regression metric of libs/metrics. */
export class ValueScores implements TaskScores {
  private readonly accumulator = new RegressionAccumulator();
  private readonly sample = new PointSample(REPORT_POINTS);

  add(scored: ScoredRows): void {
    if (scored.rows === 0) return;
    if (scored.outputWidth !== 1) throw new FailedPreconditionError(`the model outputs ${scored.outputWidth} values per row where one was expected; retrain it`);
    this.accumulator.add(scored.labels, scored.outputs);
    for (let row = 0; row < scored.rows; row++) this.sample.add(scored.labels[row]!, scored.outputs[row]!);
  }

  result(): TaskResult {
    const report: RegressionMetrics = this.accumulator.result();
    const values = split(
      { mse: report.mse, rmse: report.rmse, mae: report.mae, mape: report.mape, r2: report.r2, explained_variance: report.explainedVariance },
      report.undefinedMetrics,
      { explained_variance: 'explainedVariance' },
    );
    return {
      rows: report.rows,
      ...values,
      headline: { rmse: report.rmse, mae: report.mae, r2: report.r2 ?? 0, testRows: report.rows },
      report: { regression: { points: this.sample.values } },
    };
  }
}

const wordsOf = (text: string) => (text === '' ? [] : text.split(' '));

/**
 * Seq2seq models: decoded token ids against the labels' ids, both read back as words (so words
 * outside the target vocabulary are `<unk>` on both sides).
 */
export class SequenceScores implements TaskScores {
  private readonly accumulator = new SequenceMetricsAccumulator();
  private readonly codec: TargetSequenceCodec;

  constructor(target: SequenceTarget) {
    this.codec = new TargetSequenceCodec(target);
  }

  add(scored: ScoredRows): void {
    for (let row = 0; row < scored.rows; row++) {
      const hypothesis = this.codec.decode(scored.outputs.subarray(row * scored.outputWidth, (row + 1) * scored.outputWidth));
      const reference = this.codec.decode(scored.labels.subarray(row * scored.labelWidth, (row + 1) * scored.labelWidth));
      this.accumulator.add(wordsOf(hypothesis), wordsOf(reference));
    }
  }

  result(): TaskResult {
    const report: SequenceMetrics = this.accumulator.result();
    return {
      rows: report.sentences,
      metrics: { bleu: report.bleu, exact_match: report.exactMatch, token_accuracy: report.tokenAccuracy },
      undefinedMetrics: {},
      headline: { bleu: report.bleu, exactMatch: report.exactMatch, tokenAccuracy: report.tokenAccuracy, testRows: report.sentences },
      report: {},
    };
  }
}

/** What a TaskScores scores: a whole split, or one slice of it (kept by the dozen, so kept small). */
export type ScoresOf = 'split' | 'slice';

/** The task scores a version's outputs are judged with, by what its labels are. */
export function taskScoresOf(record: ModelVersionRecord, sequenceTarget: SequenceTarget | undefined, of: ScoresOf = 'split'): TaskScores {
  switch (record.labels) {
    case 'class-index':
      return new ClassScores(record.classLabels, record.head === 'sigmoid' ? 'sigmoid' : 'softmax', of);
    case 'interaction':
      return new ClassScores(['no interaction', 'interaction'], 'sigmoid', of);
    case 'value':
      return new ValueScores();
    case 'token-sequence':
      if (!sequenceTarget) throw new FailedPreconditionError(`version ${record.version} of ${record.modelName} predicts token sequences, but its transform has no sequence target; rerun the pipeline`);
      return new SequenceScores(sequenceTarget);
  }
}
