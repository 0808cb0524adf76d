/** How preprocessing treats a column. */
export const COLUMN_TYPES = ['numeric', 'categorical'] as const;
export type ColumnTypeName = (typeof COLUMN_TYPES)[number];
