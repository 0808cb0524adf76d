import { declaredColumnSchema, type AnomalyPolicy, type DeclaredColumn } from '@aiaas/data';
import { InvalidArgumentError } from '@aiaas/errors';
import type { UploadDatasetHeader__Output } from '@aiaas/proto';
import { anomalyPolicyFromMessage, columnTypeFromMessage, type DataFormatRecord } from '@aiaas/registry';

/** What an upload or import asks for, checked and with defaults applied. */
export interface IngestRequest {
  readonly name: string;
  readonly format: DataFormatRecord;
  /** Names for the columns of a CSV without a header; empty for column_1, column_2, … */
  readonly givenNames: readonly string[];
  /** Declared columns by name. */
  readonly declared: ReadonlyMap<string, DeclaredColumn>;
  readonly anomalyPolicy: AnomalyPolicy;
}

function readFormat(header: UploadDatasetHeader__Output, field: string): DataFormatRecord {
  if (header.format === 'DATA_FORMAT_JSONL') {
    if (header.delimiter !== '') throw new InvalidArgumentError(`${field}.delimiter`, 'applies to CSV only; leave it empty for JSONL');
    return { kind: 'jsonl' };
  }
  const delimiter = header.delimiter === '' ? ',' : header.delimiter;
  if ([...delimiter].length !== 1 || /["\r\n]/.test(delimiter)) {
    throw new InvalidArgumentError(`${field}.delimiter`, `must be one character other than a quote or newline, got ${JSON.stringify(header.delimiter)}`);
  }
  return { kind: 'csv', delimiter, hasHeader: header.has_header ?? true };
}

function readDeclared(header: UploadDatasetHeader__Output, field: string): Map<string, DeclaredColumn> {
  const declared = new Map<string, DeclaredColumn>();
  header.schema.forEach((column, index) => {
    const where = `${field}.schema[${index}]`;
    const type = columnTypeFromMessage(column.type);
    if (!type) throw new InvalidArgumentError(`${where}.type`, `column "${column.name}" needs a type, got ${String(column.type)}`);
    if (declared.has(column.name)) throw new InvalidArgumentError(`${where}.name`, `column "${column.name}" is declared twice`);
    const parsed = declaredColumnSchema.safeParse({
      name: column.name,
      type,
      required: column.required,
      min: column.min ?? undefined,
      max: column.max ?? undefined,
      categories: column.categories,
      maxMissingFraction: column.max_missing_fraction ?? undefined,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InvalidArgumentError(`${where}.${issue.path.join('.')}`, issue.message);
    }
    if (parsed.data.min !== undefined && parsed.data.max !== undefined && parsed.data.min > parsed.data.max) {
      throw new InvalidArgumentError(`${where}.min`, `${parsed.data.min} is above max ${parsed.data.max}`);
    }
    declared.set(column.name, parsed.data);
  });
  for (const [name, typeMessage] of Object.entries(header.declared_types)) {
    const type = columnTypeFromMessage(typeMessage);
    if (!type) throw new InvalidArgumentError(`${field}.declared_types["${name}"]`, `needs a column type, got ${String(typeMessage)}`);
    if (declared.has(name)) throw new InvalidArgumentError(`${field}.declared_types["${name}"]`, `column "${name}" is also in schema; declare it once`);
    declared.set(name, declaredColumnSchema.parse({ name, type }));
  }
  return declared;
}

/** Checks the options of an upload (the header message) or an import. */
export function readIngestRequest(header: UploadDatasetHeader__Output, field = 'header'): IngestRequest {
  const format = readFormat(header, field);
  if (header.column_names.length > 0 && (format.kind !== 'csv' || format.hasHeader)) {
    throw new InvalidArgumentError(`${field}.column_names`, 'names the columns of a CSV without a header; set has_header to false, or leave it empty');
  }
  const anomalyPolicy = anomalyPolicyFromMessage(header.anomaly_policy);
  if (!anomalyPolicy) throw new InvalidArgumentError(`${field}.anomaly_policy`, `unknown policy ${String(header.anomaly_policy)}`);
  return {
    name: header.name.trim(),
    format,
    givenNames: header.column_names,
    declared: readDeclared(header, field),
    anomalyPolicy,
  };
}
