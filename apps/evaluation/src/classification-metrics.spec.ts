import { classificationMetrics } from './classification-metrics';

describe('classificationMetrics', () => {
  it('computes accuracy, per-class scores, macro-F1 and the confusion matrix', () => {
    // truth:     a a a b b c
    // predicted: a a b b b a
    const metrics = classificationMetrics([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 1, 0], ['a', 'b', 'c']);
    expect(metrics.accuracy).toBeCloseTo(4 / 6);
    expect(metrics.confusionMatrix).toEqual([2, 1, 0, 0, 2, 0, 1, 0, 0]);
    const [a, b, c] = metrics.perClass;
    expect(a).toMatchObject({ label: 'a', precision: 2 / 3, recall: 2 / 3, support: 3 });
    expect(b).toMatchObject({ label: 'b', precision: 2 / 3, recall: 1, support: 2 });
    expect(b!.f1).toBeCloseTo(0.8);
    expect(c).toMatchObject({ label: 'c', precision: 0, recall: 0, f1: 0, support: 1 });
    expect(metrics.macroF1).toBeCloseTo((2 / 3 + 0.8 + 0) / 3);
  });

  it('leaves classes absent from both truth and predictions out of macro-F1', () => {
    const metrics = classificationMetrics([0, 1], [0, 1], ['a', 'b', 'never']);
    expect(metrics.macroF1).toBe(1);
    expect(metrics.perClass[2]).toMatchObject({ support: 0, f1: 0 });
  });

  it('refuses mismatched lengths', () => {
    expect(() => classificationMetrics([0], [0, 1], ['a', 'b'])).toThrow('1 true labels but 2 predictions');
  });
});
