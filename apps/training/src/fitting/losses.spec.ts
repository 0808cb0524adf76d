import * as tf from '@tensorflow/tfjs';
import { planTraining, trainingSpecSchema, type DataOutput, type TrainingPlan, type TrainingSpecInput } from '@aiaas/model-spec';
import { CLASS_CROSS_ENTROPY_GRAD, selectBackend } from '@aiaas/models';
import { silentLogger } from '@aiaas/observability';
import { countCorrect, createLoss } from './losses';

const features: DataOutput = { kind: 'dense', name: 'features', width: 2 };

function regression(loss: 'mse' | 'mae' | 'huber', huberDelta = 1): TrainingPlan {
  return planTraining(trainingSpecSchema.parse({ loss, huberDelta }), { task: 'regression', classLabels: [], outputs: [features], hasValidation: false });
}

function classification(classLabels: string[], loss: TrainingSpecInput['loss'] = 'auto'): TrainingPlan {
  return planTraining(trainingSpecSchema.parse({ loss }), { task: 'classification', classLabels, outputs: [features], hasValidation: false });
}

function implicitRecommender(): TrainingPlan {
  const ids: DataOutput[] = [
    { kind: 'index', name: 'user', width: 1, cardinality: 5 },
    { kind: 'index', name: 'item', width: 1, cardinality: 5 },
  ];
  const model = { family: 'recommender', userColumn: 'user', itemColumn: 'item', feedback: { kind: 'implicit' } } as const;
  return planTraining(trainingSpecSchema.parse({ model }), { task: 'regression', classLabels: [], outputs: ids, hasValidation: false });
}

/** The loss of a batch, read back; frees the labels and predictions. */
function lossOf(plan: TrainingPlan, labels: tf.Tensor, predictions: tf.Tensor, weights?: number[]): number {
  const loss = tf.tidy(() => createLoss(plan)(labels, predictions, weights && tf.tensor1d(weights)).dataSync()[0]!);
  tf.dispose([labels, predictions]);
  return loss;
}

/** The count of a batch, read back; frees the labels and predictions. */
function correctOf(plan: TrainingPlan, labels: tf.Tensor, predictions: tf.Tensor): number {
  const correct = countCorrect(plan, labels, predictions);
  const count = correct.dataSync()[0]!;
  tf.dispose([correct, labels, predictions]);
  return count;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const weightedMean = (values: number[], weights: number[]) => values.reduce((sum, value, i) => sum + value * weights[i]!, 0) / values.length;

describe('createLoss', () => {
  beforeAll(async () => {
    await selectBackend('wasm', silentLogger);
  });

  // Targets 1, 2, 3 predicted as 1.5, 2, 1: errors 0.5, 0, 2.
  const values = () => tf.tensor1d([1, 2, 3]);
  const predicted = () => tf.tensor2d([[1.5], [2], [1]]);
  const weights = [2, 1, 0.5];

  it('mse is the mean squared error, weighted as sum(w·l) / batch', () => {
    expect(lossOf(regression('mse'), values(), predicted())).toBeCloseTo(mean([0.25, 0, 4]), 5);
    expect(lossOf(regression('mse'), values(), predicted(), weights)).toBeCloseTo(weightedMean([0.25, 0, 4], weights), 5);
  });

  it('mae is the mean absolute error', () => {
    expect(lossOf(regression('mae'), values(), predicted())).toBeCloseTo(mean([0.5, 0, 2]), 5);
    expect(lossOf(regression('mae'), values(), predicted(), weights)).toBeCloseTo(weightedMean([0.5, 0, 2], weights), 5);
  });

  it('huber is quadratic within delta and linear beyond it', () => {
    // delta 1: 0.5·0.5², 0, 1·(2 − 0.5); delta 2: the error of 2 is still quadratic.
    expect(lossOf(regression('huber', 1), values(), predicted())).toBeCloseTo(mean([0.125, 0, 1.5]), 5);
    expect(lossOf(regression('huber', 2), values(), predicted())).toBeCloseTo(mean([0.125, 0, 2]), 5);
    expect(lossOf(regression('huber', 1), values(), predicted(), weights)).toBeCloseTo(weightedMean([0.125, 0, 1.5], weights), 5);
  });

  it('binary cross-entropy scores the sigmoid probability of class 1', () => {
    const plan = classification(['no', 'yes']);
    const expected = [-Math.log(0.9), -Math.log(1 - 0.2), -Math.log(0.5), -Math.log(1 - 0.7)];
    const labels = () => tf.tensor1d([1, 0, 1, 0], 'int32');
    const probabilities = () => tf.tensor2d([[0.9], [0.2], [0.5], [0.7]]);
    expect(lossOf(plan, labels(), probabilities())).toBeCloseTo(mean(expected), 5);
    expect(lossOf(plan, labels(), probabilities(), [1, 2, 0.5, 1])).toBeCloseTo(weightedMean(expected, [1, 2, 0.5, 1]), 5);
  });

  it('binary cross-entropy takes float 0/1 interaction labels', () => {
    const expected = [-Math.log(0.8), -Math.log(1 - 0.4)];
    expect(lossOf(implicitRecommender(), tf.tensor1d([1, 0]), tf.tensor2d([[0.8], [0.4]]))).toBeCloseTo(mean(expected), 5);
  });

  it('binary cross-entropy stays finite at probabilities of exactly 0 and 1, as Keras clips them', () => {
    const loss = lossOf(classification(['no', 'yes']), tf.tensor1d([1, 0], 'int32'), tf.tensor2d([[0], [1]]));
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss).toBeCloseTo(-Math.log(1e-7), 0);
  });

  it.each(['categorical-crossentropy', 'sparse-categorical-crossentropy'] as const)('%s is −log of the probability of the true class', (loss) => {
    const plan = classification(['a', 'b', 'c'], loss);
    const labels = () => tf.tensor1d([0, 1, 1], 'int32');
    const probabilities = () => tf.tensor2d([
      [0.7, 0.2, 0.1],
      [0.1, 0.1, 0.8],
      [0.3, 0.4, 0.3],
    ]);
    const expected = [-Math.log(0.7), -Math.log(0.1), -Math.log(0.4)];
    expect(lossOf(plan, labels(), probabilities())).toBeCloseTo(mean(expected), 5);
    expect(lossOf(plan, labels(), probabilities(), [1, 0.5, 2])).toBeCloseTo(weightedMean(expected, [1, 0.5, 2]), 5);
  });

  it('frees its intermediates', () => {
    const [labels, probabilities] = [tf.tensor1d([0, 2], 'int32'), tf.tensor2d([[0.5, 0.3, 0.2], [0.1, 0.1, 0.8]])];
    const weights = tf.tensor1d([1, 3]);
    const before = tf.memory().numTensors;
    const loss = createLoss(classification(['a', 'b', 'c']))(labels, probabilities, weights);
    expect(tf.memory().numTensors).toBe(before + 1);
    tf.dispose([loss, labels, probabilities, weights]);
  });

  it('has a gradient on wasm: a softmax classifier learns from it', () => {
    const plan = classification(['a', 'b', 'c']);
    const loss = createLoss(plan);
    const kernel = tf.variable(tf.zeros([2, 3]));
    const x = tf.tensor2d([
      [1, 0],
      [0, 1],
    ]);
    const labels = tf.tensor1d([0, 2], 'int32');
    const { value, grads } = tf.variableGrads(() => loss(labels, tf.softmax(tf.matMul(x, kernel))), [kernel]);
    // d(mean CE)/d(logits) = (softmax − one-hot) / batch, and the logits are x · kernel.
    const third = 1 / 3;
    const expected = [(third - 1) / 2, third / 2, third / 2, third / 2, third / 2, (third - 1) / 2];
    Array.from(grads[kernel.name]!.dataSync()).forEach((gradient, i) => expect(gradient).toBeCloseTo(expected[i]!, 5));
    expect(value.dataSync()[0]).toBeCloseTo(Math.log(3), 5);
    tf.dispose([kernel, x, labels, value, grads]);
  });
});

describe('the class cross-entropy with its one-kernel gradient (wasm)', () => {
  beforeAll(async () => {
    await selectBackend('wasm', silentLogger);
  });

  /** Deterministic values in [0, 1). */
  const unit = (count: number, seed: number) => Array.from({ length: count }, (_, index) => Math.abs(Math.sin((index + 1) * 12.9898 + seed * 78.233)) % 1);

  /**
   * Loss and gradient with respect to the logits, through a softmax (or, `raw`, straight
   * from probabilities that need not sum to 1), scaled by `scale` so the gradient arriving at
   * the loss is not 1; plus the kernels the gradient ran.
   */
  async function lossAndGradient(labels: number[], classes: number, options: { weights?: number[]; scale?: number; raw?: boolean; seed?: number }) {
    const rows = labels.length;
    const plan = classification(Array.from({ length: classes }, (_, index) => `c${index}`), 'sparse-categorical-crossentropy');
    const loss = createLoss(plan);
    const logits = tf.variable(tf.tensor2d(unit(rows * classes, options.seed ?? 1).map((value) => value * 6 - 3), [rows, classes]));
    const labelTensor = tf.tensor1d(labels, 'int32');
    const weights = options.weights && tf.tensor1d(options.weights);
    let result: { value: Float32Array; gradient: Float32Array } | undefined;
    const profile = await tf.profile(() => {
      const { value, grads } = tf.variableGrads(() => tf.mul(loss(labelTensor, options.raw ? tf.abs(logits) : tf.softmax(logits), weights), options.scale ?? 1).asScalar(), [logits]);
      result = { value: value.dataSync() as Float32Array, gradient: grads[logits.name]!.dataSync() as Float32Array };
      tf.dispose([value, grads]);
    });
    tf.dispose([logits, labelTensor, ...(weights ? [weights] : [])]);
    return { ...result!, kernels: new Set(profile.kernelNames) };
  }

  /** The same, with the autodiff gradient: the kernel unregistered for a moment. */
  async function withoutKernel<T>(work: () => Promise<T>): Promise<T> {
    const config = tf.getKernel(CLASS_CROSS_ENTROPY_GRAD, 'wasm');
    tf.unregisterKernel(CLASS_CROSS_ENTROPY_GRAD, 'wasm');
    try {
      return await work();
    } finally {
      tf.registerKernel(config);
    }
  }

  type Options = Parameters<typeof lossAndGradient>[2];
  it.each<[string, number[], number, Options]>([
    ['a batch of 128 over 4 classes', Array.from({ length: 128 }, (_, row) => (row * 7) % 4), 4, {}],
    ['class weights and an upstream gradient of 0.37', [0, 2, 1, 1, 0, 2, 2], 3, { weights: [1, 0.5, 2, 1.5, 1, 3, 0.25], scale: 0.37 }],
    ['labels out of range (no class picked: clipped to ε)', [0, 3, -1, 1], 3, {}],
    ['probabilities that do not sum to 1', [1, 0, 2, 2, 1], 3, { raw: true, seed: 4 }],
    ['two classes', [1, 0, 0, 1, 1], 2, { seed: 5 }],
  ])('gives autodiff\'s bits for %s, in one kernel', async (_label, labels, classes, options) => {
    const fused = await lossAndGradient(labels, classes, options);
    const autodiff = await withoutKernel(() => lossAndGradient(labels, classes, options));
    expect(fused.kernels.has(CLASS_CROSS_ENTROPY_GRAD)).toBe(true);
    expect(autodiff.kernels.has(CLASS_CROSS_ENTROPY_GRAD)).toBe(false);
    expect(fused.value).toEqual(autodiff.value);
    expect(fused.gradient).toEqual(autodiff.gradient);
  });

  it('gives autodiff\'s bits at probabilities clipped at both ends', async () => {
    const run = () =>
      tf.tidy(() => {
        const loss = createLoss(classification(['a', 'b', 'c']));
        const probabilities = tf.variable(tf.tensor2d([1, 0, 0, 0, 1, 0, 0.2, 0.3, 0.5], [3, 3]));
        const labels = tf.tensor1d([0, 0, 2], 'int32');
        const { value, grads } = tf.variableGrads(() => loss(labels, probabilities), [probabilities]);
        const result = [value.dataSync(), grads[probabilities.name]!.dataSync()];
        probabilities.dispose();
        return result;
      });
    expect(run()).toEqual(await withoutKernel(async () => run()));
  });

  it('frees what it allocates', () => {
    const plan = classification(['a', 'b', 'c']);
    const logits = tf.variable(tf.tensor2d(unit(12, 2), [4, 3]));
    const labels = tf.tensor1d([0, 1, 2, 1], 'int32');
    const before = tf.memory().numTensors;
    const { value, grads } = tf.variableGrads(() => createLoss(plan)(labels, tf.softmax(logits)), [logits]);
    tf.dispose([value, grads]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([logits, labels]);
  });
});

describe('countCorrect', () => {
  it('counts rows whose largest probability is the true class, for a softmax head', () => {
    const probabilities = tf.tensor2d([
      [0.7, 0.2, 0.1],
      [0.1, 0.1, 0.8],
      [0.3, 0.4, 0.3],
    ]);
    const labels = tf.tensor1d([0, 1, 1], 'int32');
    const correct = countCorrect(classification(['a', 'b', 'c']), labels, probabilities);
    expect(correct.dtype).toBe('float32');
    expect(correct.shape).toEqual([]);
    expect(correct.dataSync()[0]).toBe(2);
    tf.dispose([correct, labels, probabilities]);
  });

  it('counts p ≥ 0.5 as class 1 for a sigmoid head, with int or float labels', () => {
    const probabilities = () => tf.tensor2d([[0.5], [0.49], [0.9], [0.1]]);
    expect(correctOf(classification(['no', 'yes']), tf.tensor1d([1, 0, 0, 0], 'int32'), probabilities())).toBe(3);
    expect(correctOf(implicitRecommender(), tf.tensor1d([1, 1, 1, 0]), probabilities())).toBe(3);
  });

  it('refuses a regression plan', () => {
    expect(() => correctOf(regression('mse'), tf.tensor1d([1]), tf.tensor2d([[1]]))).toThrow(/classifiers only/);
  });
});
