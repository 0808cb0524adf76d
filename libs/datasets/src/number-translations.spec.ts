import { englishNumberWords, frenchNumberWords, numberTranslations, numberTranslationsCsv } from './number-translations';

describe('number translations', () => {
  it.each([
    [0, 'zero', 'zéro'],
    [7, 'seven', 'sept'],
    [16, 'sixteen', 'seize'],
    [17, 'seventeen', 'dix sept'],
    [21, 'twenty one', 'vingt et un'],
    [22, 'twenty two', 'vingt deux'],
    [70, 'seventy', 'soixante dix'],
    [71, 'seventy one', 'soixante et onze'],
    [77, 'seventy seven', 'soixante dix sept'],
    [80, 'eighty', 'quatre vingts'],
    [81, 'eighty one', 'quatre vingt un'],
    [91, 'ninety one', 'quatre vingt onze'],
    [99, 'ninety nine', 'quatre vingt dix neuf'],
    [100, 'one hundred', 'cent'],
    [101, 'one hundred one', 'cent un'],
    [200, 'two hundred', 'deux cents'],
    [280, 'two hundred eighty', 'deux cent quatre vingts'],
    [1000, 'one thousand', 'mille'],
    [1080, 'one thousand eighty', 'mille quatre vingts'],
    [2305, 'two thousand three hundred five', 'deux mille trois cent cinq'],
    [8000, 'eight thousand', 'huit mille'],
    [9999, 'nine thousand nine hundred ninety nine', 'neuf mille neuf cent quatre vingt dix neuf'],
  ])('writes %i as "%s" and "%s"', (n, english, french) => {
    expect(englishNumberWords(n)).toBe(english);
    expect(frenchNumberWords(n)).toBe(french);
  });

  it('refuses numbers it cannot write', () => {
    expect(() => frenchNumberWords(10_000)).toThrow('expected a whole number from 0 to 9999, got 10000');
    expect(() => englishNumberWords(1.5)).toThrow(RangeError);
  });

  it('draws a seeded corpus with short and long sentences', () => {
    const corpus = numberTranslations({ count: 500, seed: 3 });
    expect(numberTranslations({ count: 500, seed: 3 })).toEqual(corpus);
    expect(numberTranslations({ count: 500, seed: 4 })).not.toEqual(corpus);
    const lengths = corpus.map((pair) => pair.french.split(' ').length);
    expect(Math.min(...lengths)).toBe(1);
    expect(Math.max(...lengths)).toBeGreaterThanOrEqual(6);
    expect(new Set(corpus.map((pair) => pair.english)).size).toBeGreaterThan(250);
  });

  it('writes the corpus as a two-column CSV, one pair per line', () => {
    const lines = numberTranslationsCsv({ count: 50, seed: 3 }).trimEnd().split('\n');
    expect(lines[0]).toBe('english,french');
    expect(lines.slice(1)).toEqual(numberTranslations({ count: 50, seed: 3 }).map(({ english, french }) => `${english},${french}`));
    expect(lines.every((line) => line.split(',').length === 2 && !line.includes('"'))).toBe(true);
  });
});
