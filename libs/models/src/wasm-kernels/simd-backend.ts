import type * as tf from '@tensorflow/tfjs';
import { simdKernelsFor, type SimdKernels } from './simd-module';
import type { WasmKernelBackend } from './wasm-kernel-backend';

/** What the SIMD kernels need of the wasm backend besides `WasmKernelBackend`. */
interface WasmHeapAccess {
  /** The byte address of a tensor's values on the wasm heap. */
  getMemoryOffset(dataId: tf.DataId): number;
  /** The Emscripten module; `asm.memory` is its `WebAssembly.Memory`, the heap. */
  readonly wasm?: { readonly asm?: { readonly memory?: object } } | null;
}

/** The SIMD kernels bound to one wasm backend's heap, and the heap address of its tensors. */
export interface SimdBackend {
  readonly kernels: SimdKernels;
  /** The byte address of `tensor`'s values. Valid until the tensor is freed. */
  address(tensor: tf.TensorInfo): number;
}

const bound = new WeakMap<object, SimdBackend>();

/**
 * The SIMD kernels for `backend`, or undefined when its heap cannot be reached (a wasm
 * package whose internals differ from tfjs 4.22's): callers then use the stock kernels.
 */
export function simdBackendOf(backend: WasmKernelBackend): SimdBackend | undefined {
  const existing = bound.get(backend);
  if (existing) return existing;
  const heap = backend as unknown as Partial<WasmHeapAccess>;
  const memory = heap.wasm?.asm?.memory;
  if (memory === undefined || typeof heap.getMemoryOffset !== 'function') return undefined;
  const getMemoryOffset = heap.getMemoryOffset.bind(backend);
  const simd: SimdBackend = { kernels: simdKernelsFor(memory), address: (tensor) => getMemoryOffset(tensor.dataId) };
  bound.set(backend, simd);
  return simd;
}
