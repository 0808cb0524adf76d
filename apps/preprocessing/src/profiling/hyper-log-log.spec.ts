import { HyperLogLog } from './hyper-log-log';

function relativeError(estimate: number, truth: number): number {
  return Math.abs(estimate - truth) / truth;
}

describe('HyperLogLog', () => {
  it('estimates zero before anything is added', () => {
    expect(new HyperLogLog().estimate()).toBe(0);
  });

  it('does not count a value added again', () => {
    const sketch = new HyperLogLog();
    for (let round = 0; round < 50; round++) for (let value = 0; value < 2_000; value++) sketch.add(`value-${value}`);
    expect(relativeError(sketch.estimate(), 2_000)).toBeLessThan(0.02);
  });

  // At precision 14 the standard error is 1.04/√16384 ≈ 0.8%, so 2% is a 2.5σ bound: it holds for
  // these inputs, and would for about 99% of others (as it would with a cryptographic hash). The
  // distinct counter's spec checks 1,000,000.
  it.each([100, 5_000, 20_000, 40_000, 80_000, 100_000])('estimates %i distinct values within 2%', (distinct) => {
    const sketch = new HyperLogLog();
    for (let value = 0; value < distinct; value++) sketch.add(`row-${value}`);
    expect(relativeError(sketch.estimate(), distinct)).toBeLessThan(0.02);
  });

  it('has the standard error theory predicts, about 0.8%, across many streams', () => {
    const errors = Array.from({ length: 12 }, (_, stream) => {
      const sketch = new HyperLogLog();
      for (let value = 0; value < 50_000; value++) sketch.add(`${stream}:${value}`);
      return sketch.estimate() / 50_000 - 1;
    });
    const rootMeanSquare = Math.sqrt(errors.reduce((sum, error) => sum + error * error, 0) / errors.length);
    expect(rootMeanSquare).toBeLessThan(0.012);
  });

  it('estimates within 2% for values that differ in one character only, such as sequential ids', () => {
    const sketch = new HyperLogLog();
    for (let value = 0; value < 200_000; value++) sketch.add(`user_${value.toString(36).padStart(6, '0')}`);
    expect(relativeError(sketch.estimate(), 200_000)).toBeLessThan(0.02);
  });

  it('rejects a precision it cannot address', () => {
    expect(() => new HyperLogLog(3)).toThrow(RangeError);
    expect(() => new HyperLogLog(19)).toThrow(RangeError);
  });
});
