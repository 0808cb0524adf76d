import * as tf from '@tensorflow/tfjs';

/** What `tf.backend_util.computeConv2DInfo` returns: shapes, strides and padding of a conv. */
export type Conv2DInfo = ReturnType<typeof tf.backend_util.computeConv2DInfo>;

/**
 * Upper bound on a patch matrix ([positions, taps] or its transpose) of one chunk, in floats
 * (16 MiB): a large batch is processed a few items at a time instead of all at once.
 */
const MAX_PATCH_ELEMENTS = 1 << 22;

/** Element strides of a rank-4 activation in either layout. */
export interface ActivationStrides {
  readonly batch: number;
  readonly row: number;
  readonly column: number;
  readonly channel: number;
}

/** The strides of an activation of `height` × `width` × `channels` per batch item. */
export function activationStrides(height: number, width: number, channels: number, channelsLast: boolean): ActivationStrides {
  return channelsLast
    ? { batch: height * width * channels, row: width * channels, column: channels, channel: 1 }
    : { batch: channels * height * width, row: width, column: 1, channel: height * width };
}

/** filterHeight · filterWidth · inChannels: the length of one input patch. */
export function patchLength(info: Conv2DInfo): number {
  return info.filterHeight * info.filterWidth * info.inChannels;
}

/** How many batch items one chunk takes so that its patch matrix stays under the bound. */
export function itemsPerChunk(info: Conv2DInfo): number {
  const perItem = patchLength(info) * info.outHeight * info.outWidth;
  return Math.max(1, Math.min(info.batchSize, Math.floor(MAX_PATCH_ELEMENTS / Math.max(1, perItem))));
}

/**
 * Writes dy of batch items [first, first + items) as a [positions, outChannels] matrix, the
 * positions of each item in row-major order.
 */
export function writeGradientRows(dy: Float32Array, rows: Float32Array, info: Conv2DInfo, first: number, items: number): void {
  const { outHeight, outWidth, outChannels } = info;
  if (info.dataFormat === 'channelsLast') {
    const size = outHeight * outWidth * outChannels;
    rows.set(dy.subarray(first * size, (first + items) * size));
    return;
  }
  const strides = activationStrides(outHeight, outWidth, outChannels, false);
  let at = 0;
  for (let n = first; n < first + items; n++) {
    for (let outRow = 0; outRow < outHeight; outRow++) {
      for (let outColumn = 0; outColumn < outWidth; outColumn++) {
        const base = n * strides.batch + outRow * strides.row + outColumn;
        for (let o = 0; o < outChannels; o++) rows[at++] = dy[base + o * strides.channel]!;
      }
    }
  }
}
