import type * as tf from '@tensorflow/tfjs';

/** The name the wasm backend registers its kernels under. */
export const WASM_BACKEND = 'wasm';

/**
 * The part of `@tensorflow/tfjs-backend-wasm`'s `BackendWasm` that the kernels here use. A
 * kernel receives its backend as `{}`; this names what it may call on it without importing
 * the wasm package, which is optional at run time.
 */
export interface WasmKernelBackend {
  /** A copy of the tensor's values (never a view of the wasm heap, which may move). */
  readSync(dataId: tf.DataId): tf.BackendValues;
  /** Allocates an output on the wasm heap, filled with `values` when given. */
  makeOutput(shape: number[], dtype: tf.DataType, memoryOffset?: number, values?: tf.BackendValues): tf.TensorInfo;
  /** Drops one reference to the data; frees it when none is left. */
  disposeData(dataId: tf.DataId, force?: boolean): boolean;
  /** Adds a reference to the data, so an aliasing `TensorInfo` can be disposed on its own. */
  incRef(dataId: tf.DataId): void;
  /** How many data buffers the backend holds: the leak check of the tests. */
  numDataIds(): number;
  /**
   * A view of the tensor's values on the wasm heap, without a copy. Any allocation on the
   * heap may move it and detach the view: see `heapViews`.
   */
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

/** The backend a kernel was called with, checked to be the wasm backend. */
export function asWasmBackend(backend: unknown): WasmKernelBackend {
  const candidate = backend as Partial<WasmKernelBackend> | null;
  if (typeof candidate?.makeOutput !== 'function' || typeof candidate.typedArrayFromHeap !== 'function' || typeof candidate.disposeData !== 'function') {
    throw new Error('a wasm kernel was called with a backend that is not the wasm backend');
  }
  return candidate as WasmKernelBackend;
}

/**
 * Views of `tensors` on the wasm heap, in order. Take them after the last allocation a kernel
 * makes (`makeOutput`, another kernel) and drop them before the next: growing the heap
 * detaches every view. Reading inputs and writing outputs in place saves a copy of each
 * (`readSync` and `makeOutput(…, values)` copy).
 */
export function heapViews(backend: WasmKernelBackend, ...tensors: tf.TensorInfo[]): Array<Float32Array | Int32Array | Uint8Array> {
  return tensors.map((tensor) => backend.typedArrayFromHeap(tensor));
}

/** `heapViews` for float32 tensors. */
export function heapFloats(backend: WasmKernelBackend, ...tensors: tf.TensorInfo[]): Float32Array[] {
  return tensors.map((tensor) => {
    if (tensor.dtype !== 'float32') throw new Error(`expected a float32 tensor, got ${tensor.dtype}`);
    return backend.typedArrayFromHeap(tensor) as Float32Array;
  });
}
