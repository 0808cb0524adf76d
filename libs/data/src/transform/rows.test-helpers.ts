import type { RawValue } from '../raw-values';
import type { RowReader } from './row-reader';
import type { FitRow } from './transform-fitter';

/** A record as a test writes it: column → raw cell. */
export type TestRecord = Readonly<Record<string, RawValue>>;

/** A reader over one record that names cells `row N, column "c"` (N counted from 1). */
export function recordReader(record: TestRecord, rowNumber: number): RowReader {
  return {
    read: (column) => record[column],
    describe: (column) => `row ${rowNumber}, column ${JSON.stringify(column)}`,
  };
}

/** Fit rows from records; `isTrain` picks the training split (all rows by default). */
export function fitRows(records: readonly TestRecord[], isTrain: (index: number) => boolean = () => true): () => FitRow[] {
  return () => records.map((record, index) => ({ row: recordReader(record, index + 1), isTrain: isTrain(index) }));
}
