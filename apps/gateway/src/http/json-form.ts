import { InvalidArgumentError } from '@aiaas/errors';
import type { Record as RecordMessage, Tensor__Output, Value } from '@aiaas/proto';
import { decodeTensor } from '@aiaas/tensor';

/** A JSON record's value as the API's Value. */
function toValue(value: unknown, field: string): Value {
  if (value === null || value === undefined) return { null_value: true };
  if (typeof value === 'number') return { number_value: value };
  if (typeof value === 'string') return { string_value: value };
  if (typeof value === 'boolean') return { bool_value: value };
  throw new InvalidArgumentError(field, `must be a number, string, boolean or null, got ${Array.isArray(value) ? 'an array' : typeof value}`);
}

/** `records`: JSON objects of column → value, as the API's records. */
export function recordsFromJson(records: unknown): RecordMessage[] {
  if (!Array.isArray(records) || records.length === 0) throw new InvalidArgumentError('records', 'must be a non-empty array of objects (column → value)');
  return records.map((record, index) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) throw new InvalidArgumentError(`records[${index}]`, 'must be an object (column → value)');
    return { fields: Object.fromEntries(Object.entries(record).map(([column, value]) => [column, toValue(value, `records[${index}].${column}`)])) };
  });
}

/** A tensor as nested arrays of numbers, row by row. */
export function tensorToJson(tensor: Tensor__Output | null | undefined): number[] | number[][] | null {
  if (!tensor) return null;
  const { values, shape } = decodeTensor(tensor, 'tensor');
  const numbers = Array.from(values);
  if (shape.length !== 2) return numbers;
  const width = shape[1]!;
  return Array.from({ length: shape[0]! }, (_, row) => numbers.slice(row * width, (row + 1) * width));
}

const isTimestamp = (value: object): value is { seconds: string | number; nanos: number } => 'seconds' in value && 'nanos' in value && Object.keys(value).length === 2;

/** An API message as plain JSON: timestamps as ISO 8601, 64-bit numbers as numbers, bytes as base64. */
export function messageToJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(messageToJson);
  if (typeof value === 'object') {
    if (isTimestamp(value)) return new Date(Number(value.seconds) * 1000 + Math.round(value.nanos / 1e6)).toISOString();
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, messageToJson(entry)]));
  }
  return value;
}
