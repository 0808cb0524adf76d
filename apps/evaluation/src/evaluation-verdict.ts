import type { VersionScore } from './score-version';

/** Whether a version may be deployed, why, and the stage's one-line summary. */
export interface EvaluationVerdict {
  readonly blessed: boolean;
  readonly reason: string;
  readonly summary: string;
}

const fixed = (value: number) => value.toFixed(3);
/** Errors are in target units, whose scale is anyone's guess: four significant digits. */
const significant = (value: number) => String(Number(value.toPrecision(4)));

/**
 * Judges a scored version. Classifiers and implicit-feedback recommenders are blessed when
 * their test accuracy reaches `minAccuracy`, seq2seq models when the share of test rows they
 * decode exactly does; regressors always are, since an accuracy threshold
 * means nothing for them (the gateway refuses one for a regressor), and the reason says so.
 */
export function evaluationVerdict(score: VersionScore, minAccuracy: number): EvaluationVerdict {
  if (score.labels === 'value') {
    const { rmse, mae, r2, testRows } = score.metrics;
    const reason = `regression (rmse ${significant(rmse)}, r2 ${fixed(r2)}); no accuracy threshold applies`;
    return { blessed: true, reason, summary: `rmse ${significant(rmse)}, mae ${significant(mae)}, r2 ${fixed(r2)} on ${testRows} test rows: blessed (${reason})` };
  }
  if (score.labels === 'token-sequence') {
    const { bleu, exactMatch, tokenAccuracy, testRows } = score.metrics;
    const blessed = exactMatch >= minAccuracy;
    const reason = `exact-match accuracy ${fixed(exactMatch)} ${blessed ? '>=' : '<'} min_accuracy ${fixed(minAccuracy)}`;
    return {
      blessed,
      reason,
      summary: `bleu ${fixed(bleu)}, exact match ${fixed(exactMatch)}, token accuracy ${fixed(tokenAccuracy)} on ${testRows} test rows: ${blessed ? 'blessed' : 'rejected'} (${reason})`,
    };
  }
  const { accuracy, macroF1, testRows } = score.metrics;
  const blessed = accuracy >= minAccuracy;
  const reason = `test accuracy ${fixed(accuracy)} ${blessed ? '>=' : '<'} min_accuracy ${fixed(minAccuracy)}`;
  const rows =
    score.labels === 'interaction'
      ? `${testRows} test pairs (${score.interactions} interactions, each with one sampled non-interaction)`
      : `${testRows} test rows`;
  return { blessed, reason, summary: `accuracy ${fixed(accuracy)}, macro-F1 ${fixed(macroF1)} on ${rows}: ${blessed ? 'blessed' : 'rejected'} (${reason})` };
}
