import { createSeededRandom } from './seeded-random';
import { QuantileSketch } from './quantile-sketch';

function exactQuantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Where `value` falls in `sorted`, as a fraction of its length. */
function rankOf(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low / sorted.length;
}

describe('QuantileSketch', () => {
  const random = createSeededRandom(7);
  const values = Array.from({ length: 200_000 }, () => Math.exp(3 * random()) * (random() < 0.5 ? -1 : 1));
  const sorted = [...values].sort((a, b) => a - b);
  const probes = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];

  it('is exact while it holds every value', () => {
    const sketch = new QuantileSketch();
    const few = [5, 1, 4, 2, 3];
    few.forEach((value) => sketch.add(value));
    expect(sketch.quantiles([0, 0.2, 0.5, 0.8, 1])).toEqual([1, 1, 3, 4, 5]);
    expect(sketch.count).toBe(5);
  });

  it('keeps the rank error within 1% over a skewed stream, in bounded memory', () => {
    const sketch = new QuantileSketch();
    values.forEach((value) => sketch.add(value));
    for (const q of probes) expect(Math.abs(rankOf(sorted, sketch.quantile(q)!) - q)).toBeLessThan(0.01);
    expect(sketch.min).toBe(sorted[0]);
    expect(sketch.max).toBe(sorted.at(-1));
    const retained = sketch.toJSON().levels.reduce((sum, level) => sum + level.length, 0);
    expect(retained).toBeLessThan(3 * 400 + 64);
  });

  it('merges sketches of parts into one as accurate as a sketch of the whole', () => {
    const parts = [new QuantileSketch(), new QuantileSketch(), new QuantileSketch()];
    values.forEach((value, index) => parts[index % 3]!.add(value));
    const merged = QuantileSketch.fromJSON(JSON.parse(JSON.stringify(parts[0]!.toJSON())));
    merged.merge(parts[1]!);
    merged.merge(QuantileSketch.fromJSON(parts[2]!.toJSON()));
    expect(merged.count).toBe(values.length);
    for (const q of probes) expect(Math.abs(rankOf(sorted, merged.quantile(q)!) - q)).toBeLessThan(0.01);
  });

  it('gives the same answers for the same input in the same order', () => {
    const first = new QuantileSketch();
    const second = new QuantileSketch();
    values.slice(0, 50_000).forEach((value) => {
      first.add(value);
      second.add(value);
    });
    expect(first.toJSON()).toEqual(second.toJSON());
    expect(first.quantile(0.5)).toBeCloseTo(exactQuantile(sorted, 0.5), 0);
  });

  it('answers undefined when empty and refuses non-finite input', () => {
    const sketch = new QuantileSketch();
    expect(sketch.quantile(0.5)).toBeUndefined();
    expect(() => sketch.add(Number.NaN)).toThrow(RangeError);
    expect(() => sketch.quantile(1.5)).toThrow('quantiles are in [0, 1], got 1.5');
  });
});
