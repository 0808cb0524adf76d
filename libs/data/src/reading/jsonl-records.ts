import type { RawValue } from '../raw-values';
import { InvalidArgumentError } from '@aiaas/errors';

/** One JSON Lines record: its fields, the line it is on, and the byte after its newline. */
export interface JsonlRecord {
  readonly fields: ReadonlyMap<string, RawValue>;
  readonly line: number;
  readonly endByte: number;
}

export interface JsonlRecordOptions {
  /** A longer line is an error rather than a memory hazard. */
  readonly maxRecordBytes: number;
  /** Line number of the first line of `chunks`, for messages. */
  readonly firstLine: number;
}

const NEWLINE = 0x0a;

function describeJson(value: unknown): string {
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function toRecord(text: string, line: number): Map<string, RawValue> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InvalidArgumentError('file', `line ${line} is not valid JSON (${(error as Error).message}); JSONL needs one JSON object per line`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidArgumentError('file', `line ${line} is ${describeJson(parsed)}; JSONL needs one JSON object per line`);
  }
  const fields = new Map<string, RawValue>();
  for (const [key, value] of Object.entries(parsed)) {
    if (value !== null && typeof value === 'object') {
      throw new InvalidArgumentError('file', `line ${line}, field "${key}" is ${describeJson(value)}; values must be numbers, strings, booleans or null (flatten nested data into columns)`);
    }
    fields.set(key, value as RawValue);
  }
  return fields;
}

/** Parses JSON Lines bytes as they stream in. Blank lines are skipped. */
export async function* jsonlRecords(chunks: AsyncIterable<Uint8Array>, options: JsonlRecordOptions): AsyncGenerator<JsonlRecord> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = options.firstLine;
  let consumed = 0;
  const lineTooLong = () =>
    new InvalidArgumentError('file', `line ${line} is longer than ${options.maxRecordBytes} bytes; is it JSON Lines (one object per line)?`);

  function* complete(bytes: Buffer, endByte: number): Generator<JsonlRecord> {
    const text = bytes.toString('utf8').trim();
    const current = line;
    line += 1;
    if (text !== '') yield { fields: toRecord(text, current), line: current, endByte };
  }

  for await (const chunk of chunks) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let newline = bytes.indexOf(NEWLINE); newline !== -1; newline = bytes.indexOf(NEWLINE, start)) {
      const piece = bytes.subarray(start, newline);
      if (pendingBytes + piece.length > options.maxRecordBytes) throw lineTooLong();
      const whole = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
      pending = [];
      pendingBytes = 0;
      yield* complete(whole, consumed + newline + 1);
      start = newline + 1;
    }
    if (start < bytes.length) {
      pendingBytes += bytes.length - start;
      if (pendingBytes > options.maxRecordBytes) throw lineTooLong();
      pending.push(Buffer.from(bytes.subarray(start)));
    }
    consumed += bytes.length;
  }
  if (pendingBytes > 0) yield* complete(Buffer.concat(pending), consumed);
}
