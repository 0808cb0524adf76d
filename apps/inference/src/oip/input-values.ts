import { InvalidArgumentError } from '@aiaas/errors';
import { bytesToFloat32, bytesToInt32 } from '@aiaas/tensor';
import type { TensorData } from './infer-request';
import type { SignatureInput } from './model-signature';

/** Bytes per element of the datatypes platform models take. */
const ELEMENT_BYTES = 4;

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'an array' : typeof value;
}

/** The values of an FP32 input: finite numbers only. */
function float32Values(data: TensorData, count: number, field: string): Float32Array {
  if (data.kind === 'raw') {
    const values = bytesToFloat32(data.bytes);
    // A plain loop: this runs over every element of every raw request, where a callback per element shows in profiles.
    for (let index = 0; index < values.length; index++) {
      if (!Number.isFinite(values[index]!)) throw new InvalidArgumentError(field, `${data.source} element ${index} is ${values[index]}; values must be finite`);
    }
    return values;
  }
  const values = new Float32Array(count);
  for (let index = 0; index < count; index++) {
    const value = data.values[index];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new InvalidArgumentError(field, `${data.source}[${index}] is ${show(value)}; FP32 values must be finite numbers`);
    }
    values[index] = value;
  }
  return values;
}

/** The values of an INT32 id input: whole numbers in [0, cardinality). */
function int32Values(data: TensorData, count: number, field: string, input: SignatureInput): Int32Array {
  const limit = input.cardinality ?? 2 ** 31;
  const range = `0 to ${limit - 1}`;
  if (data.kind === 'raw') {
    const values = bytesToInt32(data.bytes);
    for (let index = 0; index < values.length; index++) {
      const value = values[index]!;
      if (value < 0 || value >= limit) throw new InvalidArgumentError(field, `${data.source} element ${index} is ${value}; "${input.name}" takes ids from ${range}`);
    }
    return values;
  }
  const values = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    const value = data.values[index];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= limit) {
      throw new InvalidArgumentError(field, `${data.source}[${index}] is ${show(value)}; "${input.name}" takes whole-number ids from ${range}`);
    }
    values[index] = value;
  }
  return values;
}

/**
 * Checks and decodes one input's values for `rows` rows of the version's input: exactly
 * rows × width elements (for raw bytes, exactly that many 4-byte little-endian elements),
 * FP32 values finite, INT32 ids inside the input's vocabulary. `field` names the input in
 * errors (`inputs[1] "features"`); the datatype and shape were checked before.
 */
export function decodeInputValues(data: TensorData, input: SignatureInput, rows: number, field: string): Float32Array | Int32Array {
  const count = rows * input.width;
  const shape = `${input.datatype} [${rows}, ${input.width}]`;
  if (data.kind === 'raw') {
    const expected = count * ELEMENT_BYTES;
    if (data.bytes.byteLength !== expected) {
      throw new InvalidArgumentError(field, `${data.source} holds ${data.bytes.byteLength} bytes, but ${shape} needs ${expected} (${count} × ${ELEMENT_BYTES})`);
    }
  } else if (data.values.length !== count) {
    throw new InvalidArgumentError(field, `${data.source} holds ${data.values.length} values, but ${shape} needs ${count}`);
  }
  return input.datatype === 'FP32' ? float32Values(data, count, field) : int32Values(data, count, field, input);
}
