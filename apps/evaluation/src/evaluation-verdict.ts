import type { ModelVersionRecord } from '@aiaas/registry';
import { blessingOutcomes, type BlessingChecks } from './blessing-checks';
import type { VersionEvaluation } from './scoring/evaluate-version';

/** Whether a version may be deployed, why, and the stage's one-line summary. */
export interface EvaluationVerdict {
  readonly blessed: boolean;
  readonly reason: string;
  readonly summary: string;
}

/** Everything the pipeline asks of a candidate. */
export interface VerdictChecks extends BlessingChecks {
  readonly minAccuracy: number;
}

const fixed = (value: number) => value.toFixed(3);
/** Errors are in target units, whose scale is anyone's guess: four significant digits. */
const significant = (value: number) => String(Number(value.toPrecision(4)));

/** The min_accuracy judgement and the summary's metrics, by what the version predicts. */
function headlineVerdict(evaluation: VersionEvaluation, labels: ModelVersionRecord['labels'], minAccuracy: number): { blessed: boolean; reason: string; metrics: string; rows: string } {
  const metric = (name: string) => evaluation.values.metrics[name] ?? Number.NaN;
  const rows = `${evaluation.rows} test rows`;
  switch (labels) {
    case 'value': {
      const reason = `regression (rmse ${significant(metric('rmse'))}, r2 ${fixed(metric('r2'))}); no accuracy threshold applies`;
      return { blessed: true, reason, metrics: `rmse ${significant(metric('rmse'))}, mae ${significant(metric('mae'))}, r2 ${fixed(metric('r2'))}`, rows };
    }
    case 'token-sequence': {
      const exact = metric('exact_match');
      const blessed = exact >= minAccuracy;
      return {
        blessed,
        reason: `exact-match accuracy ${fixed(exact)} ${blessed ? '>=' : '<'} min_accuracy ${fixed(minAccuracy)}`,
        metrics: `bleu ${fixed(metric('bleu'))}, exact match ${fixed(exact)}, token accuracy ${fixed(metric('token_accuracy'))}`,
        rows,
      };
    }
    case 'class-index':
    case 'interaction': {
      const accuracy = metric('accuracy');
      const blessed = accuracy >= minAccuracy;
      return {
        blessed,
        reason: `test accuracy ${fixed(accuracy)} ${blessed ? '>=' : '<'} min_accuracy ${fixed(minAccuracy)}`,
        metrics: `accuracy ${fixed(accuracy)}, macro-F1 ${fixed(metric('macro_f1'))}`,
        rows: labels === 'interaction' ? `${evaluation.rows} test pairs (${evaluation.interactions} interactions, each with one sampled non-interaction)` : rows,
      };
    }
  }
}

/**
 * Judges a scored version: classifiers and implicit-feedback recommenders by their test accuracy
 * against `minAccuracy`, seq2seq models by the share of test rows decoded exactly, regressors
 * not at all by it (the gateway refuses one for them); then every threshold and every tolerance
 * against production must pass too. The reason lists each judgement.
 */
export function evaluationVerdict(evaluation: VersionEvaluation, labels: ModelVersionRecord['labels'], checks: VerdictChecks): EvaluationVerdict {
  const headline = headlineVerdict(evaluation, labels, checks.minAccuracy);
  const outcomes = blessingOutcomes(evaluation.values, checks, evaluation.comparison);
  const blessed = headline.blessed && outcomes.every((outcome) => outcome.passed);
  const reason = [headline.reason, ...outcomes.map((outcome) => outcome.clause)].join('; ');
  return { blessed, reason, summary: `${headline.metrics} on ${headline.rows}: ${blessed ? 'blessed' : 'rejected'} (${reason})` };
}
