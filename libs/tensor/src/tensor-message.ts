import { InvalidArgumentError } from '@aiaas/errors';
import type { Tensor, Tensor__Output } from '@aiaas/proto';
import { bytesToFloat32, bytesToInt32, float32ToBytes, int32ToBytes } from './little-endian';

/** A decoded tensor: values, row-major, with their shape. */
export type DenseTensor =
  | { readonly dtype: 'float32'; readonly shape: readonly number[]; readonly values: Float32Array }
  | { readonly dtype: 'int32'; readonly shape: readonly number[]; readonly values: Int32Array };

/** A `Tensor` message carrying `values` as raw little-endian bytes. */
export function encodeTensor(values: Float32Array | Int32Array, shape: readonly number[]): Tensor {
  const count = shape.reduce((product, size) => product * size, 1);
  if (count !== values.length) throw new RangeError(`shape [${shape.join(', ')}] holds ${count} values, not ${values.length}`);
  return values instanceof Float32Array
    ? { dtype: 'DATA_TYPE_FLOAT32', shape: [...shape], raw_data: float32ToBytes(values) }
    : { dtype: 'DATA_TYPE_INT32', shape: [...shape], raw_data: int32ToBytes(values) };
}

/**
 * Decodes and checks a received tensor: a known dtype, a non-negative shape, and exactly as
 * many values as the shape holds, from exactly one of its value fields. `field` names the
 * tensor in error messages (e.g. `features`).
 */
export function decodeTensor(message: Tensor__Output, field: string): DenseTensor {
  const shape = message.shape.map(Number);
  const badDimension = shape.findIndex((size) => !Number.isSafeInteger(size) || size < 0);
  if (badDimension >= 0) throw new InvalidArgumentError(`${field}.shape[${badDimension}]`, `must be a whole number >= 0, got ${shape[badDimension]}`);
  const expected = shape.reduce((product, size) => product * size, 1);
  const sources = [message.raw_data.length > 0, message.float_values.length > 0, message.int_values.length > 0].filter(Boolean).length;
  if (sources > 1) throw new InvalidArgumentError(field, 'set only one of raw_data, float_values and int_values');

  const checkCount = (actual: number) => {
    if (actual !== expected) {
      throw new InvalidArgumentError(field, `shape [${shape.join(', ')}] needs ${expected} values, got ${actual}`);
    }
  };

  switch (message.dtype) {
    case 'DATA_TYPE_FLOAT32': {
      if (message.int_values.length > 0) throw new InvalidArgumentError(`${field}.int_values`, 'cannot carry DATA_TYPE_FLOAT32 values; use float_values or raw_data');
      if (message.raw_data.length % 4 !== 0) throw new InvalidArgumentError(`${field}.raw_data`, `${message.raw_data.length} bytes is not a whole number of float32 values`);
      const values = message.raw_data.length > 0 ? bytesToFloat32(message.raw_data) : Float32Array.from(message.float_values);
      checkCount(values.length);
      return { dtype: 'float32', shape, values };
    }
    case 'DATA_TYPE_INT32': {
      if (message.float_values.length > 0) throw new InvalidArgumentError(`${field}.float_values`, 'cannot carry DATA_TYPE_INT32 values; use int_values or raw_data');
      if (message.raw_data.length % 4 !== 0) throw new InvalidArgumentError(`${field}.raw_data`, `${message.raw_data.length} bytes is not a whole number of int32 values`);
      const values = message.raw_data.length > 0 ? bytesToInt32(message.raw_data) : Int32Array.from(message.int_values);
      checkCount(values.length);
      return { dtype: 'int32', shape, values };
    }
    default:
      throw new InvalidArgumentError(`${field}.dtype`, `must be DATA_TYPE_FLOAT32 or DATA_TYPE_INT32, got ${String(message.dtype)}`);
  }
}
