import { classProbabilities, ClassificationAccumulator, RegressionAccumulator } from '@aiaas/metrics';
import type { TrainingPlan } from '@aiaas/model-spec';

/** Metrics of an epoch's validation predictions beyond loss and accuracy, from libs/metrics (as evaluation computes them). */
export interface ValidationMetrics {
  /** One batch: labels [rows] and the model's outputs, row-major. */
  add(labels: Float32Array | Int32Array, outputs: Float32Array): void;
  /** The epoch's metrics, `val_`-prefixed; those the rows leave undefined are left out. */
  result(): Record<string, number>;
}

const defined = (values: Record<string, number | null>): Record<string, number> =>
  Object.fromEntries(Object.entries(values).filter((entry): entry is [string, number] => entry[1] !== null && Number.isFinite(entry[1])));

/**
 * Macro-F1 and ROC-AUC for classifiers (and implicit recommenders' pairs), RMSE, MAE and R² for
 * regressors; undefined for seq2seq models, whose token accuracy the loop already reports.
 * Outputs with a NaN are skipped: the loop reports the diverged loss instead.
 */
export function createValidationMetrics(plan: TrainingPlan): ValidationMetrics | undefined {
  const { head } = plan;
  if (head.kind === 'softmax' || head.kind === 'sigmoid') {
    const classes = head.kind === 'softmax' ? head.classes : 2;
    const width = head.kind === 'softmax' ? head.classes : 1;
    const accumulator = new ClassificationAccumulator(classes, { ties: head.kind === 'sigmoid' ? 'highest-index' : 'lowest-index' });
    return {
      add: (labels, outputs) => {
        if (outputs.some((value) => !Number.isFinite(value))) return;
        accumulator.add(Int32Array.from(labels, (label) => (plan.labels === 'interaction' ? (label > 0 ? 1 : 0) : label)), classProbabilities(outputs, width, classes));
      },
      result: () => {
        if (accumulator.rows === 0) return {};
        const metrics = accumulator.result();
        return defined({ val_macro_f1: metrics.macro.f1, val_roc_auc: metrics.rocAuc });
      },
    };
  }
  if (head.kind === 'linear') {
    const accumulator = new RegressionAccumulator();
    return {
      add: (labels, outputs) => {
        if (!outputs.some((value) => !Number.isFinite(value))) accumulator.add(labels, outputs);
      },
      result: () => {
        if (accumulator.rows === 0) return {};
        const metrics = accumulator.result();
        return defined({ val_rmse: metrics.rmse, val_mae: metrics.mae, val_r2: metrics.r2 });
      },
    };
  }
  return undefined;
}
