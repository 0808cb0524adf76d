import * as tf from '@tensorflow/tfjs';
import { WASM_BACKEND } from './wasm-kernel-backend';

/**
 * Marks the kernel functions `wrapWasmKernel` registers. A global symbol, so a second copy of
 * this module in the same process (sources and dist, say) still recognises a wrapper and does
 * not wrap it again.
 */
const WRAPPED = Symbol.for('@aiaas/models:wrapped-wasm-kernel');

type MarkedKernelFunc = tf.KernelFunc & { [WRAPPED]?: true };

/**
 * Replaces the wasm kernel `kernelName` with `wrap(stock)`, a kernel function that handles
 * some calls itself and passes the others to the stock one. Keeps the stock setupFunc: when
 * this runs before the backend starts, that is what binds the wasm function the stock kernel
 * calls. Returns whether it replaced anything: not when the kernel is not registered (the wasm
 * package is not loaded) or is a wrapper already.
 */
export function wrapWasmKernel(kernelName: string, wrap: (stock: tf.KernelFunc) => tf.KernelFunc): boolean {
  const stock = tf.getKernel(kernelName, WASM_BACKEND) as tf.KernelConfig | undefined;
  if (stock === undefined || (stock.kernelFunc as MarkedKernelFunc)[WRAPPED]) return false;
  const kernelFunc: MarkedKernelFunc = wrap(stock.kernelFunc);
  kernelFunc[WRAPPED] = true;
  tf.unregisterKernel(kernelName, WASM_BACKEND);
  tf.registerKernel({ ...stock, kernelFunc });
  return true;
}
