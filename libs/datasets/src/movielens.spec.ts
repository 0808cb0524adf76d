import { InvalidArgumentError } from '@aiaas/errors';
import { parseMovieLensRatings, toMovieLensCsv, type MovieLensRating } from './movielens';

const DAT = '1::1193::5::978300760\n1::661::3::978302109\n2::1357::5::978298709\n';
const CSV = 'userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,4.0,964981247\n6,2,3.5,845553522\n';

function errorOf(run: () => unknown): InvalidArgumentError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
}

describe('parseMovieLensRatings', () => {
  it('reads ML-1M ratings.dat lines', () => {
    expect(parseMovieLensRatings(DAT)).toEqual([
      { userId: '1', itemId: '1193', rating: 5, timestamp: 978300760 },
      { userId: '1', itemId: '661', rating: 3, timestamp: 978302109 },
      { userId: '2', itemId: '1357', rating: 5, timestamp: 978298709 },
    ]);
  });

  it('reads ml-latest ratings.csv with its header', () => {
    expect(parseMovieLensRatings(CSV)).toEqual([
      { userId: '1', itemId: '1', rating: 4, timestamp: 964982703 },
      { userId: '1', itemId: '3', rating: 4, timestamp: 964981247 },
      { userId: '6', itemId: '2', rating: 3.5, timestamp: 845553522 },
    ]);
  });

  it('accepts a byte-order mark, CRLF line ends and blank lines', () => {
    expect(parseMovieLensRatings(`\uFEFF\r\n${CSV.replace(/\n/g, '\r\n')}\r\n\r\n`)).toEqual(parseMovieLensRatings(CSV));
    expect(parseMovieLensRatings('')).toEqual([]);
    expect(parseMovieLensRatings('userId,movieId,rating,timestamp\n')).toEqual([]);
  });

  it('names the line of a malformed rating, counting the header', () => {
    const lines = ['userId,movieId,rating,timestamp', '1,1,4.0,964982703', '1,2,4.0,964982703', '1,3,4.0,964982703', '1,4,4.0,964982703', '1,5,4.0,964982703', '1,6,x,964982703'];
    const error = errorOf(() => parseMovieLensRatings(lines.join('\n')));
    expect(error.field).toBe('file');
    expect(error.reason).toBe('line 7: rating "x" is not a number from 0.5 to 5');
  });

  it.each([
    ['1::2::3', 'line 1: expected 4 fields separated by "::", got 3'],
    ['1::2::3::4\n1::2::6::4', 'line 2: rating "6" is not a number from 0.5 to 5'],
    ['1::2::0::4', 'line 1: rating "0" is not a number from 0.5 to 5'],
    ['1::2::3::yesterday', 'line 1: timestamp "yesterday" is not a whole number of seconds'],
    ['1::2::3::-5', 'line 1: timestamp "-5" is not a whole number of seconds'],
    ['::2::3::4', 'line 1: the user id is empty'],
    ['userId,movieId,rating,timestamp\n1,,3,4', 'line 2: the movie id is empty'],
    ['userId,movieId,rating,timestamp\n1::2::3::4', 'line 2: expected 4 fields separated by ",", got 1'],
  ])('rejects %j with %j', (text, reason) => {
    expect(errorOf(() => parseMovieLensRatings(text)).reason).toBe(reason);
  });

  it('rejects text in neither format', () => {
    expect(errorOf(() => parseMovieLensRatings('\nuser,item,score\n1,2,3')).reason).toMatch(/^line 2: expected a "userId,movieId,rating,timestamp" header/);
  });
});

describe('toMovieLensCsv', () => {
  it('writes the ml-latest-small format, whole stars with one decimal', () => {
    const ratings: MovieLensRating[] = [
      { userId: '1', itemId: '31', rating: 2.5, timestamp: 1260759144 },
      { userId: '1', itemId: '1029', rating: 3, timestamp: 1260759179 },
    ];
    expect(toMovieLensCsv(ratings)).toBe('userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,1029,3.0,1260759179\n');
  });

  it('writes what parseMovieLensRatings reads back unchanged, from either format', () => {
    for (const text of [DAT, CSV]) {
      const ratings = parseMovieLensRatings(text);
      expect(parseMovieLensRatings(toMovieLensCsv(ratings))).toEqual(ratings);
    }
  });

  it('refuses values the unquoted format cannot hold', () => {
    const valid: MovieLensRating = { userId: 'u1', itemId: 'i1', rating: 4, timestamp: 0 };
    expect(errorOf(() => toMovieLensCsv([valid, { ...valid, itemId: 'a,b' }])).reason).toBe('rating 1: itemId "a,b" cannot be written to an unquoted CSV field');
    expect(() => toMovieLensCsv([{ ...valid, userId: '' }])).toThrow(/userId/);
    expect(() => toMovieLensCsv([{ ...valid, rating: 5.5 }])).toThrow(/rating 5.5 is not from 0.5 to 5/);
    expect(() => toMovieLensCsv([{ ...valid, rating: Number.NaN }])).toThrow(InvalidArgumentError);
    expect(() => toMovieLensCsv([{ ...valid, timestamp: 1.5 }])).toThrow(/timestamp 1.5/);
  });
});
