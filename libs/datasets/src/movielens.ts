import { InvalidArgumentError } from '@aiaas/errors';

/** One rating in the shape both MovieLens files share; ids stay strings as in the files. */
export interface MovieLensRating {
  /** The user's id (`UserID` / `userId`). */
  userId: string;
  /** The rated item's id (`MovieID` / `movieId`). */
  itemId: string;
  /** Stars from 0.5 to 5 (whole stars in ML-1M, half stars in ml-latest). */
  rating: number;
  /** When it was rated, in whole seconds since the Unix epoch (UTC). */
  timestamp: number;
}

/** The header of the ml-latest(-small) `ratings.csv`. */
const CSV_HEADER = 'userId,movieId,rating,timestamp';
const MIN_RATING = 0.5;
const MAX_RATING = 5;

function parseRating(text: string): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const rating = Number(text);
  return rating >= MIN_RATING && rating <= MAX_RATING ? rating : undefined;
}

function parseTimestamp(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const timestamp = Number(text);
  return Number.isSafeInteger(timestamp) ? timestamp : undefined;
}

function parseLine(line: string, separator: string, lineNumber: number): MovieLensRating {
  const fields = line.split(separator).map((field) => field.trim());
  const fail = (reason: string): never => {
    throw new InvalidArgumentError('file', `line ${lineNumber}: ${reason}`);
  };
  if (fields.length !== 4) fail(`expected 4 fields separated by "${separator}", got ${fields.length}`);
  const [userId, itemId, ratingText, timestampText] = fields as [string, string, string, string];
  if (userId === '') fail('the user id is empty');
  if (itemId === '') fail('the movie id is empty');
  const rating = parseRating(ratingText) ?? fail(`rating "${ratingText}" is not a number from ${MIN_RATING} to ${MAX_RATING}`);
  const timestamp = parseTimestamp(timestampText) ?? fail(`timestamp "${timestampText}" is not a whole number of seconds`);
  return { userId, itemId, rating, timestamp };
}

/**
 * Parses MovieLens ratings, telling the two formats apart by the first non-blank line:
 * `ratings.dat` of ML-1M/ML-10M (`UserID::MovieID::Rating::Timestamp`, no header) or
 * `ratings.csv` of ml-latest(-small) (`userId,movieId,rating,timestamp` header, then plain
 * comma-separated fields). A byte-order mark, CRLF line ends and blank lines are accepted.
 *
 * @throws InvalidArgumentError on field `file` naming the 1-based line, e.g.
 *   `line 7: rating "x" is not a number from 0.5 to 5`, for an unknown format or a malformed line.
 */
export function parseMovieLensRatings(text: string): MovieLensRating[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1) return [];
  const head = lines[first]!.trim();
  let separator: string;
  let start = first;
  if (head.includes('::')) separator = '::';
  else if (head.toLowerCase() === CSV_HEADER.toLowerCase()) {
    separator = ',';
    start = first + 1;
  } else {
    throw new InvalidArgumentError('file', `line ${first + 1}: expected a "${CSV_HEADER}" header (ratings.csv) or "UserID::MovieID::Rating::Timestamp" lines (ratings.dat)`);
  }
  const ratings: MovieLensRating[] = [];
  for (let index = start; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() !== '') ratings.push(parseLine(line, separator, index + 1));
  }
  return ratings;
}

function formatRating(rating: number): string {
  // ml-latest writes whole stars with one decimal: 4.0, 3.5.
  return Number.isInteger(rating) ? rating.toFixed(1) : String(rating);
}

/**
 * Writes ratings as the ml-latest(-small) `ratings.csv` (header, one rating per line, ratings
 * with at least one decimal as in `1,31,2.5,1260759144`), which `parseMovieLensRatings` reads
 * back to the same list.
 *
 * @throws InvalidArgumentError on field `ratings` for a value the unquoted format cannot hold
 *   (an empty id or one with a comma, quote or line break; a rating outside 0.5–5; a timestamp
 *   that is not a whole non-negative number).
 */
export function toMovieLensCsv(ratings: readonly MovieLensRating[]): string {
  const lines = [CSV_HEADER];
  ratings.forEach(({ userId, itemId, rating, timestamp }, index) => {
    const fail = (reason: string): never => {
      throw new InvalidArgumentError('ratings', `rating ${index}: ${reason}`);
    };
    for (const [name, id] of [['userId', userId], ['itemId', itemId]] as const) {
      if (id.trim() === '' || id !== id.trim() || /[",\r\n]/.test(id)) fail(`${name} ${JSON.stringify(id)} cannot be written to an unquoted CSV field`);
    }
    if (!(rating >= MIN_RATING && rating <= MAX_RATING)) fail(`rating ${rating} is not from ${MIN_RATING} to ${MAX_RATING}`);
    if (!Number.isSafeInteger(timestamp) || timestamp < 0) fail(`timestamp ${timestamp} is not a whole non-negative number of seconds`);
    lines.push(`${userId},${itemId},${formatRating(rating)},${timestamp}`);
  });
  return `${lines.join('\n')}\n`;
}
