/** A tensor's values as plain data, for checkpoints. */
export interface PackedTensor {
  readonly shape: readonly number[];
  readonly values: Float32Array | Int32Array;
}

const headerEntry = (tensor: PackedTensor) => ({ shape: tensor.shape, dtype: tensor.values instanceof Int32Array ? 'int32' : 'float32' });
type HeaderEntry = ReturnType<typeof headerEntry>;

/**
 * Packs tensors into one buffer: a little-endian uint32 header length, the JSON header (shapes
 * and dtypes), padding to 4 bytes, then each tensor's values (little-endian, as typed arrays
 * hold them on every platform Node runs on).
 */
export function packTensors(tensors: readonly PackedTensor[]): Uint8Array {
  const header = Buffer.from(JSON.stringify(tensors.map(headerEntry)));
  const dataStart = Math.ceil((4 + header.length) / 4) * 4;
  const total = tensors.reduce((sum, tensor) => sum + tensor.values.byteLength, dataStart);
  const bytes = new Uint8Array(total);
  new DataView(bytes.buffer).setUint32(0, header.length, true);
  bytes.set(header, 4);
  let offset = dataStart;
  for (const tensor of tensors) {
    bytes.set(new Uint8Array(tensor.values.buffer, tensor.values.byteOffset, tensor.values.byteLength), offset);
    offset += tensor.values.byteLength;
  }
  return bytes;
}

/** The tensors `packTensors` packed, with their values copied out (aligned). */
export function unpackTensors(bytes: Uint8Array): PackedTensor[] {
  if (bytes.byteLength < 4) throw new Error('tensor pack is truncated: no header length');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  if (4 + headerLength > bytes.byteLength) throw new Error('tensor pack is truncated: header runs past the end');
  const header = JSON.parse(Buffer.from(bytes.subarray(4, 4 + headerLength)).toString('utf8')) as HeaderEntry[];
  let offset = Math.ceil((4 + headerLength) / 4) * 4;
  return header.map(({ shape, dtype }) => {
    const count = shape.reduce((product, size) => product * size, 1);
    const end = offset + count * 4;
    if (end > bytes.byteLength) throw new Error('tensor pack is truncated: values run past the end');
    // A copy, so the values are aligned and own their buffer (a Buffer's slice is a view into a shared pool).
    const copy = new Uint8Array(end - offset);
    copy.set(bytes.subarray(offset, end));
    offset = end;
    return { shape, values: dtype === 'int32' ? new Int32Array(copy.buffer) : new Float32Array(copy.buffer) };
  });
}
