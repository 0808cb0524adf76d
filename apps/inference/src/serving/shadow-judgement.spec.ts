import type { ShadowRecord, ShadowTally } from '@aiaas/registry';
import { encodeTensor } from '@aiaas/tensor';
import { toRecord } from '../registered-models.test-helpers';
import type { PredictionFields } from '../prediction-fields';
import { decodeMirroredRequest, encodeMirroredRequest } from './mirrored-request';
import { compareAnswers, judgeShadow } from './shadow-judgement';

const none: PredictionFields = { class_labels: [], probabilities: null, predicted_labels: [], values: null, decoded_texts: [] };
const classes = (labels: string[], probabilities: number[], predicted: string[]): PredictionFields => ({
  ...none,
  class_labels: labels,
  probabilities: encodeTensor(Float32Array.from(probabilities), [predicted.length, labels.length]),
  predicted_labels: predicted,
});
const values = (numbers: number[]): PredictionFields => ({ ...none, values: encodeTensor(Float32Array.from(numbers), [numbers.length]) });
const timed = (fields: PredictionFields, ms = 1) => ({ fields, ms });

describe('compareAnswers', () => {
  it('counts rows with the same predicted class and differences matched by class label', () => {
    const baseline = classes(['a', 'b'], [0.75, 0.25, 0.5, 0.5], ['a', 'b']);
    // The candidate lists its classes in another order and knows a third one.
    const candidate = classes(['b', 'a', 'c'], [0.25, 0.5, 0.25, 0.5, 0.5, 0], ['a', 'a']);
    const comparison = compareAnswers(timed(baseline, 2), timed(candidate, 3), 2);
    // Row 0: |0.75−0.5| + |0.25−0.25| + |0−0.25|; row 1: |0.5−0.5| + |0.5−0.5| + 0.
    expect(comparison).toEqual({ outcome: 'compared', rows: 2, agreementRows: 2, agreeingRows: 1, differenceCount: 6, differenceSum: 0.5, baselineMs: 2, candidateMs: 3 });
  });

  it('compares values by their absolute differences, and decoded texts by agreement', () => {
    expect(compareAnswers(timed(values([1, 2, 3])), timed(values([1.5, 2, 1])), 3)).toMatchObject({ agreementRows: 0, differenceCount: 3, differenceSum: 2.5 });
    const texts = (decoded: string[]) => ({ ...none, decoded_texts: decoded });
    expect(compareAnswers(timed(texts(['un', 'deux'])), timed(texts(['un', 'trois'])), 2)).toMatchObject({ agreementRows: 2, agreeingRows: 1, differenceCount: 0 });
  });

  it('fails a candidate that answers another kind of output', () => {
    expect(compareAnswers(timed(classes(['a'], [1], ['a'])), timed(values([1])), 1)).toEqual({ outcome: 'failed', error: 'the candidate answered values where the baseline answered class probabilities' });
  });
});

describe('judgeShadow', () => {
  const record = {
    id: 'x',
    candidateVersion: 2,
    baselineVersion: 1,
    alias: 'production',
    samplePercent: 10,
    minRequests: 10,
    state: 'shadowing',
    startedAt: 0,
    tolerance: { minAgreement: 0.99, maxLatencyRatio: 1.5 },
  } satisfies ShadowRecord;
  const tally: ShadowTally = {
    requests: 10,
    rows: 100,
    failedRequests: 0,
    skippedRequests: 3,
    agreement: 0.995,
    meanAbsDifference: 0.01,
    baselineLatencyMs: { p50: 2, p99: 5 },
    candidateLatencyMs: { p50: 2.5, p99: 9 },
  };

  it('waits for the minimum number of tried requests', () => {
    expect(judgeShadow(record, { ...tally, requests: 8, failedRequests: 1 })).toBeUndefined();
  });

  it('promotes only when every judgement passes, and says each one', () => {
    expect(judgeShadow(record, tally)).toEqual({ state: 'promoted', reason: 'answered all 10 mirrored requests; agreement 0.995 >= 0.99; p50 latency ratio 1.25 <= 1.5' });
    expect(judgeShadow(record, { ...tally, candidateLatencyMs: { p50: 4, p99: 4 } })).toEqual({
      state: 'held',
      reason: 'answered all 10 mirrored requests; agreement 0.995 >= 0.99; p50 latency ratio 2 > 1.5',
    });
    expect(judgeShadow(record, { ...tally, requests: 9, failedRequests: 1, lastFailure: 'boom' })?.reason).toBe(
      'failed 1 of 10 mirrored requests (last: boom); agreement 0.995 >= 0.99; p50 latency ratio 1.25 <= 1.5',
    );
    expect(judgeShadow({ ...record, tolerance: { maxMeanAbsDifference: 0.001 } }, tally)).toEqual({ state: 'held', reason: 'answered all 10 mirrored requests; mean |difference| 0.01 > 0.001' });
  });
});

describe('mirrored requests', () => {
  it('round-trip records and tensors of both dtypes through the stream encoding', () => {
    const records = [toRecord({ x: 1, name: 'a', flag: true, missing: null })];
    expect(decodeMirroredRequest(encodeMirroredRequest({ kind: 'records', records }))).toEqual({ kind: 'records', records });
    // A view into a larger buffer, at an offset, as a decoded request's tensor often is.
    const floats = new Float32Array(new ArrayBuffer(32), 4, 3).fill(0.5);
    const ints = Int32Array.from([7, -1]);
    const decoded = decodeMirroredRequest(encodeMirroredRequest({ kind: 'inputs', rows: 1, inputs: [floats, ints] }));
    expect(decoded).toEqual({ kind: 'inputs', rows: 1, inputs: [Float32Array.from([0.5, 0.5, 0.5]), Int32Array.from([7, -1])] });
  });

  it('says what is wrong with a damaged entry', () => {
    expect(() => decodeMirroredRequest(Buffer.from([1]))).toThrow('too short to hold its header');
    const truncated = encodeMirroredRequest({ kind: 'inputs', rows: 2, inputs: [Float32Array.from([1, 2])] }).subarray(0, -2);
    expect(() => decodeMirroredRequest(truncated)).toThrow("a mirrored request's tensors need 8 bytes; it holds 6");
  });
});
