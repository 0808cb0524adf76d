import type * as tf from '@tensorflow/tfjs';
import { addActivation } from './activation-nodes';
import type { GraphValue, SequenceMask } from './graph-value';
import { layerWeights, type LayerWeight } from './layer-weights';
import { attr, type OnnxGraphBuilder } from './onnx-graph-builder';
import { addRecurrentLayer } from './recurrent-nodes';
import { UnsupportedLayerError } from './unsupported-layer-error';

/** What translating one layer call needs besides the layer and its inputs. */
export interface LayerTranslationContext {
  readonly graph: OnnxGraphBuilder;
  /** Masked RNN inputs already compacted (see `addRecurrentLayer`). */
  readonly compactions: Map<string, { readonly input: string; readonly lengths: string }>;
}

/** Layers that are the identity at inference: dropout and noise act only in training. */
const INFERENCE_IDENTITY = new Set(['Dropout', 'SeededDropout', 'SpatialDropout1D', 'AlphaDropout', 'GaussianDropout', 'GaussianNoise']);

type Shape = readonly (number | null)[];

function asNumber(value: unknown, what: string): number {
  const number = Array.isArray(value) ? value[0] : value;
  if (typeof number !== 'number') throw new Error(`${what} is not a number: ${JSON.stringify(value)}`);
  return number;
}

/** Translates one call of one layer; returns its outputs in TF.js order. */
export function translateLayer(context: LayerTranslationContext, layer: tf.layers.Layer, inputs: readonly GraphValue[], outputShapes: readonly Shape[]): GraphValue[] {
  const className = layer.getClassName();
  const fail = (detail: string): never => {
    throw new UnsupportedLayerError(className, layer.name, detail);
  };
  const { graph } = context;
  const name = layer.name;
  const config = layer.getConfig();
  const weights = (): Map<string, LayerWeight> => layerWeights(layer);
  const weight = (all: Map<string, LayerWeight>, key: string): LayerWeight => all.get(key) ?? fail(`has no ${key} weight`);
  const single = (): GraphValue => {
    if (inputs.length !== 1) fail(`expects one input, got ${inputs.length}`);
    return inputs[0]!;
  };
  const outputShape = outputShapes[0] ?? fail('has no output');
  const floatOutput = (value: string, mask?: SequenceMask): GraphValue => ({ name: value, elementType: 'float32', shape: outputShape, ...(mask ? { mask } : {}) });
  // TF.js's executor hands a layer's first input mask on when the layer supports masking (the
  // default computeMask); Embedding, RNNs and merge layers, which compute their own, set theirs below.
  const carriedMask = layer.supportsMasking ? inputs[0]?.mask : undefined;
  // A mask that merge layers combine: only an error if an RNN reads it later.
  const mergedMask = (): SequenceMask | undefined => (inputs.some((input) => input.mask) ? { kind: 'opaque', origin: `${className} layer "${name}"` } : undefined);
  const activate = (value: string, activation: unknown): string => addActivation(graph, String(activation), value, name) ?? fail(`activation ${String(activation)} has no translation`);
  const toFloat = (value: GraphValue): string => (value.elementType === 'float32' ? value.name : graph.op('Cast', [value.name], `${name}/as_float`, { to: attr.int(1) }));

  if (INFERENCE_IDENTITY.has(className)) {
    const { mask: _inputMask, ...unmasked } = single();
    return [carriedMask ? { ...unmasked, mask: carriedMask } : unmasked];
  }

  switch (className) {
    case 'Activation':
      return [floatOutput(activate(single().name, config['activation']), carriedMask)];

    case 'Dense': {
      const input = single();
      const all = weights();
      const kernel = weight(all, 'kernel');
      let value = graph.op('MatMul', [toFloat(input), graph.constant(`${name}/kernel`, 'float32', kernel.shape, kernel.values)], `${name}/matmul`);
      const bias = all.get('bias');
      if (bias) value = graph.op('Add', [value, graph.constant(`${name}/bias`, 'float32', bias.shape, bias.values)], `${name}/bias_add`);
      return [floatOutput(activate(value, config['activation']), carriedMask)];
    }

    case 'BatchNormalization': {
      const input = single();
      const rank = input.shape.length;
      const axis = asNumber(config['axis'], 'axis');
      if (axis !== -1 && axis !== rank - 1) fail(`normalises axis ${axis}; only the last axis is supported`);
      const all = weights();
      const mean = weight(all, 'moving_mean');
      const variance = weight(all, 'moving_variance');
      const gamma = all.get('gamma');
      const beta = all.get('beta');
      const epsilon = asNumber(config['epsilon'], 'epsilon');
      // (x − mean) · gamma / √(variance + ε) + beta, the multiplier folded in float32 as the
      // batchNorm kernel folds it.
      const multiplier = Float32Array.from(variance.values, (value, index) => Math.fround(Math.fround(gamma ? gamma.values[index]! : 1) / Math.fround(Math.sqrt(Math.fround(value + epsilon)))));
      const centred = graph.op('Sub', [toFloat(input), graph.constant(`${name}/moving_mean`, 'float32', mean.shape, mean.values)], `${name}/centred`);
      let value = graph.op('Mul', [centred, graph.constant(`${name}/multiplier`, 'float32', mean.shape, multiplier)], beta ? `${name}/scaled` : name);
      if (beta) value = graph.op('Add', [value, graph.constant(`${name}/beta`, 'float32', beta.shape, beta.values)], name);
      return [floatOutput(value, carriedMask)];
    }

    case 'Rescaling': {
      const input = single();
      const scaled = graph.op('Mul', [toFloat(input), graph.scalar(`${name}/scale`, asNumber(config['scale'], 'scale'))], `${name}/scaled`);
      return [floatOutput(graph.op('Add', [scaled, graph.scalar(`${name}/offset`, asNumber(config['offset'], 'offset'))], name), carriedMask)];
    }

    case 'Embedding': {
      const input = single();
      const table = weight(weights(), 'embeddings');
      // Gather takes int32 indices as they are; TF.js casts other dtypes to int32 first.
      const ids = input.elementType === 'int32' || input.elementType === 'int64' ? input.name : graph.op('Cast', [input.name], `${name}/ids`, { to: attr.int(6) });
      const value = graph.op('Gather', [graph.constant(`${name}/embeddings`, 'float32', table.shape, table.values), ids], name, { axis: attr.int(0) });
      const mask: SequenceMask | undefined = config['maskZero'] === true ? { kind: 'nonzero-ids', ids: input } : undefined;
      return [floatOutput(value, mask)];
    }

    case 'Flatten': {
      const input = single();
      return [{ name: input.shape.length <= 2 ? input.name : graph.op('Flatten', [input.name], name, { axis: attr.int(1) }), elementType: input.elementType, shape: outputShape, ...(carriedMask ? { mask: carriedMask } : {}) }];
    }

    case 'GlobalAveragePooling1D':
    case 'GlobalMaxPooling1D': {
      const input = single();
      if (input.shape.length !== 3) fail(`expects a [batch, steps, features] input, got ${JSON.stringify(input.shape)}`);
      const op = className === 'GlobalAveragePooling1D' ? 'ReduceMean' : 'ReduceMax';
      return [floatOutput(graph.op(op, [toFloat(input)], name, { axes: attr.ints([1]), keepdims: attr.int(0) }), carriedMask)];
    }

    case 'Conv1D': {
      const input = single();
      const steps = input.shape[1] ?? null;
      const dataFormat = (layer as unknown as { dataFormat?: string }).dataFormat ?? 'channelsLast';
      if (dataFormat !== 'channelsLast') fail(`dataFormat ${dataFormat} is not supported`);
      const all = weights();
      const kernel = weight(all, 'kernel');
      const [size, channels, filters] = kernel.shape as [number, number, number];
      const stride = asNumber(config['strides'], 'strides');
      const dilation = asNumber(config['dilationRate'] ?? 1, 'dilationRate');
      const span = (size - 1) * dilation + 1;
      let pads: [number, number];
      switch (config['padding']) {
        case 'valid':
          pads = [0, 0];
          break;
        case 'same': {
          // TensorFlow's rule: out = ⌈steps / stride⌉, the odd pixel of padding at the end.
          if (stride !== 1 && steps === null) fail('same padding with a stride needs a fixed number of steps');
          const total = stride === 1 ? span - 1 : Math.max((Math.ceil(steps! / stride) - 1) * stride + span - steps!, 0);
          pads = [Math.floor(total / 2), total - Math.floor(total / 2)];
          break;
        }
        default:
          return fail(`padding ${String(config['padding'])} is not supported`);
      }
      // TF.js kernel [size, channels, filters] → ONNX [filters, channels, size].
      const onnxKernel = new Float32Array(kernel.values.length);
      for (let f = 0; f < filters; f++) for (let c = 0; c < channels; c++) for (let k = 0; k < size; k++) onnxKernel[(f * channels + c) * size + k] = kernel.values[(k * channels + c) * filters + f]!;
      const bias = all.get('bias');
      const channelsFirst = graph.op('Transpose', [toFloat(input)], `${name}/channels_first`, { perm: attr.ints([0, 2, 1]) });
      const convInputs = [channelsFirst, graph.constant(`${name}/kernel`, 'float32', [filters, channels, size], onnxKernel), ...(bias ? [graph.constant(`${name}/bias`, 'float32', bias.shape, bias.values)] : [])];
      const convolved = graph.op('Conv', convInputs, `${name}/conv`, {
        kernel_shape: attr.ints([size]),
        strides: attr.ints([stride]),
        dilations: attr.ints([dilation]),
        pads: attr.ints(pads),
      });
      const channelsLast = graph.op('Transpose', [convolved], `${name}/channels_last`, { perm: attr.ints([0, 2, 1]) });
      return [floatOutput(activate(channelsLast, config['activation']), carriedMask)];
    }

    case 'LSTM':
    case 'GRU':
      return addRecurrentLayer(context, layer, className, inputs);

    case 'Concatenate': {
      if (inputs.length < 2) fail(`expects at least two inputs, got ${inputs.length}`);
      const axis = asNumber(config['axis'] ?? -1, 'axis');
      return [floatOutput(graph.op('Concat', inputs.map(toFloat), name, { axis: attr.int(axis) }), mergedMask())];
    }

    case 'Add':
    case 'Multiply':
    case 'Maximum':
    case 'Minimum': {
      if (inputs.length < 2) fail(`expects at least two inputs, got ${inputs.length}`);
      const op = { Add: 'Add', Multiply: 'Mul', Maximum: 'Max', Minimum: 'Min' }[className];
      const values = inputs.map(toFloat);
      // Pairwise from the left, as tfjs-layers folds them.
      let value = values[0]!;
      for (let index = 1; index < values.length; index++) value = graph.op(op, [value, values[index]!], index === values.length - 1 ? name : `${name}/partial_${index}`);
      return [floatOutput(value, mergedMask())];
    }

    case 'Dot': {
      if (inputs.length !== 2) fail(`expects two inputs, got ${inputs.length}`);
      if (config['normalize'] === true) fail('normalize: true is not supported');
      const [left, right] = inputs as [GraphValue, GraphValue];
      if (left.shape.length !== 2 || right.shape.length !== 2) fail(`supports two [batch, features] inputs, got ${JSON.stringify(left.shape)} and ${JSON.stringify(right.shape)}`);
      const axes = (Array.isArray(config['axes']) ? config['axes'] : [config['axes'], config['axes']]) as unknown[];
      if (!axes.every((axis) => axis === 1 || axis === -1)) fail(`supports axes 1 (the features), got ${JSON.stringify(config['axes'])}`);
      const product = graph.op('Mul', [toFloat(left), toFloat(right)], `${name}/product`);
      return [floatOutput(graph.op('ReduceSum', [product, graph.int64s(`${name}/axes`, [1])], name, { keepdims: attr.int(1) }))];
    }

    default:
      return fail('no ONNX translation for this layer class');
  }
}
