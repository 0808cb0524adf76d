import type { TextNormalization } from './transform-plan';

const MARKS = /\p{M}+/gu;
// An apostrophe between two word characters belongs to the word (don't, O'Brien, l'homme).
const IN_WORD_APOSTROPHE = /(?<=[\p{L}\p{M}\p{N}])['\u2019\u02bc](?=[\p{L}\p{M}\p{N}])/gu;
const PUNCTUATION_OR_SYMBOL = /[\p{P}\p{S}]+/gu;
// Marks are word characters too: scripts such as Devanagari write vowels with them.
const WORD = /[\p{L}\p{M}\p{N}_]+(?:'[\p{L}\p{M}\p{N}_]+)*/gu;

/**
 * The words of already-normalised text: runs of letters, marks, digits and `_`, with apostrophes
 * inside a word kept (`don't` is one token when punctuation is not stripped).
 */
export function tokenize(normalized: string): string[] {
  return normalized.match(WORD) ?? [];
}

/**
 * Turns free text into tokens the same way at fit time and at serving time. Steps, in order:
 * Unicode NFKC (full-width and compatibility forms fold to plain ones), lowercase
 * (`toLowerCase`, locale-independent), strip accents (NFD, drop combining marks, recompose),
 * strip punctuation (an apostrophe inside a word is deleted, so `don't` → `dont`; every other
 * punctuation or symbol character becomes a space), split into words (`tokenize`), and drop stop
 * words. Stop words go through the same normalisation, so `The` is removed when lowercasing is on.
 */
export class TextNormalizer {
  private readonly stopWords: ReadonlySet<string>;

  /** `stopWords` are only used when `options.removeStopWords` is set. */
  constructor(
    readonly options: TextNormalization,
    stopWords: readonly string[] = [],
  ) {
    const normalized = new Set<string>();
    if (options.removeStopWords) for (const word of stopWords) for (const token of tokenize(this.normalize(word))) normalized.add(token);
    this.stopWords = normalized;
  }

  /** The text after every step except splitting and stop-word removal. */
  normalize(text: string): string {
    let result = text;
    if (this.options.unicode === 'NFKC') result = result.normalize('NFKC');
    if (this.options.lowercase) result = result.toLowerCase();
    if (this.options.stripAccents) result = result.normalize('NFD').replace(MARKS, '').normalize('NFC');
    if (this.options.stripPunctuation) {
      result = result.replace(IN_WORD_APOSTROPHE, '').replace(PUNCTUATION_OR_SYMBOL, ' ');
    } else {
      result = result.replace(IN_WORD_APOSTROPHE, "'");
    }
    return result;
  }

  /** The tokens of `text`, in order, stop words removed. */
  tokens(text: string): string[] {
    const tokens = tokenize(this.normalize(text));
    return this.stopWords.size === 0 ? tokens : tokens.filter((token) => !this.stopWords.has(token));
  }
}
