/**
 * Datasets bundled from npm packages, for demos and tests; nothing is downloaded at run time.
 *
 * @example
 * ```ts
 * import { penguinsCsv } from '@aiaas/datasets';
 * const csv = penguinsCsv(); // "species,island,beak_length_mm,...\nAdelie,Torgersen,39.1,..."
 * ```
 */
export { PENGUIN_COLUMNS, penguinRecords, penguinsCsv } from './penguins';
