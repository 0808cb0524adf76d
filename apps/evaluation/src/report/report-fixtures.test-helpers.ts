import type { CurvePoint, ReportData } from './report-data';

/** `count + 1` points of y = f(x) for x evenly spaced in [0, 1]. */
export function curve(count: number, f: (x: number) => number): CurvePoint[] {
  return Array.from({ length: count + 1 }, (_, index) => ({ x: index / count, y: f(index / count) }));
}

/** A three-class classifier's report with every section, compared with a baseline version. */
export function classificationReport(): ReportData {
  const labels = ['cat', 'dog', 'bird'];
  return {
    model: { name: 'pets', version: 4, task: 'classification', family: 'mlp', createdAt: Date.UTC(2024, 4, 1, 12, 30) },
    dataset: { id: 'pets-2024', split: 'test', rows: 12_345 },
    verdict: { blessed: true, reason: 'test accuracy 0.873 >= min_accuracy 0.800' },
    baselineVersion: 3,
    headline: [
      { name: 'accuracy', value: 0.8731, baseline: 0.85, higherIsBetter: true },
      { name: 'macro F1', value: 0.81, baseline: 0.83, higherIsBetter: true },
      { name: 'log loss', value: 0.35, baseline: 0.41, higherIsBetter: false },
      { name: 'ECE', value: null, baseline: 0.05, higherIsBetter: false },
    ],
    classification: {
      labels,
      confusionMatrix: [4_100, 300, 100, 250, 3_900, 150, 120, 180, 3_245],
      perClass: [
        { label: 'cat', precision: 0.91, recall: 0.911, f1: 0.91, support: 4_500 },
        { label: 'dog', precision: 0.89, recall: 0.907, f1: 0.898, support: 4_300 },
        { label: 'bird', precision: 0.926, recall: 0.91, f1: 0.918, support: 3_545 },
      ],
      roc: labels.map((label, index) => ({ label, auc: 0.9 + index / 100, points: curve(50, (x) => x ** (0.2 + index / 10)) })),
      pr: labels.map((label, index) => ({ label, averagePrecision: 0.88 + index / 100, points: curve(50, (x) => 1 - 0.5 * x ** (3 + index)) })),
      reliability: {
        ece: 0.0412,
        bins: Array.from({ length: 10 }, (_, index) => ({
          lower: index / 10,
          upper: (index + 1) / 10,
          count: index < 3 ? 0 : 100 * index ** 2,
          confidence: index / 10 + 0.05,
          accuracy: Math.min(1, index / 10 + 0.02),
        })),
      },
    },
    training: { loss: [1.2, 0.8, 0.6, 0.5, 0.45], validationLoss: [1.25, 0.9, 0.7, 0.66, 0.68] },
    slices: [
      { column: 'region', value: 'south', rows: 2_000, metrics: { accuracy: 0.86, 'macro F1': 0.8 } },
      { column: 'age', value: '10', rows: 1_000, metrics: { accuracy: 0.9, 'macro F1': null } },
      { column: 'region', value: 'north', rows: 3_000, metrics: { accuracy: 0.88, 'macro F1': 0.82 } },
      { column: 'age', value: '9', rows: 500, metrics: { accuracy: 0.7 } },
    ],
  };
}

/** A regressor's report: no baseline, no verdict, actual-vs-predicted points only. */
export function regressionReport(): ReportData {
  return {
    model: { name: 'house prices', version: 1, task: 'regression', family: 'linear', createdAt: Date.UTC(2024, 0, 2) },
    dataset: { id: 'houses', split: 'test', rows: 980 },
    headline: [
      { name: 'RMSE', value: 21_345.678, higherIsBetter: false },
      { name: 'R²', value: 0.812, higherIsBetter: true },
    ],
    regression: { points: Array.from({ length: 200 }, (_, index) => ({ x: 50_000 + index * 1_500, y: 52_000 + index * 1_450 + ((index * 7919) % 23) * 900 })) },
  };
}
