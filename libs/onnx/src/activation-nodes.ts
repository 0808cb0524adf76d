import { attr, type OnnxGraphBuilder } from './onnx-graph-builder';

// tfjs-core's SELU constants (selu_util, there written with more digits than a double holds):
// selu(x) = SCALE·x for x > 0, else SCALEALPHA·(eˣ − 1).
const SELU_SCALEALPHA = 1.7580993408473768;
const SELU_SCALE = 1.0507009873554805;

/**
 * Appends the nodes of a TF.js activation to `input` and returns the name of the result
 * (`output` when a node was added; `input` itself for `linear`), or `undefined` when the
 * activation has no translation. Each one computes what tfjs-layers' activation class computes,
 * in the same order of operations: swish is x·sigmoid(x), gelu the exact erf form
 * x·½(1 + erf(x/√2)), gelu_new the tanh approximation, hardSigmoid clip(0.2x + 0.5, 0, 1).
 */
export function addActivation(graph: OnnxGraphBuilder, activation: string, input: string, output: string): string | undefined {
  const constant = (name: string, value: number) => graph.scalar(`${output}/${name}`, value);
  switch (activation) {
    case 'linear':
      return input;
    case 'relu':
      return graph.op('Relu', [input], output);
    case 'relu6':
      return graph.op('Clip', [input, constant('zero', 0), constant('six', 6)], output);
    case 'elu':
      return graph.op('Elu', [input], output, { alpha: attr.float(1) });
    case 'selu':
      return graph.op('Selu', [input], output, { alpha: attr.float(SELU_SCALEALPHA / SELU_SCALE), gamma: attr.float(SELU_SCALE) });
    case 'sigmoid':
      return graph.op('Sigmoid', [input], output);
    case 'hardSigmoid':
      return graph.op('HardSigmoid', [input], output, { alpha: attr.float(0.2), beta: attr.float(0.5) });
    case 'tanh':
      return graph.op('Tanh', [input], output);
    case 'softplus':
      return graph.op('Softplus', [input], output);
    case 'softsign':
      return graph.op('Softsign', [input], output);
    case 'swish':
      return graph.op('Mul', [graph.op('Sigmoid', [input], `${output}/sigmoid`), input], output);
    case 'mish': {
      const softplus = graph.op('Softplus', [input], `${output}/softplus`);
      return graph.op('Mul', [input, graph.op('Tanh', [softplus], `${output}/tanh`)], output);
    }
    case 'gelu': {
      const scaled = graph.op('Div', [input, constant('sqrt2', Math.sqrt(2))], `${output}/scaled`);
      const erf = graph.op('Erf', [scaled], `${output}/erf`);
      const cdf = graph.op('Mul', [constant('half', 0.5), graph.op('Add', [constant('one', 1), erf], `${output}/one_plus_erf`)], `${output}/cdf`);
      return graph.op('Mul', [input, cdf], output);
    }
    case 'gelu_new': {
      const cube = graph.op('Pow', [input, constant('three', 3)], `${output}/cube`);
      const inner = graph.op('Add', [input, graph.op('Mul', [constant('coefficient', 0.044715), cube], `${output}/scaled_cube`)], `${output}/inner`);
      const tanh = graph.op('Tanh', [graph.op('Mul', [constant('sqrt_2_over_pi', Math.sqrt(2 / Math.PI)), inner], `${output}/tanh_input`)], `${output}/tanh`);
      const product = graph.op('Mul', [input, graph.op('Add', [constant('one', 1), tanh], `${output}/one_plus_tanh`)], `${output}/product`);
      return graph.op('Mul', [constant('half', 0.5), product], output);
    }
    case 'softmax':
      return graph.op('Softmax', [input], output, { axis: attr.int(-1) });
    default:
      return undefined;
  }
}
