import { TextMeasure } from './text-measure';

describe('TextMeasure', () => {
  const measure = new TextMeasure();
  const measured = (text: string): [number, number] => {
    measure.measure(text);
    return [measure.length, measure.tokens];
  };

  it('counts whitespace-separated tokens, whatever the whitespace', () => {
    expect(measured('the quick  brown\tfox\njumps')).toEqual([26, 5]);
    expect(measured('  padded\u00a0words  ')).toEqual([16, 2]);
    expect(measured('')).toEqual([0, 0]);
    expect(measured('   ')).toEqual([3, 0]);
  });

  it('counts characters as code points, so an emoji counts once', () => {
    expect(measured('a😀b')).toEqual([3, 1]);
    expect(measured('\udc00x')).toEqual([2, 1]);
  });
});
