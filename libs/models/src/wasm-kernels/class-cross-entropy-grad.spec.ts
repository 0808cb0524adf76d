import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { seededValues } from './backend-parity.test-helpers';
import { CLASS_CROSS_ENTROPY_GRAD, classCrossEntropyGradConfig } from './class-cross-entropy-grad';

tf.env().set('PROD', true);

const EPSILON = 1e-7;

beforeAll(async () => {
  await tf.setBackend('wasm');
  tf.registerKernel(classCrossEntropyGradConfig);
});

/** The loss as the kernel's doc writes it, scaled by `dy` so the gradient arriving at it is `dy`. */
function loss(predictions: tf.Tensor, labels: tf.Tensor, classes: number, weights: tf.Tensor | undefined, dy: number): tf.Scalar {
  const sums = tf.sum(predictions, -1, true);
  const picked = tf.sum(tf.mul(tf.oneHot(labels, classes), tf.div(predictions, sums)), -1);
  const losses = tf.neg(tf.log(tf.clipByValue(picked, EPSILON, 1 - EPSILON)));
  return tf.mul(tf.mean(weights ? tf.mul(losses, weights) : losses), dy) as tf.Scalar;
}

describe(CLASS_CROSS_ENTROPY_GRAD, () => {
  it.each<[string, number[], number, number[] | undefined, number, boolean]>([
    ['128 rows, 4 classes, softmax probabilities', Array.from({ length: 128 }, (_, row) => (row * 5) % 4), 4, undefined, 1, true],
    ['class weights and an upstream gradient of 0.37', [0, 2, 1, 1, 0, 2, 2], 3, [1, 0.5, 2, 1.5, 1, 3, 0.25], 0.37, true],
    ['labels out of range', [0, 3, -1, 1], 3, undefined, 1, true],
    ['probabilities that do not sum to 1', [1, 0, 2, 2, 1], 3, undefined, 2, false],
  ])('gives the bits of autodiff through the loss\'s ops: %s', (_label, labelValues, classes, weightValues, dy, softmax) => {
    tf.tidy(() => {
      const rows = labelValues.length;
      const raw = tf.tensor2d(seededValues(rows * classes, 3, 0.05, 1), [rows, classes]);
      const predictions = softmax ? tf.softmax(raw) : raw;
      const labels = tf.tensor1d(labelValues, 'int32');
      const weights = weightValues && tf.tensor1d(weightValues);
      const expected = tf.grad((p: tf.Tensor) => loss(p, labels, classes, weights, dy))(predictions);
      const inputs: tf.NamedTensorMap = { dy: tf.scalar(dy), predictions, labels, ...(weights ? { weights } : {}) };
      const actual = tf.engine().runKernel(CLASS_CROSS_ENTROPY_GRAD, inputs, { epsilon: EPSILON }) as tf.Tensor;
      expect(actual.shape).toEqual([rows, classes]);
      expect(actual.dataSync()).toEqual(expected.dataSync());
    });
  });

  it('gives the bits of autodiff at probabilities clipped at both ends', () => {
    tf.tidy(() => {
      const predictions = tf.tensor2d([1, 0, 0, 0, 1, 0, 0.2, 0.3, 0.5], [3, 3]);
      const labels = tf.tensor1d([0, 0, 2], 'int32');
      const expected = tf.grad((p: tf.Tensor) => loss(p, labels, 3, undefined, 1))(predictions);
      const actual = tf.engine().runKernel(CLASS_CROSS_ENTROPY_GRAD, { dy: tf.scalar(1), predictions, labels }, { epsilon: EPSILON }) as tf.Tensor;
      expect(actual.dataSync()).toEqual(expected.dataSync());
    });
  });

  it('refuses float labels and mismatched sizes', () => {
    tf.tidy(() => {
      const predictions = tf.ones([2, 3]);
      const run = (labels: tf.Tensor) => () => tf.engine().runKernel(CLASS_CROSS_ENTROPY_GRAD, { dy: tf.scalar(1), predictions, labels }, { epsilon: EPSILON });
      expect(run(tf.tensor1d([0, 1]))).toThrow(/int32 labels/);
      expect(run(tf.tensor1d([0, 1, 2], 'int32'))).toThrow(/2 rows/);
    });
  });
});
