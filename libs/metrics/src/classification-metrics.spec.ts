import { FailedPreconditionError, InvalidArgumentError } from '@aiaas/errors';
import { ClassificationAccumulator } from './classification-metrics';
import type { ClassificationAccumulatorOptions, ClassificationMetrics } from './classification-metrics';

/** Rows of probabilities as the row-major Float32Array `add` takes. */
const rowsOf = (rows: readonly (readonly number[])[]) => Float32Array.from(rows.flat());

/** Probabilities whose argmax is `predicted`: 0.8 on it, the rest shared evenly. */
const confidentIn = (predicted: readonly number[], classes: number) =>
  rowsOf(predicted.map((label) => Array.from({ length: classes }, (_, k) => (k === label ? 0.8 : 0.2 / (classes - 1)))));

const metricsOf = (classes: number, truth: ArrayLike<number>, probabilities: Float32Array, options?: ClassificationAccumulatorOptions): ClassificationMetrics => {
  const accumulator = new ClassificationAccumulator(classes, options);
  accumulator.add(truth, probabilities);
  return accumulator.result();
};

/** The error `run` throws (fails the test when it throws nothing). */
const thrownBy = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};

/** Deterministic uniform numbers in [0, 1) (mulberry32). */
const randomSource = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** `rows` rows of random probabilities over `classes` (float32, each row sums to ~1) and random truths. */
const randomBatch = (random: () => number, rows: number, classes: number) => {
  const truth = new Int32Array(rows);
  const probabilities = new Float32Array(rows * classes);
  for (let row = 0; row < rows; row++) {
    truth[row] = Math.floor(random() * classes);
    let sum = 0;
    for (let k = 0; k < classes; k++) {
      // Skewed toward the true class so the metrics are not all chance.
      const weight = random() + (k === truth[row] ? random() : 0);
      probabilities[row * classes + k] = weight;
      sum += weight;
    }
    for (let k = 0; k < classes; k++) probabilities[row * classes + k]! /= sum;
  }
  return { truth, probabilities };
};

/** Exact Mann-Whitney AUC by comparing every positive with every negative (ties ½). */
const bruteForceAuc = (positives: readonly number[], negatives: readonly number[]) => {
  let sum = 0;
  for (const p of positives) for (const n of negatives) sum += p > n ? 1 : p === n ? 0.5 : 0;
  return sum / (positives.length * negatives.length);
};

/** Expects two results to be equal, numbers to within `digits` decimals (sums merged in another order round differently). */
const expectClose = (actual: unknown, expected: unknown, digits = 12, path = 'result'): void => {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Math.abs(actual - expected) > 10 ** -digits) throw new Error(`${path}: ${actual} ≠ ${expected}`);
  } else if (Array.isArray(expected) && Array.isArray(actual)) {
    expect(actual.length).toBe(expected.length);
    expected.forEach((value, index) => expectClose(actual[index], value, digits, `${path}[${index}]`));
  } else if (typeof expected === 'object' && expected !== null && typeof actual === 'object' && actual !== null) {
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) expectClose((actual as Record<string, unknown>)[key], value, digits, `${path}.${key}`);
  } else {
    expect(actual).toEqual(expected);
  }
};

describe('ClassificationAccumulator', () => {
  describe('precision, recall and F1', () => {
    // scikit-learn's precision_recall_fscore_support docstring: cat = 0, dog = 1, pig = 2,
    // y_true = [cat, dog, pig, cat, dog, pig], y_pred = [cat, pig, dog, cat, cat, dog].
    const truth = [0, 1, 2, 0, 1, 2];
    const predicted = [0, 2, 1, 0, 0, 1];

    it("matches scikit-learn's precision_recall_fscore_support docstring per class and averaged", () => {
      const metrics = metricsOf(3, truth, confidentIn(predicted, 3));
      // average=None (docstring with labels [pig, dog, cat]): P [0, 0, 0.66…], R [0, 0, 1], F [0, 0, 0.8], support [2, 2, 2]
      expect(metrics.perClass.map((entry) => entry.precision)).toEqual([2 / 3, 0, 0]);
      expect(metrics.perClass.map((entry) => entry.recall)).toEqual([1, 0, 0]);
      expect(metrics.perClass[0]!.f1).toBeCloseTo(0.8, 12);
      expect(metrics.perClass.map((entry) => entry.support)).toEqual([2, 2, 2]);
      // docstring: macro (0.22…, 0.33…, 0.26…), micro (0.33…, 0.33…, 0.33…), weighted (0.22…, 0.33…, 0.26…);
      // full precision by hand: P = (2/3)/3 = 2/9, R = 1/3, F1 = 0.8/3
      expect(metrics.macro.precision).toBeCloseTo(2 / 9, 12);
      expect(metrics.macro.recall).toBeCloseTo(1 / 3, 12);
      expect(metrics.macro.f1).toBeCloseTo(0.8 / 3, 12);
      expect(metrics.micro.precision).toBeCloseTo(1 / 3, 12);
      expect(metrics.micro.recall).toBeCloseTo(1 / 3, 12);
      expect(metrics.micro.f1).toBeCloseTo(1 / 3, 12);
      expect(metrics.weighted.precision).toBeCloseTo(2 / 9, 12);
      expect(metrics.weighted.recall).toBeCloseTo(1 / 3, 12);
      expect(metrics.weighted.f1).toBeCloseTo(0.8 / 3, 12);
      expect(metrics.accuracy).toBeCloseTo(1 / 3, 12);
    });

    it('averages macro over the classes in the truth or the predictions, as scikit-learn with labels=None', () => {
      // Four classes; truth [0, 0, 1], predictions [0, 2, 1]: class 2 is only predicted, class 3 appears nowhere.
      // By hand, scikit-learn semantics (zero_division=0):
      //   class 0: P 1/1, R 1/2, F1 2·1/(2 + 1) = 2/3;  class 1: 1, 1, 1;  class 2: P 0/1, R 0 (no support), F1 0
      //   macro over {0, 1, 2}: P (1 + 1 + 0)/3, R (1/2 + 1 + 0)/3, F1 (2/3 + 1 + 0)/3
      const metrics = metricsOf(4, [0, 0, 1], confidentIn([0, 2, 1], 4));
      expect(metrics.macroClasses).toEqual([0, 1, 2]);
      expect(metrics.macro.precision).toBeCloseTo(2 / 3, 12);
      expect(metrics.macro.recall).toBeCloseTo(0.5, 12);
      expect(metrics.macro.f1).toBeCloseTo(5 / 9, 12);
      // weighted by support (2, 1, 0, 0): P (2·1 + 1)/3, R (2·½ + 1)/3, F1 (2·⅔ + 1)/3
      expect(metrics.weighted.precision).toBeCloseTo(1, 12);
      expect(metrics.weighted.recall).toBeCloseTo(2 / 3, 12);
      expect(metrics.weighted.f1).toBeCloseTo(7 / 9, 12);
      // balanced accuracy ignores class 2 (no true rows): mean recall of classes 0 and 1 = (½ + 1)/2
      expect(metrics.balancedAccuracy).toBeCloseTo(0.75, 12);
      expect(metrics.notes).toEqual({
        'perClass[class 2].recall': 'class 2 has no true rows: 0 by zero_division=0',
        'perClass[class 3].precision': 'class 3 was never predicted: 0 by zero_division=0',
        'perClass[class 3].recall': 'class 3 has no true rows: 0 by zero_division=0',
        'perClass[class 3].f1': 'class 3 is in neither the truth nor the predictions: 0 by zero_division=0, and left out of the macro average',
      });
    });

    it("matches scikit-learn's balanced_accuracy_score docstring", () => {
      // y_true = [0, 1, 0, 0, 1, 0], y_pred = [0, 1, 0, 0, 0, 1] → 0.625 (recalls 3/4 and 1/2)
      const metrics = metricsOf(2, [0, 1, 0, 0, 1, 0], confidentIn([0, 1, 0, 0, 0, 1], 2));
      expect(metrics.balancedAccuracy).toBeCloseTo(0.625, 12);
    });
  });

  describe('confusion matrix and accuracy', () => {
    it("matches scikit-learn's confusion_matrix docstring, row-major [true][predicted]", () => {
      // y_true = [2, 0, 2, 2, 0, 1], y_pred = [0, 0, 2, 2, 0, 2] → [[2, 0, 0], [0, 0, 1], [1, 0, 2]]
      const metrics = metricsOf(3, [2, 0, 2, 2, 0, 1], confidentIn([0, 0, 2, 2, 0, 2], 3));
      expect(metrics.confusionMatrix).toEqual([2, 0, 0, 0, 0, 1, 1, 0, 2]);
    });

    it("matches scikit-learn's accuracy_score docstring", () => {
      // y_pred = [0, 2, 1, 3], y_true = [0, 1, 2, 3] → 0.5
      expect(metricsOf(4, [0, 1, 2, 3], confidentIn([0, 2, 1, 3], 4)).accuracy).toBe(0.5);
    });

    it('predicts the lowest index among tied probabilities, as numpy argmax', () => {
      const metrics = metricsOf(3, [1, 2], rowsOf([[0.4, 0.4, 0.2], [0.25, 0.375, 0.375]]));
      // row 0 → class 0 (tie 0/1), row 1 → class 1 (tie 1/2)
      expect(metrics.confusionMatrix).toEqual([0, 0, 0, 1, 0, 0, 0, 1, 0]);
      expect(metrics.accuracy).toBe(0);
    });
  });

  describe('log loss and Brier score', () => {
    it("matches scikit-learn's log_loss docstring", () => {
      // log_loss(["spam", "ham", "ham", "spam"], [[.1, .9], [.9, .1], [.8, .2], [.35, .65]]) = 0.21616…
      // (ham = 0, spam = 1). Full value from the formula, −mean(ln .9, ln .9, ln .8, ln .65), in
      // float64: 0.21616187468057912; the float32 inputs move it by 4e-9.
      const metrics = metricsOf(2, [1, 0, 0, 1], rowsOf([[0.1, 0.9], [0.9, 0.1], [0.8, 0.2], [0.35, 0.65]]));
      expect(metrics.logLoss).toBeCloseTo(0.21616187468057912, 7);
    });

    it('clips probabilities to [1e-15, 1 − 1e-15] and renormalises each row, as scikit-learn (< 1.5) does', () => {
      // A true class given probability 0: −ln(1e-15 / (1e-15 + 1 − 1e-15)) = −ln(1e-15) = 34.538776394910684
      const metrics = metricsOf(2, [0], rowsOf([[0, 1]]));
      expect(metrics.logLoss).toBeCloseTo(-Math.log(1e-15), 9);
      // A row summing to 1.0005 (within tolerance) is renormalised: −ln(0.5 / 1.0005)
      expect(metricsOf(2, [0], rowsOf([[0.5, 0.5005]])).logLoss).toBeCloseTo(-Math.log(Math.fround(0.5) / (Math.fround(0.5) + Math.fround(0.5005))), 12);
    });

    it("reports scikit-learn's binary brier_score_loss for two classes and the multi-class sum beside it", () => {
      // brier_score_loss docstring: y_true = [0, 1, 1, 0], y_prob = [0.1, 0.9, 0.8, 0.3] → 0.0375
      // (mean of 0.01, 0.01, 0.04, 0.09); Σ over both columns doubles each term → 0.075.
      const metrics = metricsOf(2, [0, 1, 1, 0], rowsOf([[0.9, 0.1], [0.1, 0.9], [0.2, 0.8], [0.7, 0.3]]));
      expect(metrics.brier).toBeCloseTo(0.0375, 7);
      expect(metrics.brierMulticlass).toBeCloseTo(0.075, 7);
    });

    it('scores more classes with the multi-class Brier sum', () => {
      // average_precision_score's multi-class docstring data (below); by hand,
      // Σ_k (p_k − y_k)² per row = .14, .54, .06, .78, .96, .14 → 2.62 / 6 = 0.43666…
      // (the float32 inputs move it by 2e-9).
      const metrics = metricsOf(3, apTruth, rowsOf(apScores));
      expect(metrics.brier).toBeCloseTo(2.62 / 6, 7);
      expect(metrics.brierMulticlass).toBe(metrics.brier);
      // log loss of the same rows, −mean ln p(true): 0.7776991479709777 (a 20-line Python check)
      expect(metrics.logLoss).toBeCloseTo(0.7776991479709777, 7);
    });
  });

  // average_precision_score docstring (scikit-learn ≥ 1.5): multi-class, macro → 0.77…
  const apTruth = [0, 0, 1, 1, 2, 2];
  const apScores = [
    [0.7, 0.2, 0.1],
    [0.4, 0.3, 0.3],
    [0.1, 0.8, 0.1],
    [0.2, 0.3, 0.5],
    [0.4, 0.4, 0.2],
    [0.1, 0.2, 0.7],
  ];

  describe('ROC-AUC and PR-AUC', () => {
    // roc_curve / auc docstrings: y = [1, 1, 2, 2] (pos_label 2), scores [0.1, 0.4, 0.35, 0.8]
    // → fpr [0, 0, .5, .5, 1], tpr [0, .5, .5, 1, 1], thresholds [inf, .8, .4, .35, .1], auc 0.75.
    // average_precision_score docstring: y_true [0, 0, 1, 1], same scores → 0.83… (= 5/6 by hand:
    // recall .5 at precision 1, then recall 1 at precision 2/3).
    const binaryTruth = [0, 0, 1, 1];
    const binaryRows = rowsOf([[0.9, 0.1], [0.6, 0.4], [0.65, 0.35], [0.2, 0.8]]);

    it("matches scikit-learn's binary roc_auc_score, average_precision_score and curves", () => {
      const metrics = metricsOf(2, binaryTruth, binaryRows);
      expect(metrics.rocAuc).toBe(0.75);
      expect(metrics.rocAucMaxError).toBe(0);
      expect(metrics.prAuc).toBeCloseTo(5 / 6, 12);
      expect(metrics.aucClasses).toEqual([1]);
      const [entry] = metrics.oneVsRest;
      expect(entry).toMatchObject({ class: 1, positives: 2, negatives: 2 });
      expect(entry!.rocCurve!.map((point) => [point.falsePositiveRate, point.truePositiveRate])).toEqual([[0, 0], [0, 0.5], [0.5, 0.5], [0.5, 1], [1, 1]]);
      const thresholds = entry!.rocCurve!.map((point) => point.threshold);
      expect(thresholds[0]).toBeNull();
      [0.8, 0.4, 0.35, 0.1].forEach((threshold, index) => expect(thresholds[index + 1]).toBeCloseTo(threshold, 7));
      // precision_recall_curve (user guide): precision [.5, .66…, .5, 1, 1], recall [1, 1, .5, .5, 0],
      // thresholds [.1, .35, .4, .8]: the same points, highest threshold first here.
      expect(entry!.precisionRecallCurve!.map((point) => [point.recall, point.precision])).toEqual([[0, 1], [0.5, 1], [0.5, 0.5], [1, 2 / 3], [1, 0.5]]);
    });

    it("matches scikit-learn's multi-class average_precision_score docstring and its one-vs-rest roc_auc_score", () => {
      const metrics = metricsOf(3, apTruth, rowsOf(apScores));
      // docstring: 0.77…; per class by hand (and a 20-line Python check of sklearn's step formula):
      // class 0: 1 at recall ½, then the 0.4 tie (one positive, one negative) gives recall 1 at 2/3 → 5/6;
      // classes 1 and 2: 0.75 each → macro 7/9 = 0.7777…
      [5 / 6, 0.75, 0.75].forEach((expected, label) => expect(metrics.oneVsRest[label]!.averagePrecision).toBeCloseTo(expected, 12));
      expect(metrics.prAuc).toBeCloseTo(7 / 9, 12);
      // Mann-Whitney per class (ties ½), by hand: class 0 7.5/8, class 1 6.5/8 (the 0.3 tie), class 2 6/8;
      // roc_auc_score(multi_class='ovr') is their mean 0.8333…
      expect(metrics.oneVsRest.map((entry) => entry.rocAuc)).toEqual([0.9375, 0.8125, 0.75]);
      expect(metrics.rocAuc).toBeCloseTo(2.5 / 3, 12);
      expect(metrics.rocAucMaxError).toBe(0);
      expect(metrics.aucClasses).toEqual([0, 1, 2]);
      expect(metrics.undefinedMetrics).toEqual({});
    });

    it('equals the exact Mann-Whitney AUC when every bin holds one distinct score, ties included', () => {
      // Scores at log-odds −10, −9.5, …, 10 (41 values, 0.5 apart: far more than a bin of 5.5e-4)
      // tie often and never share a bin with another value.
      const random = randomSource(7);
      const truth: number[] = [];
      const rows: number[][] = [];
      for (let row = 0; row < 2000; row++) {
        const label = random() < 0.3 ? 1 : 0;
        const odds = Math.round((random() * 14 - 10 + label * 6) * 2) / 2;
        const score = Math.fround(1 / (1 + Math.exp(-odds)));
        truth.push(label);
        rows.push([1 - score, score]);
      }
      const metrics = metricsOf(2, truth, rowsOf(rows));
      const scores = rows.map((row) => Math.fround(row[1]!));
      const exact = bruteForceAuc(
        scores.filter((_, index) => truth[index] === 1),
        scores.filter((_, index) => truth[index] === 0),
      );
      expect(metrics.rocAuc).toBeCloseTo(exact, 12);
      expect(metrics.rocAucMaxError).toBe(0);
    });

    it('stays within the reported bound when distinct scores share a bin', () => {
      // 0.3 (positive) and 0.4 (negative) share bin 1 of 4: counted as a tie (½) though the exact AUC is 0.
      const tied = metricsOf(2, [1, 0], rowsOf([[0.7, 0.3], [0.6, 0.4]]), { aucBins: 4 });
      expect(tied.rocAuc).toBe(0.5);
      expect(tied.rocAucMaxError).toBe(0.5);
      // Random float32 scores in 64 bins: the binned AUC is off, but by no more than the bound.
      const random = randomSource(11);
      const { truth, probabilities } = randomBatch(random, 3000, 2);
      const metrics = metricsOf(2, truth, probabilities, { aucBins: 64 });
      const scores = Array.from({ length: truth.length }, (_, row) => probabilities[row * 2 + 1]!);
      const exact = bruteForceAuc(
        scores.filter((_, row) => truth[row] === 1),
        scores.filter((_, row) => truth[row] === 0),
      );
      expect(metrics.rocAucMaxError!).toBeGreaterThan(0);
      expect(Math.abs(metrics.rocAuc! - exact)).toBeLessThanOrEqual(metrics.rocAucMaxError!);
      // With the default 65536 bins (1.4e-4 wide in p around 0.5, where these uniform scores
      // mostly are) the same data is within 1e-5.
      const fine = metricsOf(2, truth, probabilities);
      expect(Math.abs(fine.rocAuc! - exact)).toBeLessThanOrEqual(fine.rocAucMaxError!);
      expect(Math.abs(fine.rocAuc! - exact)).toBeLessThan(1e-5);
    });

    it('cuts curves down to at most 200 points, keeping both ends', () => {
      const { truth, probabilities } = randomBatch(randomSource(3), 5000, 2);
      const [entry] = metricsOf(2, truth, probabilities).oneVsRest;
      expect(entry!.rocCurve!.length).toBeLessThanOrEqual(200);
      expect(entry!.rocCurve!.length).toBeGreaterThan(100);
      expect(entry!.rocCurve![0]).toEqual({ threshold: null, falsePositiveRate: 0, truePositiveRate: 0 });
      expect(entry!.rocCurve!.at(-1)).toMatchObject({ falsePositiveRate: 1, truePositiveRate: 1 });
      expect(entry!.precisionRecallCurve!.length).toBeLessThanOrEqual(200);
      expect(entry!.precisionRecallCurve!.at(-1)).toMatchObject({ recall: 1 });
      // thresholds descend along both curves
      const thresholds = entry!.rocCurve!.slice(1).map((point) => point.threshold!);
      expect([...thresholds].sort((a, b) => b - a)).toEqual(thresholds);
    });

    it('is null, with the reason, when the truth holds a single class', () => {
      const onlyNegatives = metricsOf(2, [0, 0], rowsOf([[0.9, 0.1], [0.6, 0.4]]));
      expect(onlyNegatives.rocAuc).toBeNull();
      expect(onlyNegatives.prAuc).toBeNull();
      expect(onlyNegatives.undefinedMetrics['rocAuc']).toBe('no row is class 1: binary ROC AUC needs rows of both classes');
      expect(onlyNegatives.undefinedMetrics['prAuc']).toBe('no row is class 1 (the positive class): average precision needs at least one positive row');
      expect(onlyNegatives.aucExcludedClasses).toEqual([1]);
      // Only positives: ROC AUC undefined, but average precision is 1, as scikit-learn returns.
      const onlyPositives = metricsOf(2, [1, 1], rowsOf([[0.9, 0.1], [0.6, 0.4]]));
      expect(onlyPositives.rocAuc).toBeNull();
      expect(onlyPositives.prAuc).toBe(1);
      expect(onlyPositives.undefinedMetrics['rocAuc']).toBe('every row is class 1: binary ROC AUC needs rows of both classes');
      expect(JSON.stringify(onlyPositives)).not.toContain('NaN');
    });

    it('leaves a class without rows out of the one-vs-rest averages and lists it', () => {
      // The average-precision data with a fourth class that never occurs (probability 0 for it).
      const metrics = metricsOf(4, apTruth, rowsOf(apScores.map((row) => [...row, 0])));
      expect(metrics.aucClasses).toEqual([0, 1, 2]);
      expect(metrics.aucExcludedClasses).toEqual([3]);
      expect(metrics.rocAuc).toBeCloseTo(2.5 / 3, 12);
      expect(metrics.prAuc).toBeCloseTo(7 / 9, 12);
      expect(metrics.oneVsRest[3]).toMatchObject({ class: 3, positives: 0, negatives: 6, rocAuc: null, averagePrecision: null, rocCurve: null, precisionRecallCurve: null });
      expect(metrics.undefinedMetrics['oneVsRest[class 3].rocAuc']).toBe('class 3 has no true rows: ROC AUC needs positive and negative rows');
      expect(metrics.undefinedMetrics['oneVsRest[class 3].averagePrecision']).toBe('class 3 has no true rows: average precision needs at least one positive row');
      // A single class in the truth leaves nothing to average.
      const single = metricsOf(3, [2, 2], rowsOf([[0.1, 0.1, 0.8], [0.2, 0.3, 0.5]]));
      expect(single.rocAuc).toBeNull();
      expect(single.prAuc).toBeNull();
      expect(single.undefinedMetrics['rocAuc']).toContain('no class has both positive and negative rows');
    });
  });

  describe('top-k accuracy', () => {
    it("matches scikit-learn's top_k_accuracy_score docstring", () => {
      // y_true = [0, 1, 2, 2], k = 2 → 0.75. The docstring's first three rows sum to 0.9; scaled by
      // 1/0.9 here to be probabilities, which keeps every ranking.
      const scores = [
        [0.5, 0.2, 0.2],
        [0.3, 0.4, 0.2],
        [0.2, 0.4, 0.3],
        [0.7, 0.2, 0.1],
      ].map((row) => row.map((value) => value / row.reduce((a, b) => a + b, 0)));
      const metrics = metricsOf(3, [0, 1, 2, 2], rowsOf(scores), { topK: [2, 1, 2, 3] });
      expect(metrics.topKAccuracy).toEqual([
        { k: 1, accuracy: 0.5 },
        { k: 2, accuracy: 0.75 },
        { k: 3, accuracy: 1 },
      ]);
      expect(metrics.topKAccuracy[0]!.accuracy).toBe(metrics.accuracy);
      expect(metrics.notes['topKAccuracy[k=3]']).toBe('k = 3 ≥ 3 classes: every row is a hit');
    });

    it('ranks a true class tied with the k-th by index, lowest first (scikit-learn: highest first)', () => {
      // [0.4, 0.4, 0.2]: true class 1 ties class 0 and ranks after it, so it misses at k = 1
      // (scikit-learn's argsort would put class 1 first and count a hit); true class 0 hits.
      const metrics = metricsOf(3, [1, 0], rowsOf([[0.4, 0.4, 0.2], [0.4, 0.4, 0.2]]), { topK: [1, 2] });
      expect(metrics.topKAccuracy).toEqual([
        { k: 1, accuracy: 0.5 },
        { k: 2, accuracy: 1 },
      ]);
    });
  });

  describe('calibration', () => {
    it('bins the top probability into equal-width bins closed on the right and weighs |accuracy − confidence| by bin size', () => {
      // By hand, 4 bins (0, .25], (.25, .5], (.5, .75], (.75, 1]:
      //   confidence .75 right, .75 wrong, .625 right → bin 2: 3 rows, mean conf 2.125/3, accuracy 2/3
      //   confidence 1 right, .875 right              → bin 3: 2 rows, mean conf .9375, accuracy 1
      //   confidence .5 (two classes tie; class 0 predicted, truth 1: wrong) → bin 1: mean .5, accuracy 0
      // ECE = 3/6·|2/3 − 2.125/3| + 2/6·|1 − .9375| + 1/6·|0 − .5| = 3/6·0.125/3 + 2/6·0.0625 + 1/12
      const metrics = metricsOf(
        2,
        [0, 1, 0, 1, 0, 1],
        rowsOf([[0.75, 0.25], [0.75, 0.25], [0.625, 0.375], [0, 1], [0.875, 0.125], [0.5, 0.5]]),
        { calibrationBins: 4 },
      );
      const { bins, expectedCalibrationError } = metrics.calibration;
      expect(bins.map((bin) => bin.count)).toEqual([0, 1, 3, 2]);
      expect(bins[0]).toEqual({ lower: 0, upper: 0.25, count: 0, meanConfidence: null, accuracy: null });
      expect(bins[1]).toEqual({ lower: 0.25, upper: 0.5, count: 1, meanConfidence: 0.5, accuracy: 0 });
      expect(bins[2]!.meanConfidence).toBeCloseTo(2.125 / 3, 12);
      expect(bins[2]!.accuracy).toBeCloseTo(2 / 3, 12);
      expect(bins[3]).toEqual({ lower: 0.75, upper: 1, count: 2, meanConfidence: 0.9375, accuracy: 1 });
      expect(expectedCalibrationError).toBeCloseTo((3 / 6) * (0.125 / 3) + (2 / 6) * 0.0625 + 1 / 12, 12);
    });

    it('defaults to 10 bins and is 0 for perfectly calibrated rows', () => {
      // confidence 0.75 on four rows, three right: accuracy equals confidence.
      const metrics = metricsOf(2, [0, 0, 0, 1], rowsOf([[0.75, 0.25], [0.75, 0.25], [0.75, 0.25], [0.75, 0.25]]));
      expect(metrics.calibration.bins).toHaveLength(10);
      expect(metrics.calibration.bins[7]).toMatchObject({ count: 4, meanConfidence: 0.75, accuracy: 0.75 });
      expect(metrics.calibration.expectedCalibrationError).toBe(0);
    });
  });

  describe('bad input', () => {
    it('refuses probabilities that do not hold rows × classes values, or are not a Float32Array', () => {
      const accumulator = new ClassificationAccumulator(3);
      expect(thrownBy(() => accumulator.add([0, 1], rowsOf([[1, 0, 0]])))).toMatchObject({
        field: 'probabilities',
        reason: '3 values for 2 rows of 3 classes; expected 6 (row-major [rows, classes])',
      });
      expect(thrownBy(() => accumulator.add([0], Float64Array.of(1, 0, 0) as unknown as Float32Array))).toMatchObject({ field: 'probabilities', reason: 'expected a Float32Array' });
    });

    it('names the row of a class index outside [0, classes) or not an integer', () => {
      const accumulator = new ClassificationAccumulator(3);
      const error = thrownBy(() => accumulator.add([0, 1, 3], confidentIn([0, 1, 2], 3)));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error).toMatchObject({ field: 'truth[row 2]', message: 'invalid truth[row 2]: 3 is not a class index in [0, 3)' });
      expect(thrownBy(() => accumulator.add([0.5], confidentIn([0], 3)))).toMatchObject({ field: 'truth[row 0]' });
      expect(thrownBy(() => accumulator.add([-1], confidentIn([0], 3)))).toMatchObject({ field: 'truth[row 0]' });
    });

    it('names the row holding NaN, Infinity or a value outside [0, 1]', () => {
      const accumulator = new ClassificationAccumulator(2);
      expect(thrownBy(() => accumulator.add([0, 1], rowsOf([[0.5, 0.5], [NaN, 1]])))).toMatchObject({
        field: 'probabilities[row 1]',
        reason: 'the probability of class 0 is NaN; probabilities must be finite numbers in [0, 1]',
      });
      expect(thrownBy(() => accumulator.add([0], rowsOf([[Infinity, 0]])))).toMatchObject({ field: 'probabilities[row 0]' });
      expect(thrownBy(() => accumulator.add([0], rowsOf([[1.5, -0.5]])))).toMatchObject({ field: 'probabilities[row 0]' });
    });

    it('names a row whose probabilities do not sum to 1 ± 0.001', () => {
      const accumulator = new ClassificationAccumulator(2);
      const rows = Array.from({ length: 13 }, () => [0.5, 0.5]);
      rows[12] = [0.6, 0.6];
      const error = thrownBy(() => accumulator.add(new Array<number>(13).fill(0), rowsOf(rows)));
      expect(error).toMatchObject({ field: 'probabilities[row 12]' });
      expect((error as InvalidArgumentError).reason).toMatch(/^the probabilities sum to 1\.2\d*, not 1 ± 0\.001/);
      // 1 ± 0.001 passes: float32 softmax outputs never sum to exactly 1
      accumulator.add([0], rowsOf([[0.5, 0.5009]]));
    });

    it('counts nothing from a batch with a bad row', () => {
      const accumulator = new ClassificationAccumulator(2);
      expect(() => accumulator.add([0, 1, 7], confidentIn([0, 1, 0], 2))).toThrow(InvalidArgumentError);
      expect(accumulator.rows).toBe(0);
      expect(() => accumulator.result()).toThrow(FailedPreconditionError);
    });

    it('refuses a result with no rows rather than scoring 0', () => {
      const error = thrownBy(() => new ClassificationAccumulator(3).result());
      expect(error).toBeInstanceOf(FailedPreconditionError);
      expect((error as Error).message).toBe('classification metrics need at least one row; no rows were added');
      // an empty batch adds no row either
      const accumulator = new ClassificationAccumulator(3);
      accumulator.add([], new Float32Array(0));
      expect(() => accumulator.result()).toThrow('no rows');
    });

    it('names the option at fault', () => {
      expect(thrownBy(() => new ClassificationAccumulator(1))).toMatchObject({ field: 'classes' });
      expect(thrownBy(() => new ClassificationAccumulator(2.5))).toMatchObject({ field: 'classes' });
      expect(thrownBy(() => new ClassificationAccumulator(3, { topK: [1, 0] }))).toMatchObject({ field: 'topK[1]' });
      expect(thrownBy(() => new ClassificationAccumulator(3, { calibrationBins: 0 }))).toMatchObject({ field: 'calibrationBins' });
      expect(thrownBy(() => new ClassificationAccumulator(3, { aucBins: 2 ** 23 }))).toMatchObject({ field: 'aucBins' });
    });
  });

  describe('streaming', () => {
    const options = { topK: [1, 3], calibrationBins: 15, aucBins: 1024 };
    const { truth, probabilities } = randomBatch(randomSource(42), 600, 5);
    const slice = (start: number, end: number) => ({ truth: truth.subarray(start, end), probabilities: probabilities.subarray(start * 5, end * 5) });
    const accumulate = (start: number, end: number) => {
      const accumulator = new ClassificationAccumulator(5, options);
      const part = slice(start, end);
      accumulator.add(part.truth, part.probabilities);
      return accumulator;
    };

    it('gives the same metrics whatever the batches, up to the rounding of the loss sums', () => {
      const whole = accumulate(0, 600).result();
      const batched = new ClassificationAccumulator(5, options);
      for (let start = 0; start < 600; start += 37) {
        const part = slice(start, Math.min(600, start + 37));
        batched.add(part.truth, part.probabilities);
      }
      expectClose(batched.result(), whole);
    });

    it('merges parts, in any order, into what one accumulator over all of them gives', () => {
      const whole = accumulate(0, 600).result();
      for (const split of [0, 1, 250, 599, 600]) {
        expectClose(accumulate(0, split).merge(accumulate(split, 600)).result(), whole);
        expectClose(accumulate(split, 600).merge(accumulate(0, split)).result(), whole);
      }
    });

    it('returns itself from merge and leaves the other unchanged', () => {
      const target = accumulate(0, 100);
      const other = accumulate(100, 600);
      const before = JSON.stringify(other);
      expect(target.merge(other)).toBe(target);
      expect(JSON.stringify(other)).toBe(before);
      expect(target.rows).toBe(600);
    });

    it('refuses to merge accumulators with other classes or options', () => {
      expect(thrownBy(() => accumulate(0, 10).merge(new ClassificationAccumulator(5)))).toMatchObject({
        field: 'other',
        reason: 'cannot merge accumulators that differ in topK [1, 3] vs [], calibrationBins 15 vs 10, aucBins 1024 vs 65536',
      });
      expect(thrownBy(() => accumulate(0, 10).merge(new ClassificationAccumulator(4, options)))).toMatchObject({ field: 'other' });
    });

    it('survives toJSON / JSON / fromJSON with the same result, exactly', () => {
      const original = accumulate(0, 600);
      const copy = ClassificationAccumulator.fromJSON(JSON.parse(JSON.stringify(original)));
      expect(copy.result()).toEqual(original.result());
      expect(JSON.stringify(copy)).toBe(JSON.stringify(original));
      // and keeps streaming
      copy.add([0], confidentIn([0], 5));
      expect(copy.rows).toBe(601);
    });

    it('refuses state that is malformed or whose parts disagree, naming the field', () => {
      const state = JSON.parse(JSON.stringify(accumulate(0, 50)));
      expect(thrownBy(() => ClassificationAccumulator.fromJSON({ ...state, kind: 'regression' }))).toMatchObject({ field: 'state.kind' });
      expect(thrownBy(() => ClassificationAccumulator.fromJSON({ ...state, version: 2 }))).toMatchObject({ field: 'state.version' });
      expect(thrownBy(() => ClassificationAccumulator.fromJSON({ ...state, calibrationBins: 0 }))).toMatchObject({ field: 'state.calibrationBins' });
      expect(thrownBy(() => ClassificationAccumulator.fromJSON({ ...state, confusion: state.confusion.slice(1) }))).toMatchObject({ field: 'state.confusion' });
      const confusion = [...state.confusion];
      confusion[0] += 1;
      expect(thrownBy(() => ClassificationAccumulator.fromJSON({ ...state, confusion }))).toMatchObject({ field: 'state.calibration.count' });
      const histograms = [...state.histograms];
      histograms[2] = { ...histograms[2], index: [...histograms[2].index].reverse() };
      expect(thrownBy(() => ClassificationAccumulator.fromJSON({ ...state, histograms }))).toMatchObject({ field: 'state.histograms[2].index[1]' });
      expect(thrownBy(() => ClassificationAccumulator.fromJSON(null))).toMatchObject({ field: 'state' });
    });
  });

  it('adds 1,000,000 rows × 10 classes in batches while holding O(classes × bins) numbers, no per-row arrays', () => {
    const classes = 10;
    const accumulator = new ClassificationAccumulator(classes, { topK: [1, 5] });
    // 10 histograms × (4 × 65536 + 2) + confusion 100 + 3 sums + 2 top-k + 3 × 10 calibration bins
    const expectedValues = classes * (4 * 65536 + 2) + classes * classes + 3 + 2 + 3 * 10;
    expect(accumulator.aucBins).toBe(65536);
    expect(accumulator.retainedValues).toBe(expectedValues);
    const random = randomSource(2024);
    const batchRows = 50_000;
    const { truth, probabilities } = randomBatch(random, batchRows, classes);
    for (let batch = 0; batch < 20; batch++) {
      // Rotating the truths makes each batch different without allocating new ones.
      for (let row = 0; row < batchRows; row++) truth[row] = (truth[row]! + 1) % classes;
      accumulator.add(truth, probabilities);
    }
    expect(accumulator.rows).toBe(1_000_000);
    expect(accumulator.retainedValues).toBe(expectedValues);
    const state = accumulator.toJSON();
    expect(state.histograms).toHaveLength(classes);
    for (const histogram of state.histograms) {
      expect(histogram.bins).toBe(65536);
      expect(histogram.index.length).toBeLessThanOrEqual(65536);
      expect(histogram.positive.reduce((a, b) => a + b, 0) + histogram.negative.reduce((a, b) => a + b, 0)).toBe(1_000_000);
    }
    expect(state.confusion).toHaveLength(classes * classes);
    expect(state.calibration.count).toHaveLength(10);
    const metrics = accumulator.result();
    expect(metrics.rows).toBe(1_000_000);
    expect(metrics.rocAuc).not.toBeNull();
  });

  it('runs the index example as documented', () => {
    const shard = new ClassificationAccumulator(3, { topK: [2] });
    shard.add([0, 2], Float32Array.of(0.7, 0.2, 0.1, 0.1, 0.3, 0.6));
    const total = new ClassificationAccumulator(3, { topK: [2] });
    total.add([1], Float32Array.of(0.2, 0.5, 0.3));
    total.merge(ClassificationAccumulator.fromJSON(JSON.parse(JSON.stringify(shard))));
    const metrics = total.result();
    expect(metrics.accuracy).toBe(1);
    expect(metrics.topKAccuracy).toEqual([{ k: 2, accuracy: 1 }]);
    expect(metrics.rocAuc).toBe(1);
  });

  it('chooses fewer default AUC bins for many classes, and reports them', () => {
    expect(new ClassificationAccumulator(2).aucBins).toBe(65536);
    expect(new ClassificationAccumulator(64).aucBins).toBe(65536);
    expect(new ClassificationAccumulator(100).aucBins).toBe(32768);
    expect(new ClassificationAccumulator(1000).aucBins).toBe(4096);
  });

  it('keeps within a smaller bin budget when asked, for accumulators kept by the dozen', () => {
    const small = new ClassificationAccumulator(10, { aucBinBudget: 2 ** 16 });
    expect(small.aucBins).toBe(4096);
    expect(small.retainedValues).toBeLessThan(new ClassificationAccumulator(10).retainedValues / 15);
    expect(new ClassificationAccumulator(2, { aucBinBudget: 2 ** 16 }).aucBins).toBe(65536);
    expect(thrownBy(() => new ClassificationAccumulator(3, { aucBinBudget: 0 }))).toMatchObject({ field: 'aucBinBudget' });
  });

  describe('ties between the largest probabilities', () => {
    // Two rows at exactly p = 0.5, one of each class, and two clear rows right.
    const truth = [0, 1, 0, 1];
    const probabilities = Float32Array.of(0.5, 0.5, 0.5, 0.5, 0.9, 0.1, 0.2, 0.8);

    it('go to the lowest index by default (argmax), and to the highest when asked (a sigmoid served as p >= 0.5)', () => {
      const argmax = new ClassificationAccumulator(2);
      argmax.add(truth, probabilities);
      expect(argmax.result().confusionMatrix).toEqual([2, 0, 1, 1]);
      const highest = new ClassificationAccumulator(2, { ties: 'highest-index' });
      highest.add(truth, probabilities);
      expect(highest.result().confusionMatrix).toEqual([1, 1, 0, 2]);
      // Ranking metrics do not depend on the rule: the scores are the same.
      expect(highest.result().rocAuc).toBe(argmax.result().rocAuc);
    });

    it('are part of the state: kept through JSON, and accumulators that differ in them do not merge', () => {
      const highest = new ClassificationAccumulator(2, { ties: 'highest-index' });
      highest.add(truth, probabilities);
      expect(ClassificationAccumulator.fromJSON(JSON.parse(JSON.stringify(highest))).result()).toEqual(highest.result());
      expect(() => new ClassificationAccumulator(2).merge(highest)).toThrow('ties lowest-index vs highest-index');
    });
  });
});
