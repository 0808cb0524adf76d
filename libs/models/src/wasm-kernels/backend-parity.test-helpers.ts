import * as tf from '@tensorflow/tfjs';
import type { WasmKernelBackend } from './wasm-kernel-backend';

/** Deterministic values in [min, max) from a small PRNG (mulberry32), so failures reproduce. */
export function seededValues(count: number, seed: number, min = -1, max = 1): Float32Array {
  let state = seed >>> 0;
  const values = new Float32Array(count);
  for (let index = 0; index < count; index++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    values[index] = min + (max - min) * (((t ^ (t >>> 14)) >>> 0) / 4294967296);
  }
  return values;
}

/** A seeded random float32 tensor of `shape`. */
export function seededTensor(shape: number[], seed: number, min = -1, max = 1): tf.Tensor {
  return tf.tensor(seededValues(tf.util.sizeFromShape(shape), seed, min, max), shape);
}

/** Runs `work` with `backend` active, then reactivates the backend that was active before. */
export async function onBackend<T>(backend: string, work: () => T | Promise<T>): Promise<T> {
  const previous = tf.getBackend();
  await tf.setBackend(backend);
  try {
    return await work();
  } finally {
    await tf.setBackend(previous);
  }
}

/** Reads a tensor's values and disposes it. */
export function take(tensor: tf.Tensor): number[] {
  const values = Array.from(tensor.dataSync());
  tensor.dispose();
  return values;
}

/** Element-wise |a - e| <= atol + rtol·|e|, with the first mismatches in the failure message. */
export function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol = 1e-4, atol = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  const mismatches: string[] = [];
  for (let index = 0; index < expected.length; index++) {
    const a = actual[index]!;
    const e = expected[index]!;
    const close = Number.isNaN(e) ? Number.isNaN(a) : Math.abs(a - e) <= atol + rtol * Math.abs(e);
    if (!close && mismatches.length < 5) mismatches.push(`[${index}] ${a} vs ${e}`);
  }
  expect(mismatches).toEqual([]);
}

/** How many buffers the active (wasm) backend holds. */
export function wasmDataIds(): number {
  return (tf.backend() as unknown as WasmKernelBackend).numDataIds();
}
