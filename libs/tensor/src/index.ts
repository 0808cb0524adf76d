/**
 * Tensors on the wire: raw little-endian bytes with dtype and shape beside them (the fast
 * form), or typed repeated fields for small requests; decoding checks everything a client can
 * get wrong and names the field.
 *
 * @example
 * ```ts
 * import { decodeTensor, encodeTensor } from '@aiaas/tensor';
 * const message = encodeTensor(new Float32Array([0.1, 0.9]), [1, 2]);
 * const { values, shape } = decodeTensor({ ...message, float_values: [], int_values: [] } as never, 'probabilities');
 * ```
 */
export { bytesToFloat32, bytesToInt32, float32ToBytes, int32ToBytes } from './little-endian';
export { decodeTensor, encodeTensor } from './tensor-message';
export type { DenseTensor } from './tensor-message';
