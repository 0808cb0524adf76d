import type { ClassificationMetricsRecord } from '@aiaas/registry';

/**
 * Accuracy, per-class precision/recall/F1, macro-F1 and the confusion matrix of predictions
 * against true class indices. Macro-F1 averages over the classes that occur in the truth or
 * the predictions (as scikit-learn does); a class never predicted has precision 0.
 */
export function classificationMetrics(truth: ArrayLike<number>, predicted: ArrayLike<number>, classLabels: readonly string[]): ClassificationMetricsRecord {
  if (truth.length !== predicted.length) throw new RangeError(`${truth.length} true labels but ${predicted.length} predictions`);
  const classes = classLabels.length;
  const confusion = new Array<number>(classes * classes).fill(0);
  let correct = 0;
  for (let row = 0; row < truth.length; row++) {
    const actual = truth[row]!;
    const guess = predicted[row]!;
    confusion[actual * classes + guess]! += 1;
    if (actual === guess) correct += 1;
  }
  const perClass = classLabels.map((label, index) => {
    let truePositives = 0;
    let support = 0;
    let predictedCount = 0;
    for (let other = 0; other < classes; other++) {
      support += confusion[index * classes + other]!;
      predictedCount += confusion[other * classes + index]!;
    }
    truePositives = confusion[index * classes + index]!;
    const precision = predictedCount === 0 ? 0 : truePositives / predictedCount;
    const recall = support === 0 ? 0 : truePositives / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support, predictedCount };
  });
  const present = perClass.filter((entry) => entry.support > 0 || entry.predictedCount > 0);
  return {
    accuracy: truth.length === 0 ? 0 : correct / truth.length,
    macroF1: present.length === 0 ? 0 : present.reduce((sum, entry) => sum + entry.f1, 0) / present.length,
    testRows: truth.length,
    perClass: perClass.map(({ label, precision, recall, f1, support }) => ({ label, precision, recall, f1, support })),
    confusionMatrix: confusion,
  };
}
