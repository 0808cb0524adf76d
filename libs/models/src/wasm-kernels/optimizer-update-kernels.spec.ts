import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { seededTensor, wasmDataIds } from './backend-parity.test-helpers';
import { OPTIMIZER_UPDATE_KERNELS, registerOptimizerUpdateKernels } from './optimizer-update-kernels';

tf.env().set('PROD', true);

/** 4·n + 3 values: the kernels' four-lane loop and their one-lane tail both run. */
const SHAPE = [5, 7];
let [x, g, a, b]: Array<tf.Tensor | undefined> = [];

beforeAll(async () => {
  await tf.setBackend('wasm');
  expect(registerOptimizerUpdateKernels()).toEqual(Object.values(OPTIMIZER_UPDATE_KERNELS));
  [x, g, a, b] = [1, 2, 3, 4].map((seed) => seededTensor(SHAPE, seed));
});

afterAll(() => tf.dispose([x!, g!, a!, b!]));
const positive = (tensor: tf.Tensor) => tf.abs(tensor);

/**
 * Each kernel, with its inputs and attributes, next to the same step written with tfjs ops as
 * tfjs-core 4.22's optimisers write it.
 */
const CASES: ReadonlyArray<readonly [string, string, () => tf.NamedTensorMap, tf.NamedAttrMap, (inputs: tf.NamedTensorMap) => tf.Tensor[]]> = [
  [
    'adam',
    OPTIMIZER_UPDATE_KERNELS.adam,
    () => ({ x: x!, gradient: g!, m: a!, v: positive(b!), accBeta1: tf.scalar(0.9 ** 3), accBeta2: tf.scalar(0.999 ** 3) }),
    { beta1: 0.9, beta2: 0.999, epsilon: 1e-7, learningRate: 0.01 },
    ({ x, gradient, m, v, accBeta1, accBeta2 }) => {
      const newM = tf.add(tf.mul(m!, 0.9), tf.mul(gradient!, 1 - 0.9));
      const newV = tf.add(tf.mul(v!, 0.999), tf.mul(tf.square(gradient!), 1 - 0.999));
      const mHat = tf.div(newM, tf.sub(1, accBeta1!));
      const vHat = tf.div(newV, tf.sub(1, accBeta2!));
      return [tf.add(tf.mul(tf.div(mHat, tf.add(tf.sqrt(vHat), 1e-7)), -0.01), x!), newM, newV];
    },
  ],
  [
    'rmsprop',
    OPTIMIZER_UPDATE_KERNELS.rmsprop,
    () => ({ x: x!, gradient: g!, meanSquare: positive(a!), moment: b! }),
    { decay: 0.9, momentum: 0.3, epsilon: 1e-7, learningRate: 0.01 },
    ({ x, gradient, meanSquare, moment }) => {
      const newMeanSquare = tf.add(tf.mul(meanSquare!, 0.9), tf.mul(tf.square(gradient!), 1 - 0.9));
      const newMoment = tf.add(tf.mul(moment!, 0.3), tf.div(tf.mul(gradient!, 0.01), tf.sqrt(tf.add(newMeanSquare, 1e-7))));
      return [tf.sub(x!, newMoment), newMeanSquare, newMoment];
    },
  ],
  [
    'momentum',
    OPTIMIZER_UPDATE_KERNELS.momentum,
    () => ({ x: x!, gradient: g!, accumulation: a! }),
    { momentum: 0.9, learningRate: 0.05, nesterov: false },
    ({ x, gradient, accumulation }) => {
      const newAccumulation = tf.add(tf.mul(tf.scalar(0.9), accumulation!), gradient!);
      return [tf.add(tf.mul(tf.scalar(-0.05), newAccumulation), x!), newAccumulation];
    },
  ],
  [
    'nesterov momentum',
    OPTIMIZER_UPDATE_KERNELS.momentum,
    () => ({ x: x!, gradient: g!, accumulation: a! }),
    { momentum: 0.9, learningRate: 0.05, nesterov: true },
    ({ x, gradient, accumulation }) => {
      const newAccumulation = tf.add(tf.mul(tf.scalar(0.9), accumulation!), gradient!);
      return [tf.add(tf.mul(tf.scalar(-0.05), tf.add(gradient!, tf.mul(newAccumulation, tf.scalar(0.9)))), x!), newAccumulation];
    },
  ],
  ['sgd', OPTIMIZER_UPDATE_KERNELS.sgd, () => ({ x: x!, gradient: g! }), { learningRate: 0.05 }, ({ x, gradient }) => [tf.add(tf.mul(tf.scalar(-0.05), gradient!), x!)]],
  [
    'adagrad',
    OPTIMIZER_UPDATE_KERNELS.adagrad,
    () => ({ x: x!, gradient: g!, accumulator: positive(a!) }),
    { epsilon: 1e-7, learningRate: 0.05 },
    ({ x, gradient, accumulator }) => {
      const newAccumulator = tf.add(accumulator!, tf.square(gradient!));
      return [tf.add(tf.mul(tf.div(gradient!, tf.sqrt(tf.add(newAccumulator, 1e-7))), -0.05), x!), newAccumulator];
    },
  ],
];

describe('the optimiser update kernels on wasm', () => {
  it('register once', () => {
    expect(registerOptimizerUpdateKernels()).toEqual([]);
  });

  it.each(CASES)('%s computes the bits of tfjs-core\'s ops, into fresh tensors only', (_name, kernelName, inputs, attrs, reference) => {
    tf.tidy(() => {
      const given = inputs();
      const expected = reference(given).map((tensor) => tensor.dataSync());
      const tensorsBefore = tf.memory().numTensors;
      const dataBefore = wasmDataIds();
      const outputs = tf.engine().runKernel(kernelName, given, attrs) as tf.Tensor[];
      expect(outputs.map((output) => output.dataSync())).toEqual(expected);
      expect(outputs.map((output) => output.shape)).toEqual(expected.map(() => SHAPE));
      expect(tf.memory().numTensors - tensorsBefore).toBe(outputs.length);
      expect(wasmDataIds() - dataBefore).toBe(outputs.length);
    });
  });

  it('rejects inputs of different sizes', () => {
    tf.tidy(() => {
      expect(() => tf.engine().runKernel(OPTIMIZER_UPDATE_KERNELS.sgd, { x: x!, gradient: tf.ones([3]) }, { learningRate: 0.1 })).toThrow(/gradient has shape \[3\]/);
    });
  });
});
