/**
 * A layer (or a use of one) that has no exact ONNX translation. `exportToOnnx` turns it into
 * `{ supported: false, reason }`; any other error escaping a translation is a bug.
 */
export class UnsupportedLayerError extends Error {
  override readonly name = 'UnsupportedLayerError';

  constructor(
    /** The layer's class, as TF.js serialises it (`LSTM`, `Conv2D`, …). */
    readonly layerClass: string,
    /** The layer's name in the model. */
    readonly layerName: string,
    /** Why it cannot be translated. */
    readonly detail: string,
  ) {
    super(`layer "${layerName}" (${layerClass}): ${detail}`);
  }
}
