import { createSeededRandom, shuffleInPlace } from '@aiaas/data';

/** Row indices of each side of a split, in ascending order. */
export interface SplitIndices {
  readonly train: number[];
  readonly test: number[];
}

/**
 * Splits rows into train and test so each class keeps its share in both (stratified), in a
 * seeded shuffle: the same labels, fraction and seed always give the same split. A class with
 * at least two rows always has one on each side; a single-row class goes to training.
 */
export function stratifiedSplit(labels: ArrayLike<number>, testFraction: number, seed: number): SplitIndices {
  const random = createSeededRandom(seed);
  const byClass = new Map<number, number[]>();
  for (let row = 0; row < labels.length; row++) {
    const label = labels[row]!;
    let rows = byClass.get(label);
    if (!rows) byClass.set(label, (rows = []));
    rows.push(row);
  }
  const train: number[] = [];
  const test: number[] = [];
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const rows = shuffleInPlace(byClass.get(label)!, random);
    const testCount = rows.length < 2 ? 0 : Math.min(rows.length - 1, Math.max(1, Math.round(rows.length * testFraction)));
    test.push(...rows.slice(0, testCount));
    train.push(...rows.slice(testCount));
  }
  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b) };
}
