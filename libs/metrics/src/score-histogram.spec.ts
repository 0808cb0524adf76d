import { InvalidArgumentError } from '@aiaas/errors';
import { ScoreHistogram } from './score-histogram';
import { StateReader } from './state-reader';

/** A histogram of `bins` bins holding `positives` and `negatives` (scores stored as float32, as the accumulator does). */
const histogramOf = (bins: number, positives: readonly number[], negatives: readonly number[]) => {
  const histogram = new ScoreHistogram(bins);
  for (const score of positives) histogram.add(Math.fround(score), true);
  for (const score of negatives) histogram.add(Math.fround(score), false);
  return histogram;
};

const roundTrip = (histogram: ScoreHistogram) => ScoreHistogram.fromJSON(StateReader.object(JSON.parse(JSON.stringify(histogram)), 'state'), histogram.bins);

describe('ScoreHistogram', () => {
  // roc_curve / average_precision_score docstrings: positives 0.35, 0.8; negatives 0.1, 0.4 → AUC 0.75, AP 0.83… (5/6)
  it("gives scikit-learn's roc_auc_score and average_precision_score when each bin holds one score", () => {
    const histogram = histogramOf(65536, [0.35, 0.8], [0.1, 0.4]);
    expect(histogram.rocAuc()).toEqual({ auc: 0.75, maxError: 0 });
    expect(histogram.averagePrecision()).toBeCloseTo(5 / 6, 12);
  });

  it('counts a positive and a negative in the same bin as half a pair, and bounds the error when their scores differ', () => {
    // 4 bins: 0.3 and 0.4 both fall in [0.25, 0.5)
    expect(histogramOf(4, [0.3], [0.4]).rocAuc()).toEqual({ auc: 0.5, maxError: 0.5 });
    // equal scores are a true tie, as in Mann-Whitney: exact, no error
    expect(histogramOf(4, [0.3], [0.3]).rocAuc()).toEqual({ auc: 0.5, maxError: 0 });
    // 1 goes to the last bin, 0 to the first
    expect(histogramOf(4, [1], [0]).rocAuc()).toEqual({ auc: 1, maxError: 0 });
  });

  it('gives an average precision of 1 without negatives, as scikit-learn', () => {
    expect(histogramOf(16, [0.2, 0.9], []).averagePrecision()).toBe(1);
  });

  it('merges into the histogram of all the scores and round-trips through JSON', () => {
    const left = histogramOf(64, [0.9, 0.7], [0.2, 0.71]);
    const right = histogramOf(64, [0.3], [0.05, 0.5]);
    const whole = histogramOf(64, [0.9, 0.7, 0.3], [0.2, 0.71, 0.05, 0.5]);
    left.merge(right);
    expect(left.toJSON()).toEqual(whole.toJSON());
    expect(left.rocAuc()).toEqual(whole.rocAuc());
    expect(roundTrip(left).toJSON()).toEqual(whole.toJSON());
    expect(() => left.merge(new ScoreHistogram(32))).toThrow(InvalidArgumentError);
  });

  it('lists only the non-empty bins in its state and holds 4 numbers per bin whatever it counts', () => {
    // A score's bin is ⌊(logit(p) + 18) / 36 × 1024⌋: logit(0.25) = −ln 3 → 480.75, logit(0.5) = 0 → 512, logit(0.75) = ln 3 → 543.25.
    const histogram = histogramOf(1024, [0.5, 0.5, 0.75], [0.25]);
    expect(histogram.toJSON()).toEqual({ bins: 1024, index: [480, 512, 543], positive: [0, 2, 1], negative: [1, 0, 0], lowest: [0.25, 0.5, 0.75], highest: [0.25, 0.5, 0.75] });
    expect(histogram.retainedValues).toBe(4 * 1024 + 2);
  });

  it('keeps at most the requested number of curve points, the first and the last among them', () => {
    const positives = Array.from({ length: 1000 }, (_, index) => (index + 0.5) / 1000);
    const negatives = positives.map((score) => score * score);
    const histogram = histogramOf(4096, positives, negatives);
    for (const maxPoints of [2, 10, 200]) {
      const roc = histogram.rocCurve(maxPoints);
      expect(roc.length).toBeLessThanOrEqual(maxPoints);
      expect(roc[0]).toEqual({ threshold: null, falsePositiveRate: 0, truePositiveRate: 0 });
      expect(roc.at(-1)).toMatchObject({ falsePositiveRate: 1, truePositiveRate: 1 });
      const pr = histogram.precisionRecallCurve(maxPoints);
      expect(pr.length).toBeLessThanOrEqual(maxPoints);
      expect(pr[0]).toEqual({ threshold: null, recall: 0, precision: 1 });
      expect(pr.at(-1)).toMatchObject({ recall: 1, precision: 0.5 });
    }
    expect(histogram.rocCurve(200).length).toBeGreaterThan(150);
  });

  it('refuses state with bins out of order, out of range or empty, naming the entry', () => {
    // In 8 bins of 4.5 log-odds each: 0.001 in bin 2, 0.5 in bin 4, 0.999 in bin 5.
    const state = JSON.parse(JSON.stringify(histogramOf(8, [0.999, 0.001], [0.5])));
    const read = (value: unknown) => () => ScoreHistogram.fromJSON(StateReader.object(value, 'state.histograms[0]'), 8);
    expect(read({ ...state, bins: 16 })).toThrow('invalid state.histograms[0].bins: expected 8, got 16');
    expect(read({ ...state, index: [0, 4, 9] })).toThrow('invalid state.histograms[0].index[2]: bin 9 is outside [0, 8)');
    expect(read({ ...state, index: [4, 0, 7] })).toThrow('invalid state.histograms[0].index[1]: bins must be listed in ascending order, once each');
    expect(read({ ...state, positive: [0, 0, 1], negative: [0, 1, 0] })).toThrow('invalid state.histograms[0].index[0]: bin 2 is listed but empty');
    expect(read({ ...state, lowest: [0.2, 0.5, 0.9] })).toThrow('invalid state.histograms[0].lowest[0]');
    expect(read({ ...state, positive: [1, 0] })).toThrow('invalid state.histograms[0].positive: expected 3 entries, got 2');
  });

  it('bins by log-odds, so confident scores a uniform grid would tie stay apart', () => {
    const histogram = new ScoreHistogram(65536);
    // 1 − 1e-5 and 1 − 1e-6 are 9e-6 apart, within one uniform bin of 1.5e-5; in log-odds they are ln 10 ≈ 2.3 apart.
    expect(histogram.binOf(1 - 1e-5)).toBeLessThan(histogram.binOf(1 - 1e-6));
    expect(histogram.binOf(1e-6)).toBeLessThan(histogram.binOf(1e-5));
    expect([histogram.binOf(0), histogram.binOf(1e-9), histogram.binOf(1), histogram.binOf(0.5)]).toEqual([0, 0, 65535, 32768]);
  });
});
