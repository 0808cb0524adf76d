import { endianness } from 'node:os';

const HOST_IS_LITTLE_ENDIAN = endianness() === 'LE';

/** How one 4-byte element type is read and written. */
interface ElementType<A extends Float32Array | Int32Array> {
  readonly name: string;
  readonly create: { new (length: number): A; new (buffer: ArrayBufferLike, byteOffset: number, length: number): A };
  readonly read: (view: DataView, offset: number) => number;
  readonly write: (bytes: Buffer, value: number, offset: number) => void;
}

const FLOAT32: ElementType<Float32Array> = {
  name: 'float32',
  create: Float32Array,
  read: (view, offset) => view.getFloat32(offset, true),
  write: (bytes, value, offset) => bytes.writeFloatLE(value, offset),
};

const INT32: ElementType<Int32Array> = {
  name: 'int32',
  create: Int32Array,
  read: (view, offset) => view.getInt32(offset, true),
  write: (bytes, value, offset) => bytes.writeInt32LE(value, offset),
};

/**
 * The values as little-endian bytes. On little-endian hosts (all the platform targets) this is
 * a view of the same memory, not a copy.
 */
function toBytes(values: Float32Array | Int32Array, type: ElementType<Float32Array> | ElementType<Int32Array>): Buffer {
  if (HOST_IS_LITTLE_ENDIAN) return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  const bytes = Buffer.alloc(values.byteLength);
  values.forEach((value, index) => type.write(bytes, value, index * 4));
  return bytes;
}

/** Little-endian bytes as an array; a view when aligned, else one copy. */
function fromBytes<A extends Float32Array | Int32Array>(bytes: Uint8Array, type: ElementType<A>): A {
  if (bytes.byteLength % 4 !== 0) throw new RangeError(`${bytes.byteLength} bytes is not a whole number of ${type.name} values`);
  const length = bytes.byteLength / 4;
  if (HOST_IS_LITTLE_ENDIAN) {
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : Uint8Array.prototype.slice.call(bytes);
    return new type.create(aligned.buffer, aligned.byteOffset, length);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new type.create(length);
  for (let index = 0; index < length; index++) values[index] = type.read(view, index * 4);
  return values;
}

/** float32 values as little-endian bytes (a view on little-endian hosts). */
export function float32ToBytes(values: Float32Array): Buffer {
  return toBytes(values, FLOAT32);
}

/** Little-endian float32 bytes as an array; a view when aligned, else one copy. */
export function bytesToFloat32(bytes: Uint8Array): Float32Array {
  return fromBytes(bytes, FLOAT32);
}

/** int32 values as little-endian bytes (a view on little-endian hosts). */
export function int32ToBytes(values: Int32Array): Buffer {
  return toBytes(values, INT32);
}

/** Little-endian int32 bytes as an array; a view when aligned, else one copy. */
export function bytesToInt32(bytes: Uint8Array): Int32Array {
  return fromBytes(bytes, INT32);
}
