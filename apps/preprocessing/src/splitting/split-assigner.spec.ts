import { SplitAssigner } from './split-assigner';
import type { SplitName } from '@aiaas/data';
import type { SplitRule } from './split-rule';

function countSplits(assigner: SplitAssigner, keys: ReadonlyArray<{ stratum?: string; time?: number; group?: string }>) {
  const counts: Record<SplitName, number> = { train: 0, validation: 0, test: 0 };
  const assigned = keys.map((key) => assigner.assign(key));
  assigned.forEach((split) => (counts[split] += 1));
  return { counts, assigned };
}

describe('SplitAssigner', () => {
  const ratio: SplitRule = { kind: 'ratio', seed: 42, stratify: true, validation: 0.1, test: 0.2 };

  it('splits every class in the stated proportions, off by at most a row in a partial block', () => {
    const keys = [...Array.from({ length: 300 }, () => ({ stratum: 'a' })), ...Array.from({ length: 45 }, () => ({ stratum: 'b' }))];
    const { assigned } = countSplits(new SplitAssigner(ratio), keys);
    const ofClass = (stratum: string, split: SplitName) => assigned.filter((value, index) => keys[index]!.stratum === stratum && value === split).length;
    expect(ofClass('a', 'test')).toBe(60);
    expect(ofClass('a', 'validation')).toBe(30);
    expect(Math.abs(ofClass('b', 'test') - 9)).toBeLessThanOrEqual(1);
    expect(Math.abs(ofClass('b', 'validation') - 4.5)).toBeLessThanOrEqual(1);
  });

  it('is deterministic for a seed and different across seeds', () => {
    const keys = Array.from({ length: 200 }, () => ({ stratum: 'x' }));
    const first = countSplits(new SplitAssigner(ratio), keys).assigned;
    expect(countSplits(new SplitAssigner(ratio), keys).assigned).toEqual(first);
    expect(countSplits(new SplitAssigner({ ...ratio, seed: 7 }), keys).assigned).not.toEqual(first);
  });

  it('picks rows at random inside a block rather than always the same positions', () => {
    const keys = Array.from({ length: 400 }, () => ({ stratum: 'x' }));
    const { assigned } = countSplits(new SplitAssigner(ratio), keys);
    const testPositions = new Set(assigned.flatMap((split, index) => (split === 'test' ? [index % 20] : [])));
    expect(testPositions.size).toBeGreaterThan(10);
  });

  it('puts the latest rows in test and the ones before them in validation for a time split', () => {
    const assigner = new SplitAssigner({ kind: 'time', column: 't', validationFrom: 80, testFrom: 90, validation: 0.1, test: 0.1 });
    expect([10, 79.9, 80, 89, 90, 1000].map((time) => assigner.assign({ time }))).toEqual(['train', 'train', 'validation', 'validation', 'test', 'test']);
  });

  it('keeps every row of a group in one split, with about the stated share of groups', () => {
    const assigner = new SplitAssigner({ kind: 'group', column: 'user', seed: 1, validation: 0, test: 0.25 });
    const users = Array.from({ length: 4000 }, (_, index) => `user-${index}`);
    const first = users.map((group) => assigner.assign({ group }));
    expect(users.map((group) => assigner.assign({ group }))).toEqual(first);
    const share = first.filter((split) => split === 'test').length / users.length;
    expect(share).toBeGreaterThan(0.22);
    expect(share).toBeLessThan(0.28);
    expect(first).not.toContain('validation');
  });
});
