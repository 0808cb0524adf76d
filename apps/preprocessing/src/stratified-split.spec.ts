import { stratifiedSplit } from './stratified-split';

describe('stratifiedSplit', () => {
  const labels = [...Array<number>(80).fill(0), ...Array<number>(20).fill(1)];

  it('keeps each class share on both sides', () => {
    const { train, test } = stratifiedSplit(labels, 0.25, 7);
    expect(test).toHaveLength(25);
    expect(test.filter((row) => labels[row] === 1)).toHaveLength(5);
    expect(new Set([...train, ...test]).size).toBe(100);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(stratifiedSplit(labels, 0.2, 1)).toEqual(stratifiedSplit(labels, 0.2, 1));
    expect(stratifiedSplit(labels, 0.2, 1).test).not.toEqual(stratifiedSplit(labels, 0.2, 2).test);
  });

  it('puts at least one row of every class with two rows on each side', () => {
    const { train, test } = stratifiedSplit([0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2], 0.01, 3);
    expect(test.map((row) => [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2][row])).toEqual([0, 1]);
    expect(train).toContain(10);
  });
});
