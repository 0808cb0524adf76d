import { RunningMoments } from './running-moments';

describe('RunningMoments', () => {
  it('gives the population mean, variance, min and max', () => {
    const moments = new RunningMoments();
    [2, 4, 4, 4, 5, 5, 7, 9].forEach((value) => moments.add(value));
    expect(moments.count).toBe(8);
    expect(moments.mean).toBe(5);
    expect(moments.std).toBe(2);
    expect([moments.min, moments.max]).toEqual([2, 9]);
  });

  it('merges parts into exactly the moments of the whole, through JSON', () => {
    const values = Array.from({ length: 1000 }, (_, index) => 1.7e9 + ((index * 7919) % 1000) / 3);
    const whole = new RunningMoments();
    values.forEach((value) => whole.add(value));
    const parts = [new RunningMoments(), new RunningMoments(), new RunningMoments()];
    values.forEach((value, index) => parts[index % 3]!.add(value));
    const merged = RunningMoments.fromJSON(JSON.parse(JSON.stringify(parts[0]!.toJSON())));
    merged.merge(parts[1]!);
    merged.merge(parts[2]!);
    expect(merged.count).toBe(whole.count);
    expect(merged.mean).toBeCloseTo(whole.mean, 4);
    expect(merged.std).toBeCloseTo(whole.std, 6);
    expect(merged.toJSON().min).toBe(whole.min);
  });

  it('reports an empty stream as zero moments and no bounds', () => {
    const empty = new RunningMoments();
    expect([empty.mean, empty.std, empty.min, empty.max]).toEqual([0, 0, undefined, undefined]);
    empty.merge(new RunningMoments());
    expect(empty.count).toBe(0);
  });
});
