import { linePath, linearScale, niceTicks } from './chart-scale';

describe('chart scales', () => {
  it('picks round ticks that cover the data', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.13, 0.97, 4)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(1, 40, 5)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(0.1, 0.3, 2)).toEqual([0.1, 0.2, 0.3]);
    expect(niceTicks(-3, 7, 5)).toEqual([-4, -2, 0, 2, 4, 6, 8]);
    // A flat series still gets an axis around its value.
    const flat = niceTicks(2, 2);
    expect(flat[0]).toBeLessThan(2);
    expect(flat[flat.length - 1]).toBeGreaterThan(2);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
    // Vanishing ranges (a loss that reached 1e-120) still give numbers, not a RangeError.
    expect(niceTicks(0, 1e-120).length).toBeGreaterThan(1);
  });

  it('maps a domain onto a range, flipped or flat', () => {
    const y = linearScale([0, 10], [100, 0]);
    expect([y(0), y(5), y(10)]).toEqual([100, 50, 0]);
    expect(linearScale([3, 3], [0, 50])(3)).toBe(25);
  });

  it('draws a path that breaks at missing values', () => {
    const identity = (value: number) => value;
    expect(linePath([{ x: 1, y: 2 }, { x: 2, y: 3 }, { x: 3, y: Number.NaN }, { x: 4, y: 1 }, { x: 5, y: 0 }], identity, identity)).toBe('M1.0,2.0L2.0,3.0M4.0,1.0L5.0,0.0');
    expect(linePath([], identity, identity)).toBe('');
  });
});
