import type { ShadowComparison, ShadowRecord, ShadowState, ShadowTally } from '@aiaas/registry';
import { bytesToFloat32 } from '@aiaas/tensor';
import type { PredictionFields } from '../prediction-fields';

/** A version's answer to a mirrored request, and how long its model took (ms). */
export interface TimedAnswer {
  readonly fields: PredictionFields;
  readonly ms: number;
}

const floats = (tensor: PredictionFields['probabilities']) => (tensor ? bytesToFloat32(tensor.raw_data as Uint8Array) : undefined);

/**
 * The absolute differences between two answers' probabilities, class by class, matched by
 * label (a class only one version knows counts as probability 0 in the other).
 */
function probabilityDifferences(baseline: PredictionFields, candidate: PredictionFields, rows: number): { count: number; sum: number } {
  const base = floats(baseline.probabilities)!;
  const cand = floats(candidate.probabilities)!;
  const labels = [...new Set([...baseline.class_labels, ...candidate.class_labels])];
  const column = (answer: PredictionFields, label: string) => answer.class_labels.indexOf(label);
  let sum = 0;
  for (let row = 0; row < rows; row++) {
    for (const label of labels) {
      const [b, c] = [column(baseline, label), column(candidate, label)];
      const p = b < 0 ? 0 : base[row * baseline.class_labels.length + b]!;
      const q = c < 0 ? 0 : cand[row * candidate.class_labels.length + c]!;
      sum += Math.abs(p - q);
    }
  }
  return { count: rows * labels.length, sum };
}

function agreeing(baseline: readonly string[], candidate: readonly string[]): number {
  return baseline.reduce((count, answer, row) => count + (answer === candidate[row] ? 1 : 0), 0);
}

/**
 * How a candidate's answer to a mirrored request compares with the baseline's: agreement on
 * predicted classes or decoded texts, and the absolute differences of probabilities or
 * values. An answer of another kind (values where the baseline gave classes) is a failure.
 */
export function compareAnswers(baseline: TimedAnswer, candidate: TimedAnswer, rows: number): ShadowComparison {
  const [b, c] = [baseline.fields, candidate.fields];
  const timing = { rows, baselineMs: baseline.ms, candidateMs: candidate.ms };
  if (b.decoded_texts.length > 0 && c.decoded_texts.length > 0) {
    return { outcome: 'compared', ...timing, agreementRows: rows, agreeingRows: agreeing(b.decoded_texts, c.decoded_texts), differenceCount: 0, differenceSum: 0 };
  }
  if (b.probabilities && c.probabilities) {
    const difference = probabilityDifferences(b, c, rows);
    return { outcome: 'compared', ...timing, agreementRows: rows, agreeingRows: agreeing(b.predicted_labels, c.predicted_labels), differenceCount: difference.count, differenceSum: difference.sum };
  }
  const [base, cand] = [floats(b.values), floats(c.values)];
  if (base && cand && base.length === cand.length) {
    const sum = base.reduce((total, value, index) => total + Math.abs(value - cand[index]!), 0);
    return { outcome: 'compared', ...timing, agreementRows: 0, agreeingRows: 0, differenceCount: base.length, differenceSum: sum };
  }
  const kind = (fields: PredictionFields) => (fields.decoded_texts.length > 0 ? 'decoded texts' : fields.probabilities ? 'class probabilities' : 'values');
  return { outcome: 'failed', error: `the candidate answered ${kind(c)} where the baseline answered ${kind(b)}` };
}

/** A shadow deployment's end: promote the candidate, or hold it back; with each judgement. */
export interface ShadowVerdict {
  readonly state: Extract<ShadowState, 'promoted' | 'held'>;
  readonly reason: string;
}

const format = (value: number) => String(Number(value.toPrecision(3)));

/**
 * The verdict on a shadow deployment once `minRequests` mirrored requests were tried on the
 * candidate, else undefined (keep shadowing). It is promoted only when it failed none of them
 * and every stated tolerance holds; a measure with nothing measured fails its tolerance.
 */
export function judgeShadow(record: ShadowRecord, tally: ShadowTally): ShadowVerdict | undefined {
  const tried = tally.requests + tally.failedRequests;
  if (tried < record.minRequests) return undefined;
  const judgements: { readonly passed: boolean; readonly text: string }[] = [
    {
      passed: tally.failedRequests === 0,
      text:
        tally.failedRequests === 0
          ? `answered all ${tried} mirrored requests`
          : `failed ${tally.failedRequests} of ${tried} mirrored requests (last: ${tally.lastFailure ?? 'unknown'})`,
    },
  ];
  const { minAgreement, maxMeanAbsDifference, maxLatencyRatio } = record.tolerance;
  const limit = (name: string, measured: number | undefined, bound: number, within: (value: number, bound: number) => boolean, sign: string, beyond: string) => {
    if (measured === undefined) judgements.push({ passed: false, text: `${name} not measured (needs ${sign} ${format(bound)})` });
    else {
      const passed = within(measured, bound);
      judgements.push({ passed, text: `${name} ${format(measured)} ${passed ? sign : beyond} ${format(bound)}` });
    }
  };
  if (minAgreement !== undefined) limit('agreement', tally.agreement, minAgreement, (value, bound) => value >= bound, '>=', '<');
  if (maxMeanAbsDifference !== undefined) limit('mean |difference|', tally.meanAbsDifference, maxMeanAbsDifference, (value, bound) => value <= bound, '<=', '>');
  if (maxLatencyRatio !== undefined) {
    const [baseline, candidate] = [tally.baselineLatencyMs, tally.candidateLatencyMs];
    const ratio = baseline && candidate ? candidate.p50 / Math.max(baseline.p50, Number.EPSILON) : undefined;
    limit('p50 latency ratio', ratio, maxLatencyRatio, (value, bound) => value <= bound, '<=', '>');
  }
  const passed = judgements.every((judgement) => judgement.passed);
  return { state: passed ? 'promoted' : 'held', reason: judgements.map((judgement) => judgement.text).join('; ') };
}
