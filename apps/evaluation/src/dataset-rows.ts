import { DatasetRowReader, type RawValue, type RowReader } from '@aiaas/data';
import type { DatasetRecord } from '@aiaas/registry';
import type { ArtifactStore } from '@aiaas/storage';

/** One stored row: its cells by column name, and its 1-based data row number in the file. */
export interface DatasetRow {
  readonly rowNumber: number;
  readonly reader: RowReader;
}

/**
 * Reads a stored dataset's rows in file order, as written (anomalous cells included: the
 * caller's transform decides what it can encode); only the rows in `rowNumbers` when given,
 * stopping once the last of them has been read.
 */
export async function* datasetRows(
  store: ArtifactStore,
  dataset: DatasetRecord,
  options: { readonly maxRecordBytes: number; readonly rowNumbers?: ReadonlySet<number> },
): AsyncGenerator<DatasetRow> {
  const columns = dataset.columns.map((column) => column.name);
  const index = new Map(columns.map((name, position) => [name, position]));
  const reader = new DatasetRowReader({ format: dataset.format, columns, maxRecordBytes: options.maxRecordBytes, positions: false });
  const wanted = options.rowNumbers;
  let last = wanted ? 0 : Number.POSITIVE_INFINITY;
  for (const rowNumber of wanted ?? []) last = Math.max(last, rowNumber);
  for await (const row of reader.rows(await store.getStream(dataset.raw))) {
    if (row.rowNumber > last) break;
    if (wanted && !wanted.has(row.rowNumber)) continue;
    const values: readonly RawValue[] = row.values;
    yield {
      rowNumber: row.rowNumber,
      reader: { read: (column) => values[index.get(column) ?? -1], describe: (column) => `dataset ${dataset.id}, row ${row.rowNumber}, column "${column}"` },
    };
  }
}
