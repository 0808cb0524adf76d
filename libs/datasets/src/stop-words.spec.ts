import { englishStopWords } from './stop-words';

describe('englishStopWords', () => {
  it('returns a few hundred common English words', () => {
    const words = englishStopWords();
    expect(words.length).toBeGreaterThan(250);
    expect(words).toEqual(expect.arrayContaining(['a', 'and', 'the', 'of', 'is']));
    expect(words).not.toContain('penguin');
  });

  it('is lowercase, free of duplicates and sorted', () => {
    const words = englishStopWords();
    expect(words.every((word) => word === word.toLowerCase() && word.trim() === word && word !== '')).toBe(true);
    expect(new Set(words).size).toBe(words.length);
    expect(words).toEqual([...words].sort());
  });

  it('gives every caller its own array', () => {
    const first = englishStopWords();
    first.length = 0;
    expect(englishStopWords().length).toBeGreaterThan(250);
  });
});
