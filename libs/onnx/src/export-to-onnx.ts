import * as tf from '@tensorflow/tfjs';
import type { GraphValue } from './graph-value';
import { OnnxGraphBuilder, type OnnxValueInfo } from './onnx-graph-builder';
import { onnxModelProto } from './onnx-schema';
import { translateLayer } from './translate-layer';
import { UnsupportedLayerError } from './unsupported-layer-error';

/** The ONNX IR version exported models declare (IR 8, ONNX 1.10+). */
export const ONNX_IR_VERSION = 8;
/** The default-domain operator set exported models import. */
export const ONNX_OPSET_VERSION = 17;

/** Element types at an exported model's inputs and outputs. */
export type OnnxDtype = 'float32' | 'int32';

/** One input or output of an exported model. */
export interface OnnxTensorInfo {
  /** The ONNX value name: the TF.js input layer's name, or the output layer's name. */
  readonly name: string;
  readonly dtype: OnnxDtype;
  /** The TF.js symbolic shape: `null` for the batch dimension (and any other free one). */
  readonly shape: readonly (number | null)[];
}

/** What `exportToOnnx` produced: the model, or why it cannot be exported. */
export type OnnxExport =
  | {
      readonly supported: true;
      /** The serialised `onnx.ModelProto`, for `InferenceSession.create(bytes)`. */
      readonly bytes: Uint8Array;
      /** In the TF.js model's input order. */
      readonly inputs: readonly OnnxTensorInfo[];
      /** In the TF.js model's output order. */
      readonly outputs: readonly OnnxTensorInfo[];
    }
  | {
      readonly supported: false;
      /** Which layer (name and class) has no exact translation, and why. */
      readonly reason: string;
    };

/** How `exportToOnnx` labels the model. */
export interface OnnxExportOptions {
  /** `ModelProto.producer_name`. Default `@aiaas/onnx`. */
  readonly producerName?: string;
  /** `GraphProto.name`. Default: the TF.js model's name. */
  readonly graphName?: string;
}

/** One call of a layer in the model: the node that links its input and output tensors. */
interface LayerCall {
  readonly layer: tf.layers.Layer;
  readonly inputs: readonly tf.SymbolicTensor[];
  readonly outputs: readonly tf.SymbolicTensor[];
}

/**
 * The model's layer calls in a topological order, found by walking back from its outputs, so a
 * layer that other models also call (the seq2seq decoder's layers are reused by the greedy
 * decoder's step model) contributes only the call this model makes.
 */
function layerCalls(model: tf.LayersModel): LayerCall[] {
  const calls: LayerCall[] = [];
  const visited = new Set<string>();
  const visit = (tensor: tf.SymbolicTensor): void => {
    const key = `${tensor.sourceLayer.id}:${tensor.nodeIndex}`;
    if (visited.has(key)) return;
    visited.add(key);
    const node = tensor.sourceLayer.inboundNodes[tensor.nodeIndex];
    if (!node) throw new Error(`layer ${tensor.sourceLayer.name} has no inbound node ${tensor.nodeIndex}`);
    node.inputTensors.forEach(visit);
    calls.push({ layer: tensor.sourceLayer, inputs: node.inputTensors, outputs: node.outputTensors });
  };
  model.outputs.forEach(visit);
  return calls;
}

function dtypeOf(tensor: tf.SymbolicTensor, what: string): OnnxDtype {
  if (tensor.dtype === 'float32' || tensor.dtype === 'int32') return tensor.dtype;
  throw new UnsupportedLayerError(tensor.sourceLayer.getClassName(), tensor.sourceLayer.name, `${what} dtype ${tensor.dtype} is not supported (float32 and int32 are)`);
}

function translate(model: tf.LayersModel, options: OnnxExportOptions): OnnxExport {
  const graph = new OnnxGraphBuilder();
  const values = new Map<number, GraphValue>();
  const inputs: OnnxTensorInfo[] = model.inputs.map((tensor) => {
    if (tensor.sourceLayer.getClassName() !== 'InputLayer') throw new Error(`model input ${tensor.name} does not come from an InputLayer`);
    const info = { name: graph.uniqueName(tensor.sourceLayer.name), dtype: dtypeOf(tensor, 'input'), shape: [...tensor.shape] };
    values.set(tensor.id, { name: info.name, elementType: info.dtype, shape: info.shape });
    return info;
  });

  const context = { graph, compactions: new Map<string, { input: string; lengths: string }>() };
  for (const call of layerCalls(model)) {
    const className = call.layer.getClassName();
    if (className === 'InputLayer') {
      if (!call.outputs.every((output) => values.has(output.id))) throw new UnsupportedLayerError(className, call.layer.name, 'is not one of the model inputs');
      continue;
    }
    if (call.layer instanceof tf.LayersModel) throw new UnsupportedLayerError(className, call.layer.name, 'nested models are not supported; export a flat functional model');
    const callInputs = call.inputs.map((tensor) => {
      const value = values.get(tensor.id);
      if (!value) throw new Error(`layer ${call.layer.name} reads a tensor (${tensor.name}) no earlier layer produced`);
      return value;
    });
    const outputs = translateLayer(context, call.layer, callInputs, call.outputs.map((tensor) => tensor.shape));
    if (outputs.length !== call.outputs.length) throw new Error(`layer ${call.layer.name} has ${call.outputs.length} outputs, its translation ${outputs.length}`);
    call.outputs.forEach((tensor, index) => values.set(tensor.id, outputs[index]!));
  }

  // Outputs are named after their layers (with the output's index when the layer has several)
  // and always produced by a node of their own name, even when the layer was an identity.
  const graphInputs = new Set(inputs.map((input) => input.name));
  const used = new Set<string>();
  const outputs: OnnxTensorInfo[] = model.outputs.map((tensor) => {
    const value = values.get(tensor.id)!;
    const { sourceLayer } = tensor;
    const wanted = sourceLayer.inboundNodes[tensor.nodeIndex]!.outputTensors.length > 1 ? `${sourceLayer.name}_${tensor.tensorIndex}` : sourceLayer.name;
    const name = value.name === wanted && !used.has(value.name) && !graphInputs.has(value.name) ? value.name : graph.op('Identity', [value.name], wanted);
    used.add(name);
    return { name, dtype: dtypeOf(tensor, 'output'), shape: [...tensor.shape] };
  });

  const info = (tensor: OnnxTensorInfo): OnnxValueInfo => ({ name: tensor.name, elementType: tensor.dtype, shape: tensor.shape });
  const message = {
    ir_version: ONNX_IR_VERSION,
    opset_import: [{ domain: '', version: ONNX_OPSET_VERSION }],
    producer_name: options.producerName ?? '@aiaas/onnx',
    graph: graph.toGraph(options.graphName ?? model.name, inputs.map(info), outputs.map(info)),
  };
  const type = onnxModelProto();
  const problem = type.verify(message);
  if (problem) throw new Error(`the ONNX model does not verify: ${problem}`);
  return { supported: true, bytes: type.encode(type.fromObject(message)).finish(), inputs, outputs };
}

/**
 * Translates a trained TF.js functional model into an ONNX model (IR 8, opset 17) with the
 * same inputs (names, dtypes — int32 ids stay int32 — and shapes), the same outputs and the
 * weights as initializers, computing what `model.predict` computes. Inference behaviour only:
 * dropout is the identity, batch norm uses its moving statistics, regularisers are dropped.
 * Deterministic: the same model gives the same bytes.
 *
 * Returns `{ supported: false, reason }` — naming the layer and its class — when a layer (or a
 * use of one, such as a masked RNN returning sequences) has no exact translation; it throws
 * only on a bug.
 */
export function exportToOnnx(model: tf.LayersModel, options: OnnxExportOptions = {}): OnnxExport {
  try {
    return translate(model, options);
  } catch (error) {
    if (error instanceof UnsupportedLayerError) return { supported: false, reason: error.message };
    throw error;
  }
}
