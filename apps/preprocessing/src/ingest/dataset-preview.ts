import { DatasetRowReader } from '@aiaas/data';
import type { PreviewRow } from '@aiaas/proto';
import type { DatasetRecord } from '@aiaas/registry';
import type { ArtifactStore } from '@aiaas/storage';

/** Rows PreviewDataset returns when asked for 0, and the most it returns. */
export const PREVIEW_LIMITS = { default: 20, max: 1_000 } as const;

/** The first `limit` rows of a stored dataset, cells as written. Reads only as far as needed. */
export async function previewRows(store: ArtifactStore, dataset: DatasetRecord, limit: number, maxRecordBytes: number): Promise<PreviewRow[]> {
  const reader = new DatasetRowReader({ format: dataset.format, columns: dataset.columns.map((column) => column.name), maxRecordBytes });
  const rows: PreviewRow[] = [];
  if (limit <= 0) return rows;
  for await (const row of reader.rows(await store.getStream(dataset.raw))) {
    rows.push({ row_number: row.rowNumber, values: row.values.map((value) => (value === null || value === undefined ? '' : String(value))) });
    if (rows.length >= limit) break;
  }
  return rows;
}
