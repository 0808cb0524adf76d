import { categoryOf, DatasetRowReader, isMissing, parseNumber, parseTimestamp, type RawValue, type RowReader, type SplitName } from '@aiaas/data';
import type { ArtifactStore } from '@aiaas/storage';
import { SchemaValidator } from '../profiling/schema-validator';
import { hashString, SplitAssigner, type SplitKey } from '../splitting/split-assigner';
import type { DropCounts, PreprocessWork } from './preprocess-work';

/** A kept row: readable by column name, with its source row number and split. */
export interface KeptRow {
  readonly reader: RowReader;
  /** The row's cells in column order (anomalous cells already nulled under `impute`). */
  readonly values: readonly RawValue[];
  readonly rowNumber: number;
  readonly split: SplitName;
}

/** A 52-bit fingerprint of a row's cells, for de-duplication (collisions: ~n²/2⁵³). */
function fingerprint(values: readonly RawValue[]): number {
  const text = values.map((value) => (value === null || value === undefined ? '\u0000' : String(value))).join('\u0001');
  return hashString(text, 0x9e3779b9) * 2 ** 20 + (hashString(text, 0x85ebca6b) >>> 12);
}

/**
 * The rows of one shard that preprocessing keeps, with their split, in file order. Leaves out
 * rows without a target, rows with anomalies under the `drop` policy (and nulls the anomalous
 * cells under `impute`), repeats of an earlier row of the shard when de-duplicating, and rows
 * without a time (time splits); counts each in `dropped`. Deterministic: every pass over a
 * shard keeps and splits the same rows.
 */
export async function* keptRows(store: ArtifactStore, work: PreprocessWork, shardIndex: number, dropped: DropCounts): AsyncGenerator<KeptRow> {
  const shard = work.shards[shardIndex];
  if (!shard) throw new RangeError(`shard ${shardIndex} of a dataset with ${work.shards.length}`);
  const index = new Map(work.columns.map((name, position) => [name, position]));
  const targetIndex = index.get(work.targetColumn)!;
  const splitColumn = work.split.kind === 'ratio' ? undefined : index.get(work.split.column);
  const validator = work.declared.length > 0 ? new SchemaValidator(work.columns, new Map(work.declared.map((column) => [column.name, column]))) : undefined;
  const assigner = new SplitAssigner(work.split, shardIndex);
  const seen = work.dropDuplicates ? new Set<number>() : undefined;

  let values: RawValue[] = [];
  let rowNumber = 0;
  const reader: RowReader = {
    read: (column) => values[index.get(column) ?? -1],
    describe: (column) => `row ${rowNumber}, column "${column}"`,
  };
  const rows = new DatasetRowReader({
    format: work.dataFormat,
    columns: work.columns,
    maxRecordBytes: work.maxRecordBytes,
    start: { byteOffset: shard.byteStart, firstRow: shard.firstRow, firstLine: shard.firstLine },
    positions: false,
  });
  const bytes = await store.getStream(work.raw, { start: shard.byteStart, end: shard.byteEnd });
  for await (const row of rows.rows(bytes)) {
    values = row.values;
    rowNumber = row.rowNumber;
    const invalid = validator?.invalidColumns(values);
    if (invalid && invalid.length > 0) {
      if (work.anomalyPolicy !== 'impute' || invalid.includes(targetIndex)) {
        dropped.anomalies += 1;
        continue;
      }
      for (const column of invalid) values[column] = null;
    }
    const target = values[targetIndex];
    if (isMissing(target)) {
      dropped.missingTarget += 1;
      continue;
    }
    if (seen) {
      const key = fingerprint(values);
      if (seen.has(key)) {
        dropped.duplicates += 1;
        continue;
      }
      seen.add(key);
    }
    let key: SplitKey;
    if (work.split.kind === 'time') {
      const time = values[splitColumn!];
      const parsed = isMissing(time) ? undefined : (parseNumber(time) ?? parseTimestamp(time));
      if (parsed === undefined) {
        dropped.missingSplitKey += 1;
        continue;
      }
      key = { time: parsed };
    } else if (work.split.kind === 'group') {
      const group = values[splitColumn!];
      key = { group: isMissing(group) ? '' : categoryOf(group) };
    } else {
      key = { stratum: categoryOf(target) };
    }
    yield { reader, values, rowNumber, split: assigner.assign(key) };
  }
}
