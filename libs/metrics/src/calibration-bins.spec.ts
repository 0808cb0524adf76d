import { CalibrationBins } from './calibration-bins';
import { StateReader } from './state-reader';

describe('CalibrationBins', () => {
  it('puts a confidence on an edge in the bin that edge closes, as calibration_curve does', () => {
    // scikit-learn's calibration_curve(strategy='uniform') bins with np.searchsorted(edges[1:-1], p)
    // (side 'left'): bins (i/B, (i+1)/B], 0 in the first. 0.3 × 10 rounds to 3.0000000000000004,
    // which a plain ⌈·⌉ would push into the bin above.
    const bins = new CalibrationBins(10);
    expect([0, 0.05, 0.1, 0.1000001, 0.3, 0.7, 0.95, 1].map((confidence) => bins.binOf(confidence))).toEqual([0, 0, 0, 1, 2, 6, 9, 9]);
    const thirds = new CalibrationBins(3);
    expect([1 / 3, 2 / 3, 0.5, 0.9].map((confidence) => thirds.binOf(confidence))).toEqual([0, 1, 1, 2]);
  });

  it('weighs each bin’s |accuracy − mean confidence| by its share of rows', () => {
    // By hand, 2 bins: (0, .5] holds .5 (wrong); (.5, 1] holds .75 (right), 1 (right), .75 (wrong)
    // ECE = 1/4 · |0 − .5| + 3/4 · |2/3 − 2.5/3| = 0.125 + 0.125 = 0.25
    const bins = new CalibrationBins(2);
    bins.add(0.5, false);
    bins.add(0.75, true);
    bins.add(1, true);
    bins.add(0.75, false);
    const result = bins.result();
    expect(result.expectedCalibrationError).toBeCloseTo(0.25, 12);
    expect(result.bins).toEqual([
      { lower: 0, upper: 0.5, count: 1, meanConfidence: 0.5, accuracy: 0 },
      { lower: 0.5, upper: 1, count: 3, meanConfidence: 2.5 / 3, accuracy: 2 / 3 },
    ]);
  });

  it('merges and round-trips through JSON, refusing sums no bin could hold', () => {
    const left = new CalibrationBins(4);
    left.add(0.9, true);
    const right = new CalibrationBins(4);
    right.add(0.3, false);
    left.merge(right);
    expect(left.toJSON()).toEqual({ count: [0, 1, 0, 1], confidenceSum: [0, 0.3, 0, 0.9], correct: [0, 0, 0, 1] });
    const read = (value: unknown) => CalibrationBins.fromJSON(StateReader.object(value, 'state.calibration'), 4);
    expect(read(JSON.parse(JSON.stringify(left))).result()).toEqual(left.result());
    expect(() => read({ ...left.toJSON(), confidenceSum: [0, 0.9, 0, 0.9] })).toThrow('invalid state.calibration.confidenceSum[1]: 0.9 cannot be the sum of 1 confidences in bin 1');
    expect(() => read({ ...left.toJSON(), correct: [0, 2, 0, 1] })).toThrow('invalid state.calibration.correct[1]: 2 right out of 1 rows');
  });
});
