import { extname } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { InvalidArgumentError } from '@aiaas/errors';
import type { AnomalyPolicy, ColumnType, DataFormat, Dataset__Output, UploadDatasetHeader } from '@aiaas/proto';

const TYPES: Readonly<Record<string, ColumnType>> = {
  numeric: 'COLUMN_TYPE_NUMERIC',
  categorical: 'COLUMN_TYPE_CATEGORICAL',
  text: 'COLUMN_TYPE_TEXT',
  boolean: 'COLUMN_TYPE_BOOLEAN',
  timestamp: 'COLUMN_TYPE_TIMESTAMP',
  id: 'COLUMN_TYPE_ID',
};

const POLICIES: Readonly<Record<string, AnomalyPolicy>> = { reject: 'ANOMALY_POLICY_REJECT', drop: 'ANOMALY_POLICY_DROP', impute: 'ANOMALY_POLICY_IMPUTE' };

/** Flags `upload` and `import` share: how to read the file. */
export const DATASET_FLAGS = {
  name: { type: 'string' },
  format: { type: 'string' },
  delimiter: { type: 'string' },
  'no-header': { type: 'boolean', default: false },
  columns: { type: 'string' },
  type: { type: 'string', multiple: true },
  'anomaly-policy': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export const DATASET_USAGE = '[--name NAME] [--format csv|jsonl] [--delimiter CHAR] [--no-header] [--columns a,b,...] [--type COLUMN=TYPE ...] [--anomaly-policy reject|drop|impute]';

export interface DatasetFlagValues {
  readonly name?: string;
  readonly format?: string;
  readonly delimiter?: string;
  readonly 'no-header'?: boolean;
  readonly columns?: string;
  readonly type?: string[];
  readonly 'anomaly-policy'?: string;
}

function formatOf(flag: string | undefined, file: string | undefined): DataFormat {
  const format = flag ?? (['.jsonl', '.ndjson'].includes(extname(file ?? '').toLowerCase()) ? 'jsonl' : 'csv');
  if (format === 'csv') return 'DATA_FORMAT_CSV';
  if (format === 'jsonl') return 'DATA_FORMAT_JSONL';
  throw new InvalidArgumentError('--format', `expected csv or jsonl, got "${format}"`);
}

function declaredTypes(specs: readonly string[]): Record<string, ColumnType> {
  return Object.fromEntries(
    specs.map((spec) => {
      const [column, type] = spec.split('=');
      const columnType = TYPES[type ?? ''];
      if (!column || !columnType) throw new InvalidArgumentError('--type', `expected COLUMN=${Object.keys(TYPES).join('|')}, got "${spec}"`);
      return [column, columnType];
    }),
  );
}

/** The upload header the flags describe; `file` (when given) suggests the format and name. */
export function datasetHeaderFromFlags(values: DatasetFlagValues, defaultName: string, file?: string): UploadDatasetHeader {
  const policy = values['anomaly-policy'];
  if (policy !== undefined && !POLICIES[policy]) throw new InvalidArgumentError('--anomaly-policy', `expected reject, drop or impute, got "${policy}"`);
  return {
    name: values.name ?? defaultName,
    format: formatOf(values.format, file),
    delimiter: values.delimiter ?? '',
    ...(values['no-header'] ? { has_header: false } : {}),
    column_names: values.columns ? values.columns.split(',').map((name) => name.trim()) : [],
    declared_types: declaredTypes(values.type ?? []),
    anomaly_policy: policy === undefined ? 'ANOMALY_POLICY_UNSPECIFIED' : POLICIES[policy]!,
  };
}

const typeName = (type: string) => type.replace('COLUMN_TYPE_', '').toLowerCase();

/** What `upload` and `import` print about the new dataset. */
export function describeDataset(dataset: Dataset__Output): string[] {
  const anomalies = dataset.rows_with_anomalies > 0 ? `, ${dataset.rows_with_anomalies} rows with anomalies (kept: ${dataset.anomaly_policy.replace('ANOMALY_POLICY_', '').toLowerCase()})` : '';
  const shards = dataset.shard_count > 1 ? `, ${dataset.shard_count} shards` : '';
  return [
    `dataset ${dataset.id}: ${dataset.row_count} rows, ${dataset.size_bytes} bytes${shards}${anomalies}`,
    ...dataset.columns.map((column) => `  ${column.name.padEnd(24)} ${typeName(column.type).padEnd(12)} ${column.inferred ? 'inferred' : 'declared'}  missing ${column.missing_count}`),
  ];
}
