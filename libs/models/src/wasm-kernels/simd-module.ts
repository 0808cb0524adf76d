import { encodeModule } from './wasm-binary';
import { gemmFunction } from './simd-gemm-function';
import { sumRowsFunction, transposeFunction } from './simd-matrix-functions';
import { updateFunctions } from './simd-update-functions';

/**
 * Float32 kernels in WebAssembly SIMD that work directly on the wasm backend's heap (they
 * import its memory), so they read and write tensors where they are, without copies:
 *
 * - `gemm`: a matrix product without packing its operands, which XNNPACK (the stock kernel's
 *   library) does on every call, and training hands it fresh operands on every call.
 * - `sumRows`: sums over the leading axis (bias gradients), which the stock `Sum` transposes
 *   first.
 * - one pass per optimiser update, instead of ~10 kernels each reading and writing every value.
 *
 * Every result is bit-identical to the stock kernels': each output accumulates its terms in
 * the same order, with a separate multiply and add (no fused multiply-add), and WebAssembly's
 * float32 arithmetic and square root are IEEE, correctly rounded, in every lane.
 */
export interface SimdKernels {
  /**
   * out[m, n] = bias[n] + Σ_p A[i, p] · B[p, n], the sum taken in order p = 0, 1, …, k-1 (no
   * bias: from 0). A's element (i, p) is at `a + i · aRowStep + p · aColumnStep` (bytes), so A
   * may be stored transposed; B is row-major [k, n]. `bias` 0 means none.
   */
  gemm(a: number, b: number, out: number, bias: number, m: number, k: number, n: number, aRowStep: number, aColumnStep: number): void;
  /** out[c] = Σ_r x[r, c] for a row-major [rows, columns] x, summed in row order from 0. */
  sumRows(x: number, out: number, rows: number, columns: number): void;
  /** Row-major [rows, columns] `x` into [columns, rows] `out`. */
  transpose(x: number, out: number, rows: number, columns: number): void;
  /** tfjs-core's Adam step; see `optimizer-update-kernels.ts` for the arguments. */
  adam(x: number, g: number, m: number, v: number, xOut: number, mOut: number, vOut: number, count: number, ...scalars: AdamScalars): void;
  rmsprop(x: number, g: number, meanSquare: number, moment: number, xOut: number, meanSquareOut: number, momentOut: number, count: number, ...scalars: RmspropScalars): void;
  momentum(x: number, g: number, accumulation: number, xOut: number, accumulationOut: number, count: number, ...scalars: MomentumScalars): void;
  nesterov(x: number, g: number, accumulation: number, xOut: number, accumulationOut: number, count: number, ...scalars: MomentumScalars): void;
  sgd(x: number, g: number, xOut: number, count: number, ...scalars: SgdScalars): void;
  adagrad(x: number, g: number, accumulator: number, xOut: number, accumulatorOut: number, count: number, ...scalars: AdagradScalars): void;
}

/** beta1, 1 - beta1, beta2, 1 - beta2, 1 - beta1^t, 1 - beta2^t, epsilon, -learningRate. */
export type AdamScalars = [number, number, number, number, number, number, number, number];
/** decay, 1 - decay, momentum, learningRate, epsilon. */
export type RmspropScalars = [number, number, number, number, number];
/** momentum, -learningRate. */
export type MomentumScalars = [number, number];
/** -learningRate. */
export type SgdScalars = [number];
/** epsilon, -learningRate. */
export type AdagradScalars = [number, number];

/** The parts of the WebAssembly JS API used here (the project's TypeScript libs omit it). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { readonly exports: Record<string, unknown> };
}

let compiled: object | undefined;
const instances = new WeakMap<object, SimdKernels>();

/** The encoded module, with every function of `SimdKernels`. */
export function simdModuleBytes(): Uint8Array {
  return encodeModule([gemmFunction(), sumRowsFunction(), transposeFunction(), ...updateFunctions()]);
}

/**
 * The kernels, bound to `memory` (a `WebAssembly.Memory`: the wasm backend's heap). Compiled
 * once per process and instantiated once per memory.
 */
export function simdKernelsFor(memory: object): SimdKernels {
  const existing = instances.get(memory);
  if (existing) return existing;
  const api = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
  compiled ??= new api.Module(simdModuleBytes());
  const kernels = new api.Instance(compiled, { env: { memory } }).exports as unknown as SimdKernels;
  instances.set(memory, kernels);
  return kernels;
}
