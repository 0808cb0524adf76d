import { confusionRows } from './confusion';

describe('confusionRows', () => {
  it('reads the API row-major counts as actual × predicted, with each row share', () => {
    const rows = confusionRows(['cat', 'dog'], [3, 1, 0, 0]);
    expect(rows).toEqual([
      { actual: 'cat', total: 4, cells: [{ predicted: 'cat', count: 3, share: 0.75 }, { predicted: 'dog', count: 1, share: 0.25 }] },
      { actual: 'dog', total: 0, cells: [{ predicted: 'cat', count: 0, share: 0 }, { predicted: 'dog', count: 0, share: 0 }] },
    ]);
  });

  it('refuses counts that are not a square of the labels', () => {
    expect(() => confusionRows(['a', 'b', 'c'], [1, 2, 3, 4])).toThrow('a confusion matrix of 3 classes has 9 counts, not 4');
  });
});
