import { compareByteOrder } from './compare-byte-order';

describe('compareByteOrder', () => {
  it('sorts strings exactly as their UTF-8 bytes sort', () => {
    const words = ['b', 'a', 'B', 'ab', 'a', '', 'é', 'z', '\uffff', '😀', '\ue000', '中', 'Z0', 'a\u0000'];
    const byBytes = [...words].sort((x, y) => Buffer.compare(Buffer.from(x, 'utf8'), Buffer.from(y, 'utf8')));
    expect([...words].sort(compareByteOrder)).toEqual(byBytes);
  });

  it('puts characters above U+FFFF after U+E000–U+FFFF, unlike the < operator', () => {
    expect('😀' < '\uffff').toBe(true);
    expect(compareByteOrder('😀', '\uffff')).toBeGreaterThan(0);
    expect(compareByteOrder('\ue000', '😀')).toBeLessThan(0);
  });

  it('orders a prefix first and equal strings as equal', () => {
    expect(compareByteOrder('ab', 'abc')).toBeLessThan(0);
    expect(compareByteOrder('abc', 'abc')).toBe(0);
    expect(compareByteOrder('Z', 'a')).toBeLessThan(0);
  });
});
