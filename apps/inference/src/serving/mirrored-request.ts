import type { Record__Output } from '@aiaas/proto';

/**
 * A request copied to a shadow candidate: raw records (each version applies its own
 * transform), or the model input tensors a features or OIP request carried, in model order.
 */
export type MirroredRequest =
  | { readonly kind: 'records'; readonly records: readonly Record__Output[] }
  | { readonly kind: 'inputs'; readonly rows: number; readonly inputs: readonly (Float32Array | Int32Array)[] };

interface Header {
  readonly kind: MirroredRequest['kind'];
  readonly rows?: number;
  /** Per input tensor: its dtype and element count. */
  readonly tensors?: readonly { readonly dtype: 'float32' | 'int32'; readonly length: number }[];
}

const HEADER_LENGTH_BYTES = 4;

/**
 * Encodes a mirrored request for the shadow stream: a 4-byte header length, a JSON header,
 * then the records as JSON or the tensors' bytes (tensors travel as bytes, not as numbers in
 * JSON, since the hot path pays for the copy).
 */
export function encodeMirroredRequest(request: MirroredRequest): Buffer {
  const header: Header =
    request.kind === 'records'
      ? { kind: 'records' }
      : { kind: 'inputs', rows: request.rows, tensors: request.inputs.map((values) => ({ dtype: values instanceof Float32Array ? 'float32' : 'int32', length: values.length })) };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const payload = request.kind === 'records' ? [Buffer.from(JSON.stringify(request.records))] : request.inputs.map((values) => Buffer.from(values.buffer, values.byteOffset, values.byteLength));
  const length = Buffer.alloc(HEADER_LENGTH_BYTES);
  length.writeUInt32LE(headerBytes.length);
  return Buffer.concat([length, headerBytes, ...payload]);
}

/** Reads what `encodeMirroredRequest` wrote; throws naming what is wrong with a damaged entry. */
export function decodeMirroredRequest(bytes: Buffer): MirroredRequest {
  if (bytes.length < HEADER_LENGTH_BYTES) throw new Error(`a mirrored request of ${bytes.length} bytes is too short to hold its header`);
  const headerEnd = HEADER_LENGTH_BYTES + bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.subarray(HEADER_LENGTH_BYTES, headerEnd).toString('utf8')) as Header;
  const payload = bytes.subarray(headerEnd);
  if (header.kind === 'records') return { kind: 'records', records: JSON.parse(payload.toString('utf8')) as Record__Output[] };
  let offset = 0;
  const inputs = (header.tensors ?? []).map(({ dtype, length }) => {
    const byteLength = length * 4;
    if (offset + byteLength > payload.length) throw new Error(`a mirrored request's tensors need ${offset + byteLength} bytes; it holds ${payload.length}`);
    // Copied out: the buffer's offset need not be 4-byte aligned for a typed-array view.
    const copy = new Uint8Array(payload.subarray(offset, offset + byteLength)).buffer;
    offset += byteLength;
    return dtype === 'float32' ? new Float32Array(copy) : new Int32Array(copy);
  });
  return { kind: 'inputs', rows: header.rows ?? 0, inputs };
}
