import { createSeededRandom } from './seeded-random';

/** Numbers the corpus covers: 0 to 9,999. */
export const MAX_TRANSLATED_NUMBER = 9_999;

const ENGLISH_ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const ENGLISH_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const FRENCH_ONES = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize'];
const FRENCH_TENS = ['', 'dix', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

function checkRange(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_TRANSLATED_NUMBER) throw new RangeError(`expected a whole number from 0 to ${MAX_TRANSLATED_NUMBER}, got ${n}`);
}

function englishBelowHundred(n: number): string[] {
  if (n < 20) return [ENGLISH_ONES[n]!];
  const tens = ENGLISH_TENS[Math.floor(n / 10)]!;
  return n % 10 === 0 ? [tens] : [tens, ENGLISH_ONES[n % 10]!];
}

/** `n` in English words, e.g. 2305 → "two thousand three hundred five". */
export function englishNumberWords(n: number): string {
  checkRange(n);
  if (n === 0) return 'zero';
  const words: string[] = [];
  const thousands = Math.floor(n / 1_000);
  const hundreds = Math.floor((n % 1_000) / 100);
  const rest = n % 100;
  if (thousands > 0) words.push(...englishBelowHundred(thousands), 'thousand');
  if (hundreds > 0) words.push(ENGLISH_ONES[hundreds]!, 'hundred');
  if (rest > 0) words.push(...englishBelowHundred(rest));
  return words.join(' ');
}

/** 1–99 in French; `plural` marks a number nothing follows (for "quatre vingts"). */
function frenchBelowHundred(n: number, plural: boolean): string[] {
  if (n <= 16) return [FRENCH_ONES[n]!];
  if (n < 20) return ['dix', FRENCH_ONES[n - 10]!];
  if (n < 70) {
    const tens = FRENCH_TENS[Math.floor(n / 10)]!;
    const ones = n % 10;
    if (ones === 0) return [tens];
    return ones === 1 ? [tens, 'et', 'un'] : [tens, FRENCH_ONES[ones]!];
  }
  if (n < 80) return n === 71 ? ['soixante', 'et', 'onze'] : ['soixante', ...frenchBelowHundred(n - 60, false)];
  if (n === 80) return plural ? ['quatre', 'vingts'] : ['quatre', 'vingt'];
  return ['quatre', 'vingt', ...frenchBelowHundred(n - 80, false)];
}

/**
 * `n` in French words, spelled with spaces where French writes hyphens (so words tokenise
 * apart), e.g. 2380 → "deux mille trois cent quatre vingts", 71 → "soixante et onze".
 */
export function frenchNumberWords(n: number): string {
  checkRange(n);
  if (n === 0) return 'zéro';
  const words: string[] = [];
  const thousands = Math.floor(n / 1_000);
  const hundreds = Math.floor((n % 1_000) / 100);
  const rest = n % 100;
  // "mille" never takes a plural, and "un mille" is just "mille".
  if (thousands > 0) words.push(...(thousands === 1 ? [] : frenchBelowHundred(thousands, false)), 'mille');
  // "cents" when a number multiplies it and nothing follows: "deux cents", but "deux cent un".
  if (hundreds > 0) words.push(...(hundreds === 1 ? [] : [FRENCH_ONES[hundreds]!]), hundreds > 1 && rest === 0 ? 'cents' : 'cent');
  if (rest > 0) words.push(...frenchBelowHundred(rest, true));
  return words.join(' ');
}

/** One sentence pair of the corpus. */
export interface NumberTranslation {
  readonly english: string;
  readonly french: string;
}

/** Options of `numberTranslations`. */
export interface NumberTranslationOptions {
  /** Pairs to make; default 2,000. */
  readonly count?: number;
  /** Seed of the numbers drawn: the same seed, the same corpus. Default 1. */
  readonly seed?: number;
}

/**
 * A parallel corpus for sequence-to-sequence models, generated (nothing to download): numbers
 * from 0 to 9,999 written in English and in French, drawn with the seed (log-uniformly, so short
 * and long sentences both appear). French's irregular forms — "soixante et onze", "quatre vingts",
 * "deux cents" against "deux cent un" — make it more than word-for-word substitution.
 */
export function numberTranslations(options: NumberTranslationOptions = {}): NumberTranslation[] {
  const random = createSeededRandom(options.seed ?? 1);
  return Array.from({ length: options.count ?? 2_000 }, () => {
    // Log-uniform over 1..10,000, shifted down to 0..9,999.
    const number = Math.floor(Math.exp(random() * Math.log(MAX_TRANSLATED_NUMBER + 2))) - 1;
    return { english: englishNumberWords(number), french: frenchNumberWords(number) };
  });
}

/** The corpus as CSV with the columns `english,french` (number words hold no commas or quotes). */
export function numberTranslationsCsv(options: NumberTranslationOptions = {}): string {
  return ['english,french', ...numberTranslations(options).map(({ english, french }) => `${english},${french}`)].join('\n') + '\n';
}
