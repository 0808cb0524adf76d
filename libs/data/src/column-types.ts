/**
 * How preprocessing reads a column:
 * - `numeric`: finite numbers.
 * - `categorical`: labels from a small vocabulary.
 * - `text`: free text, tokenised into words.
 * - `boolean`: true/false, yes/no, t/f, y/n (any case), 1/0.
 * - `timestamp`: ISO 8601 dates or date-times; naive ones are read as UTC.
 * - `id`: identifiers (users, items, rows): not features of a tabular model, but the keys a
 *   recommender learns embeddings for.
 */
export const COLUMN_TYPES = ['numeric', 'categorical', 'text', 'boolean', 'timestamp', 'id'] as const;
export type ColumnTypeName = (typeof COLUMN_TYPES)[number];
