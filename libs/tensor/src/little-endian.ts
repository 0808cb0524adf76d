import { endianness } from 'node:os';

const HOST_IS_LITTLE_ENDIAN = endianness() === 'LE';

/**
 * The values as little-endian bytes. On little-endian hosts (all the platform targets) this is
 * a view of the same memory, not a copy.
 */
export function float32ToBytes(values: Float32Array): Buffer {
  if (HOST_IS_LITTLE_ENDIAN) return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  const bytes = Buffer.alloc(values.byteLength);
  values.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
  return bytes;
}

/** Little-endian float32 bytes as an array; a view when aligned, else one copy. */
export function bytesToFloat32(bytes: Uint8Array): Float32Array {
  if (bytes.byteLength % 4 !== 0) throw new RangeError(`${bytes.byteLength} bytes is not a whole number of float32 values`);
  if (HOST_IS_LITTLE_ENDIAN) {
    if (bytes.byteOffset % 4 === 0) return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    return new Float32Array(Uint8Array.prototype.slice.call(bytes).buffer);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float32Array.from({ length: bytes.byteLength / 4 }, (_, index) => view.getFloat32(index * 4, true));
}

/** The values as little-endian bytes (a view on little-endian hosts). */
export function int32ToBytes(values: Int32Array): Buffer {
  if (HOST_IS_LITTLE_ENDIAN) return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  const bytes = Buffer.alloc(values.byteLength);
  values.forEach((value, index) => bytes.writeInt32LE(value, index * 4));
  return bytes;
}

/** Little-endian int32 bytes as an array; a view when aligned, else one copy. */
export function bytesToInt32(bytes: Uint8Array): Int32Array {
  if (bytes.byteLength % 4 !== 0) throw new RangeError(`${bytes.byteLength} bytes is not a whole number of int32 values`);
  if (HOST_IS_LITTLE_ENDIAN) {
    if (bytes.byteOffset % 4 === 0) return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    return new Int32Array(Uint8Array.prototype.slice.call(bytes).buffer);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Int32Array.from({ length: bytes.byteLength / 4 }, (_, index) => view.getInt32(index * 4, true));
}
