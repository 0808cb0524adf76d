/**
 * Exports trained TF.js models to ONNX, so they can be served by ONNX Runtime
 * (`onnxruntime-node`, ~30× the rows/s of TF.js on wasm for the same MLP): every model family
 * `@aiaas/models` builds — MLP, text (pooling, conv1d, LSTM/GRU, bidirectional, masked
 * padding), recommenders, and the seq2seq training graph — translates exactly (IR 8, opset 17).
 *
 * @example
 * ```ts
 * import { exportToOnnx } from '@aiaas/onnx';
 * import { InferenceSession, Tensor } from 'onnxruntime-node';
 *
 * const exported = exportToOnnx(model); // a tf.LayersModel, e.g. from loadModel
 * if (!exported.supported) throw new Error(exported.reason); // names the layer it cannot translate
 * const session = await InferenceSession.create(exported.bytes);
 * const [input] = exported.inputs; // { name: 'input_features', dtype: 'float32', shape: [null, 3] }
 * const results = await session.run({ [input.name]: new Tensor('float32', rows, [2, 3]) });
 * const probabilities = results[exported.outputs[0].name].data; // what model.predict gives
 * ```
 */
export { decodeOnnxModel } from './decode-onnx-model';
export type { OnnxModelSummary } from './decode-onnx-model';
export { exportToOnnx, ONNX_IR_VERSION, ONNX_OPSET_VERSION } from './export-to-onnx';
export type { OnnxDtype, OnnxExport, OnnxExportOptions, OnnxTensorInfo } from './export-to-onnx';
