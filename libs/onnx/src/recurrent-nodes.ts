import type * as tf from '@tensorflow/tfjs';
import type { GraphValue } from './graph-value';
import { layerWeights, type LayerWeight } from './layer-weights';
import { attr, type OnnxGraphBuilder } from './onnx-graph-builder';
import { UnsupportedLayerError } from './unsupported-layer-error';

/**
 * ONNX names of the recurrent activations TF.js cells may use. ONNX's HardSigmoid defaults
 * (alpha 0.2, beta 0.5) are exactly tfjs-layers' hardSigmoid, clip(0.2x + 0.5, 0, 1) — the
 * default recurrent activation of TF.js LSTM and GRU cells (Keras 3 changed its own to
 * x/6 + 0.5; TF.js did not) — so no activation_alpha/beta attributes are needed.
 */
const RNN_ACTIVATIONS: Readonly<Record<string, string>> = {
  tanh: 'Tanh',
  sigmoid: 'Sigmoid',
  hardSigmoid: 'HardSigmoid',
  relu: 'Relu',
};

/**
 * Where each ONNX gate's block comes from in a TF.js kernel, recurrent kernel or bias: TF.js
 * LSTM cells lay their gates out as [i, f, c, o] and ONNX as [i, o, f, c]; GRU cells both
 * as [z, r, h].
 */
const GATE_SOURCE = { LSTM: [0, 3, 1, 2], GRU: [0, 1, 2] } as const;

/** Everything the graph needs to mask, compact and run one recurrent layer. */
interface RecurrentCall {
  readonly graph: OnnxGraphBuilder;
  /** Cache of the compacted inputs, so both directions of a bidirectional encoder share one. */
  readonly compactions: Map<string, { readonly input: string; readonly lengths: string }>;
}

/**
 * A TF.js [inputDim, gates·units] matrix as ONNX's [1, gates·units, inputDim], gate blocks
 * reordered.
 */
function onnxWeightMatrix(weight: LayerWeight, gates: readonly number[], units: number): Float32Array {
  const [inputDim, width] = weight.shape as [number, number];
  if (width !== gates.length * units) throw new Error(`weight of width ${width} does not hold ${gates.length} gates of ${units} units`);
  const out = new Float32Array(width * inputDim);
  gates.forEach((source, gate) => {
    for (let unit = 0; unit < units; unit++) {
      const row = gate * units + unit;
      const column = source * units + unit;
      for (let i = 0; i < inputDim; i++) out[row * inputDim + i] = weight.values[i * width + column]!;
    }
  });
  return out;
}

/** ONNX's B input: the TF.js bias with gates reordered (Wb), then zeros (Rb). */
function onnxBias(bias: LayerWeight, gates: readonly number[], units: number): Float32Array {
  const out = new Float32Array(2 * gates.length * units);
  gates.forEach((source, gate) => out.set(bias.values.subarray(source * units, (source + 1) * units), gate * units));
  return out;
}

/**
 * The input with each row's valid steps (token id ≠ 0) moved to the front, in their order,
 * and each row's count of valid steps. A TF.js RNN skips a masked step (its state and output
 * carry over unchanged), which is the same as running over the valid steps alone; ONNX RNNs
 * take `sequence_lens` for trailing padding only, so the valid steps go first. A stable sort
 * by key `step + steps·isPadding` (TopK ascending: the keys are distinct) gives the order.
 */
function compactValidSteps(call: RecurrentCall, input: GraphValue, ids: GraphValue, prefix: string, fail: (detail: string) => never): { input: string; lengths: string } {
  const key = `${input.name}|${ids.name}`;
  const cached = call.compactions.get(key);
  if (cached) return cached;
  const { graph } = call;
  const steps = input.shape[1];
  if (steps === null || steps === undefined || ids.shape.length !== 2 || ids.shape[1] !== steps) {
    fail(`its mask needs a fixed number of steps matching the token ids; input ${JSON.stringify(input.shape)}, ids ${JSON.stringify(ids.shape)}`);
  }
  const zero = graph.constant(`${prefix}/mask_zero`, ids.elementType, [], [0]);
  const padding = graph.op('Cast', [graph.op('Equal', [ids.name, zero], `${prefix}/is_padding`)], `${prefix}/padding`, { to: attr.int(1) });
  const valid = graph.op('Sub', [graph.scalar(`${prefix}/one`, 1), padding], `${prefix}/valid`);
  const lengths = graph.op('Cast', [graph.op('ReduceSum', [valid, graph.int64s(`${prefix}/time_axis`, [1])], `${prefix}/valid_count`, { keepdims: attr.int(0) })], `${prefix}/lengths`, { to: attr.int(6) });
  const stepIndex = graph.constant(`${prefix}/step_index`, 'float32', [steps], Array.from({ length: steps }, (_, step) => step));
  const sortKey = graph.op('Add', [stepIndex, graph.op('Mul', [padding, graph.scalar(`${prefix}/steps`, steps)], `${prefix}/padding_offset`)], `${prefix}/sort_key`);
  const [, order] = graph.node('TopK', [sortKey, graph.int64s(`${prefix}/k`, [steps])], `${prefix}/order`, {
    outputs: [`${prefix}/sorted_keys`, `${prefix}/order`],
    attributes: { axis: attr.int(1), largest: attr.int(0), sorted: attr.int(1) },
  });
  const gatherIndex = graph.op('Expand', [graph.op('Unsqueeze', [order!, graph.int64s(`${prefix}/feature_axis`, [2])], `${prefix}/order_3d`), graph.op('Shape', [input.name], `${prefix}/input_shape`)], `${prefix}/gather_index`);
  const compacted = graph.op('GatherElements', [input.name, gatherIndex], `${prefix}/compacted`, { axis: attr.int(1) });
  const result = { input: compacted, lengths };
  call.compactions.set(key, result);
  return result;
}

/**
 * Translates a TF.js LSTM or GRU layer (forward or `goBackwards`, `returnSequences`,
 * `returnState`, initial states as extra inputs, an Embedding's `maskZero` mask) into one ONNX
 * LSTM/GRU node and the reshaping around it. Returns the layer's outputs in TF.js order:
 * the output, then the states when `returnState` ([h] for GRU, [h, c] for LSTM).
 *
 * GRU: TF.js cells apply the reset gate before the recurrent matmul (they reject
 * `resetAfter`), which is ONNX's `linear_before_reset = 0`; TF.js has one bias per gate, so
 * ONNX's recurrent bias Rb is zero.
 */
export function addRecurrentLayer(call: RecurrentCall, layer: tf.layers.Layer, kind: 'LSTM' | 'GRU', inputs: readonly GraphValue[]): GraphValue[] {
  const fail = (detail: string): never => {
    throw new UnsupportedLayerError(kind, layer.name, detail);
  };
  const { graph } = call;
  const config = layer.getConfig();
  const units = config['units'] as number;
  const returnSequences = config['returnSequences'] === true;
  const returnState = config['returnState'] === true;
  const goBackwards = config['goBackwards'] === true;
  if (config['stateful'] === true) fail('stateful RNNs carry state across calls, which an ONNX graph cannot');
  if (kind === 'GRU' && config['resetAfter'] === true) fail('resetAfter is not a TF.js GRU option');
  const activation = RNN_ACTIVATIONS[String(config['activation'])] ?? fail(`activation ${String(config['activation'])} has no ONNX RNN equivalent`);
  const recurrentActivation = RNN_ACTIVATIONS[String(config['recurrentActivation'])] ?? fail(`recurrent activation ${String(config['recurrentActivation'])} has no ONNX RNN equivalent`);

  const [input, ...initialStates] = inputs;
  const stateCount = kind === 'LSTM' ? 2 : 1;
  if (!input || input.shape.length !== 3) fail(`expects one [batch, steps, features] input, got ${JSON.stringify(input?.shape)}`);
  if (initialStates.length !== 0 && initialStates.length !== stateCount) fail(`takes ${stateCount} initial state(s), got ${initialStates.length}`);

  const weights = layerWeights(layer);
  const kernel = weights.get('kernel') ?? fail('has no kernel');
  const recurrentKernel = weights.get('recurrent_kernel') ?? fail('has no recurrent kernel');
  const bias = weights.get('bias');
  const gates = GATE_SOURCE[kind];
  const prefix = layer.name;
  const inputDim = kernel.shape[0]!;
  const W = graph.constant(`${prefix}/W`, 'float32', [1, gates.length * units, inputDim], onnxWeightMatrix(kernel, gates, units));
  const R = graph.constant(`${prefix}/R`, 'float32', [1, gates.length * units, units], onnxWeightMatrix(recurrentKernel, gates, units));
  const B = bias ? graph.constant(`${prefix}/B`, 'float32', [1, 2 * gates.length * units], onnxBias(bias, gates, units)) : '';

  let sequence = input!.name;
  let lengths = '';
  const mask = input!.mask;
  if (mask) {
    if (mask.kind !== 'nonzero-ids') return fail(`its input mask comes from ${mask.origin}, which the exporter cannot reproduce`);
    // Masked steps repeat the previous output, so a masked sequence output is not a
    // compacted one: that would need a per-step gather back, which no platform model uses.
    if (returnSequences) fail('a masked RNN that returns sequences is not supported (only its final output is)');
    ({ input: sequence, lengths } = compactValidSteps(call, input!, mask.ids, `${prefix}/mask`, fail));
  }

  const timeMajor = graph.op('Transpose', [sequence], `${prefix}/time_major`, { perm: attr.ints([1, 0, 2]) });
  const zeroAxis = graph.int64s(`${prefix}/axis0`, [0]);
  const initial = initialStates.map((state, index) => graph.op('Unsqueeze', [state.name, zeroAxis], `${prefix}/initial_state_${index}`));
  const activations = kind === 'LSTM' ? [recurrentActivation, activation, activation] : [recurrentActivation, activation];
  const outputs = graph.node(kind, [timeMajor, W, R, B, lengths, ...initial], prefix, {
    outputs: [returnSequences ? `${prefix}/Y` : '', `${prefix}/Y_h`, ...(kind === 'LSTM' ? [`${prefix}/Y_c`] : [])],
    attributes: {
      hidden_size: attr.int(units),
      direction: attr.string(goBackwards ? 'reverse' : 'forward'),
      activations: attr.strings(activations),
      ...(kind === 'GRU' ? { linear_before_reset: attr.int(0) } : {}),
    },
  });
  const [Y, Yh, Yc] = outputs;

  const batch = input!.shape[0] ?? null;
  const stateValue = (name: string, index: number): GraphValue => {
    let state = graph.op('Squeeze', [name, zeroAxis], `${prefix}/state_${index}`);
    // A row with no valid step keeps its initial state in TF.js; ONNX Runtime gives zeros,
    // which is what TF.js starts from when no initial state is passed.
    if (lengths !== '' && initialStates.length > 0) {
      const empty = graph.op('Unsqueeze', [graph.op('Equal', [lengths, graph.constant(`${prefix}/zero_length`, 'int32', [], [0])], `${prefix}/is_empty`), graph.int64s(`${prefix}/axis1`, [1])], `${prefix}/is_empty_2d`);
      state = graph.op('Where', [empty, initialStates[index]!.name, state], `${prefix}/state_${index}_or_initial`);
    }
    return { name: state, elementType: 'float32', shape: [batch, units] };
  };
  const states = [stateValue(Yh!, 0), ...(kind === 'LSTM' ? [stateValue(Yc!, 1)] : [])];

  let output = states[0]!;
  if (returnSequences) {
    const perStep = graph.op('Transpose', [graph.op('Squeeze', [Y!, graph.int64s(`${prefix}/direction_axis`, [1])], `${prefix}/Y_squeezed`)], `${prefix}/sequence`, { perm: attr.ints([1, 0, 2]) });
    // TF.js stacks a backward RNN's outputs in the order it read the steps (last step first);
    // ONNX keeps each output at its input step.
    const ordered = goBackwards
      ? graph.op('Slice', [perStep, graph.int64s(`${prefix}/reverse_start`, [-1]), graph.int64s(`${prefix}/reverse_end`, [Number.MIN_SAFE_INTEGER]), graph.int64s(`${prefix}/reverse_axis`, [1]), graph.int64s(`${prefix}/reverse_step`, [-1])], `${prefix}/sequence_reversed`)
      : perStep;
    output = { name: ordered, elementType: 'float32', shape: [batch, input!.shape[1] ?? null, units] };
  }
  return returnState ? [output, ...states] : [output];
}
