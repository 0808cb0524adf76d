import { DatasetRowReader, type Anomaly, type DatasetProfile } from '@aiaas/data';
import { InvalidArgumentError } from '@aiaas/errors';
import type { DatasetShard } from '@aiaas/registry';
import { DatasetProfiler } from '../profiling/dataset-profiler';
import { ByteGuard } from '../reading/byte-guard';
import type { IngestRequest } from './upload-options';

/** Bounds on what one read of a dataset accepts and produces. */
export interface InspectionLimits {
  /** Longest record (CSV record or JSON line) accepted, in bytes. */
  readonly maxRecordBytes: number;
  /** Shards are cut at the first row boundary after this many bytes. */
  readonly shardBytes: number;
}

/** What one pass over a dataset's bytes learned. */
export interface DatasetInspection {
  readonly columns: readonly string[];
  readonly profile: DatasetProfile;
  readonly shards: readonly DatasetShard[];
  readonly sizeBytes: number;
}

async function* guarded(chunks: AsyncIterable<Uint8Array>, guard: ByteGuard, counter: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    guard.check(chunk);
    counter.bytes += chunk.length;
    yield chunk;
  }
  guard.finish();
}

function describeAnomaly(anomaly: Anomaly): string {
  const rows = anomaly.rows.length > 0 ? ` (rows ${anomaly.rows.join(', ')}${anomaly.count > anomaly.rows.length ? ', …' : ''})` : '';
  return `${anomaly.description} [${anomaly.count} row${anomaly.count === 1 ? '' : 's'}${rows}]`;
}

/** The error that refuses a dataset whose rows break its declared schema. */
export function anomaliesError(profile: DatasetProfile): InvalidArgumentError {
  const listed = profile.anomalies.slice(0, 5).map(describeAnomaly).join('; ');
  const more = profile.anomalies.length > 5 ? `; and ${profile.anomalies.length - 5} more` : '';
  return new InvalidArgumentError(
    'file',
    `${profile.rowsWithAnomalies} of ${profile.rowCount} rows break the declared schema: ${listed}${more}. Fix the data, or set anomaly_policy to DROP or IMPUTE to keep the dataset`,
  );
}

/**
 * Reads a dataset's bytes once, as they stream past: checks they are UTF-8 text, parses CSV or
 * JSONL, profiles every column, validates rows against the declared schema and records row
 * boundaries for sharding. Memory stays flat whatever the size. Throws InvalidArgumentError,
 * naming the line, for anything malformed, and for anomalies when the policy is `reject`.
 */
export async function inspectDataset(chunks: AsyncIterable<Uint8Array>, request: IngestRequest, limits: InspectionLimits): Promise<DatasetInspection> {
  const counter = { bytes: 0 };
  const reader = new DatasetRowReader({ format: request.format, givenNames: request.givenNames, maxRecordBytes: limits.maxRecordBytes });
  let profiler: DatasetProfiler | undefined;
  const shards: DatasetShard[] = [];
  let shard = { byteStart: 0, firstRow: 1, firstLine: 1, rowCount: 0 };
  let lastEnd = 0;

  for await (const row of reader.rows(guarded(chunks, new ByteGuard(), counter))) {
    if (!profiler) {
      profiler = new DatasetProfiler([...reader.columns!], request.declared);
      // Rows start after the header (and any blank lines, which readers skip).
      shard = { byteStart: 0, firstRow: row.rowNumber, firstLine: 1, rowCount: 0 };
    }
    profiler.add(row.values, row.rowNumber);
    shard.rowCount += 1;
    lastEnd = row.endByte;
    if (row.endByte - shard.byteStart >= limits.shardBytes) {
      shards.push({ ...shard, byteEnd: row.endByte });
      shard = { byteStart: row.endByte, firstRow: row.rowNumber + 1, firstLine: row.line + 1, rowCount: 0 };
    }
  }
  if (!profiler) {
    const columns = reader.columns;
    throw new InvalidArgumentError('file', columns ? `has a header (${columns.join(', ')}) but no data rows` : 'is empty; expected a header line and at least one row');
  }
  if (shard.rowCount > 0) shards.push({ ...shard, byteEnd: Math.max(lastEnd, counter.bytes) });
  else if (shards.length > 0) shards[shards.length - 1] = { ...shards[shards.length - 1]!, byteEnd: counter.bytes };

  const profile = profiler.finish();
  if (request.anomalyPolicy === 'reject' && profile.anomalies.length > 0) throw anomaliesError(profile);
  return { columns: [...reader.columns!], profile, shards, sizeBytes: counter.bytes };
}
