import { truncateText } from './truncate-text';

describe('truncateText', () => {
  it('returns text that fits unchanged, trailing spaces included', () => {
    expect(truncateText('short ', 10)).toBe('short ');
  });

  it('cuts longer text to the limit and drops the whitespace the cut leaves', () => {
    expect(truncateText('hello world', 5)).toBe('hello');
    expect(truncateText('hello world', 6)).toBe('hello');
    expect(truncateText('hello', 0)).toBe('');
  });

  it('never splits a surrogate pair', () => {
    expect(truncateText('ab😀cd', 3)).toBe('ab');
    expect(truncateText('ab😀cd', 4)).toBe('ab😀');
  });
});
