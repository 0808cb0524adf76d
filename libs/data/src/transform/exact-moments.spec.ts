import { createSeededRandom, shuffleInPlace } from '../seeded-random';
import { ExactMoments } from './exact-moments';

function momentsOf(values: readonly number[]): ExactMoments {
  const moments = new ExactMoments();
  values.forEach((value) => moments.add(value));
  return moments;
}

describe('ExactMoments', () => {
  it('gives the mean, population standard deviation, min and max', () => {
    const moments = momentsOf([1, 2, 3, 6]);
    expect(moments.count).toBe(4);
    expect(moments.mean).toBe(3);
    expect(moments.std).toBe(Math.sqrt(3.5));
    expect([moments.min, moments.max]).toEqual([1, 6]);
  });

  it('reports zeros and no extremes when empty', () => {
    const moments = new ExactMoments();
    expect([moments.count, moments.mean, moments.std, moments.min, moments.max]).toEqual([0, 0, 0, undefined, undefined]);
  });

  it('gives bit-identical results however the stream is ordered or split, through JSON', () => {
    const random = createSeededRandom(11);
    const values = Array.from({ length: 5000 }, () => (random() - 0.3) * 10 ** Math.floor(random() * 12));
    const whole = momentsOf(values);

    const shuffled = shuffleInPlace([...values], createSeededRandom(3));
    const parts = [shuffled.slice(0, 1234), shuffled.slice(1234, 1235), shuffled.slice(1235)].map((part) =>
      ExactMoments.fromJSON(JSON.parse(JSON.stringify(momentsOf(part)))),
    );
    const merged = parts[2]!;
    merged.merge(parts[0]!);
    merged.merge(parts[1]!);

    expect(merged.count).toBe(whole.count);
    expect(Object.is(merged.mean, whole.mean)).toBe(true);
    expect(Object.is(merged.std, whole.std)).toBe(true);
    expect(merged.min).toBe(whole.min);
    expect(merged.max).toBe(whole.max);
  });

  it('keeps the spread of values sitting on a large offset, such as timestamps in seconds', () => {
    const moments = momentsOf([1_704_067_200.25, 1_704_067_210.25, 1_704_067_220.25]);
    expect(moments.mean).toBe(1_704_067_210.25);
    expect(moments.std).toBeCloseTo(Math.sqrt(200 / 3), 12);
  });

  it('refuses values that are not finite', () => {
    expect(() => new ExactMoments().add(Number.NaN)).toThrow(RangeError);
  });
});
