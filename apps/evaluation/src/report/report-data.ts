/** One point of a curve or a scatter plot, in data units. */
export interface CurvePoint {
  readonly x: number;
  readonly y: number;
}

/** One key metric of the headline table. */
export interface HeadlineMetric {
  /** Display name, e.g. "accuracy". */
  readonly name: string;
  /** This version's value; `null` when it could not be computed. */
  readonly value: number | null;
  /** The production (baseline) version's value, when the report compares against one. */
  readonly baseline?: number | null;
  /** Whether a larger value is an improvement (accuracy) or a regression (loss, error). */
  readonly higherIsBetter: boolean;
}

/** Precision, recall, F1 and support of one class. */
export interface PerClassMetrics {
  readonly label: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

/** One confidence bin of a reliability diagram. */
export interface ReliabilityBin {
  /** Lower edge of the bin's confidence range, in [0, 1]. */
  readonly lower: number;
  /** Upper edge of the bin's confidence range, in [0, 1]. */
  readonly upper: number;
  /** Predictions whose confidence falls in the bin. */
  readonly count: number;
  /** Mean confidence of those predictions. */
  readonly confidence: number;
  /** Share of those predictions that were right. */
  readonly accuracy: number;
}

/** Metrics of one slice of the evaluation data (rows where `column` equals `value`). */
export interface SliceMetrics {
  readonly column: string;
  readonly value: string;
  readonly rows: number;
  /** Metric name → value; `null` when it could not be computed on the slice. */
  readonly metrics: Readonly<Record<string, number | null>>;
}

/**
 * Everything an evaluation report shows, as plain data. Optional sections are left out of the
 * report when absent.
 */
export interface ReportData {
  readonly model: {
    readonly name: string;
    readonly version: number;
    readonly task: 'classification' | 'regression' | 'sequence';
    readonly family: string;
    /** Epoch milliseconds. */
    readonly createdAt: number;
  };
  readonly dataset: {
    readonly id: string;
    /** The split evaluated on, e.g. "test". */
    readonly split: string;
    readonly rows: number;
  };
  /** Whether the version was blessed for deployment, and why. */
  readonly verdict?: { readonly blessed: boolean; readonly reason: string };
  /** Key metrics in display order; `baseline` is the production version's value when compared. */
  readonly headline: readonly HeadlineMetric[];
  /** The version the baselines come from. */
  readonly baselineVersion?: number;
  readonly classification?: {
    readonly labels: readonly string[];
    /** Row-major [true][predicted] counts. */
    readonly confusionMatrix: readonly number[];
    readonly perClass: readonly PerClassMetrics[];
    /** One curve per class (one-vs-rest), or one for a binary model. x = FPR, y = TPR. */
    readonly roc: readonly { readonly label: string; readonly auc: number | null; readonly points: readonly CurvePoint[] }[];
    /** One curve per class (one-vs-rest), or one for a binary model. x = recall, y = precision. */
    readonly pr: readonly { readonly label: string; readonly averagePrecision: number | null; readonly points: readonly CurvePoint[] }[];
    /** Calibration of the top-class confidence, with its expected calibration error. */
    readonly reliability?: { readonly ece: number; readonly bins: readonly ReliabilityBin[] };
  };
  readonly regression?: {
    /** At most 1,000 sampled (actual, predicted) pairs: x = actual, y = predicted. */
    readonly points: readonly CurvePoint[];
  };
  /** Loss per epoch (index 0 is epoch 1). */
  readonly training?: { readonly loss: readonly number[]; readonly validationLoss: readonly number[] };
  readonly slices?: readonly SliceMetrics[];
}
