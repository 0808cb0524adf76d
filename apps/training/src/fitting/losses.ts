import * as tf from '@tensorflow/tfjs';
import type { TrainingPlan } from '@aiaas/model-spec';
import { CLASS_CROSS_ENTROPY_GRAD } from '@aiaas/models';

/**
 * A batch's loss: `labels` [batch] (int32 class indexes, or float32 values or 0/1
 * interactions), `predictions` the model output [batch, units], `sampleWeights` [batch].
 */
export type LossFunction = (labels: tf.Tensor, predictions: tf.Tensor, sampleWeights?: tf.Tensor) => tf.Scalar;

/** Keras's fuzz factor: probabilities are clipped to [EPSILON, 1 - EPSILON] before a log. */
const EPSILON = 1e-7;

type PerSampleLoss = (labels: tf.Tensor, predictions: tf.Tensor) => tf.Tensor;

/** Labels [batch] as a float32 column [batch, 1], to meet single-unit predictions. */
const valueColumn = (labels: tf.Tensor) => tf.reshape(tf.cast(labels, 'float32'), [-1, 1]);

/** Elementwise errors [batch, units] averaged over the units, Keras-style, to [batch]. */
const perSample =
  (elementwise: (targets: tf.Tensor, predictions: tf.Tensor) => tf.Tensor): PerSampleLoss =>
  (labels, predictions) =>
    tf.mean(elementwise(valueColumn(labels), predictions), -1);

const squaredError = perSample((targets, predictions) => tf.squaredDifference(targets, predictions));

const absoluteError = perSample((targets, predictions) => tf.abs(tf.sub(targets, predictions)));

/** Quadratic within `delta` of the target, linear beyond, written without a branch. */
const huberError = (delta: number) =>
  perSample((targets, predictions) => {
    const error = tf.abs(tf.sub(targets, predictions));
    const quadratic = tf.minimum(error, delta);
    return tf.add(tf.mul(0.5, tf.square(quadratic)), tf.mul(delta, tf.sub(error, quadratic)));
  });

const binaryCrossEntropy = perSample((targets, predictions) => {
  const probabilities = tf.clipByValue(predictions, EPSILON, 1 - EPSILON);
  const positive = tf.mul(targets, tf.log(probabilities));
  const negative = tf.mul(tf.sub(1, targets), tf.log(tf.sub(1, probabilities)));
  return tf.neg(tf.add(positive, negative));
});

/**
 * −log of the probability given to each row's class. The categorical and the sparse
 * categorical cross-entropy are this same value (one from one-hot labels, one from indexes);
 * labels arrive as indexes for both, and the one-hot product picks the class's probability
 * without tf.gather, whose gradient wasm lacks a kernel for. Probabilities are renormalised and
 * clipped as Keras does.
 */
const classCrossEntropy: PerSampleLoss = (labels, predictions) => {
  const classes = predictions.shape[predictions.rank - 1]!;
  const normalised = tf.div(predictions, tf.sum(predictions, -1, true));
  const picked = tf.sum(tf.mul(tf.oneHot(tf.cast(tf.reshape(labels, [-1]), 'int32'), classes), normalised), -1);
  return tf.neg(tf.log(tf.clipByValue(picked, EPSILON, 1 - EPSILON)));
};

function perSampleLossOf(plan: TrainingPlan): PerSampleLoss {
  switch (plan.loss) {
    case 'mse':
      return squaredError;
    case 'mae':
      return absoluteError;
    case 'huber':
      return huberError(plan.spec.huberDelta);
    case 'binary-crossentropy':
      return binaryCrossEntropy;
    case 'categorical-crossentropy':
    case 'sparse-categorical-crossentropy':
      return classCrossEntropy;
  }
}

/** The per-sample losses, times the sample weights when given, averaged over the batch. */
const meanLossOf =
  (lossOf: PerSampleLoss): LossFunction =>
  (labels, predictions, sampleWeights) =>
    tf.tidy(() => {
      const losses = lossOf(labels, predictions);
      const weighted = sampleWeights ? tf.mul(losses, tf.reshape(tf.cast(sampleWeights, 'float32'), [-1])) : losses;
      return tf.mean(weighted);
    });

/**
 * Whether the class cross-entropy of this batch can take its gradient from the one-kernel
 * `CLASS_CROSS_ENTROPY_GRAD`: the active backend has it (wasm with the platform's kernels),
 * and the tensors are of the kinds it takes.
 */
function fusedGradientApplies(labels: tf.Tensor, predictions: tf.Tensor, sampleWeights: tf.Tensor | undefined): boolean {
  return (
    labels.dtype === 'int32' &&
    predictions.rank === 2 &&
    predictions.dtype === 'float32' &&
    (sampleWeights === undefined || sampleWeights.dtype === 'float32') &&
    tf.getKernel(CLASS_CROSS_ENTROPY_GRAD, tf.getBackend()) !== undefined
  );
}

/**
 * `meanLoss` (the class cross-entropy) computed by the same kernels, but recorded for autodiff
 * as one operation whose gradient is one kernel, `CLASS_CROSS_ENTROPY_GRAD`, which gives the
 * same bits as autodiff through the ~35 kernels it replaces (and the ~10 tensors it saves).
 */
function withFusedGradient(meanLoss: LossFunction, labels: tf.Tensor, predictions: tf.Tensor, sampleWeights: tf.Tensor | undefined): tf.Scalar {
  const loss = tf.customGrad((input: tf.Tensor | tf.GradSaveFunc, save: tf.Tensor | tf.GradSaveFunc) => {
    const probabilities = input as tf.Tensor;
    // Saved, because autodiff frees what the loss's caller made before it runs gradients.
    (save as tf.GradSaveFunc)(sampleWeights ? [probabilities, labels, sampleWeights] : [probabilities, labels]);
    return {
      value: meanLoss(labels, probabilities, sampleWeights),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [savedPredictions, savedLabels, savedWeights] = saved;
        const inputs: tf.NamedTensorMap = { dy, predictions: savedPredictions!, labels: savedLabels!, ...(savedWeights ? { weights: savedWeights } : {}) };
        return tf.engine().runKernel(CLASS_CROSS_ENTROPY_GRAD, inputs, { epsilon: EPSILON }) as tf.Tensor;
      },
    };
  });
  return loss(predictions) as tf.Scalar;
}

/**
 * The plan's loss as a function of a batch: the per-sample loss, times the sample weights when
 * given, averaged over the batch (Keras's sum(w·l) / batch, so weights scale the loss rather
 * than being normalised away). Binary cross-entropy expects the sigmoid head's probabilities.
 * Intermediates are freed; the model's weight penalties (`model.calculateLosses()`) are not
 * included. The class cross-entropy takes its gradient from one kernel where the backend has
 * it (see `withFusedGradient`), with the same results.
 */
export function createLoss(plan: TrainingPlan): LossFunction {
  const lossOf = perSampleLossOf(plan);
  const meanLoss = meanLossOf(lossOf);
  if (lossOf !== classCrossEntropy) return meanLoss;
  const classLoss: LossFunction = (labels, predictions, sampleWeights) =>
    fusedGradientApplies(labels, predictions, sampleWeights) ? withFusedGradient(meanLoss, labels, predictions, sampleWeights) : meanLoss(labels, predictions, sampleWeights);
  return plan.head.kind === 'token-softmax' ? tokenSequenceLoss(classLoss) : classLoss;
}

/**
 * The loss of a seq2seq batch, `labels` [batch × length] token ids and `predictions` [batch,
 * length, classes]: each row's mean class cross-entropy over its non-padding steps (the end token
 * included), averaged over the rows. It is computed as the class cross-entropy of the
 * batch × length steps taken as rows, step t of row b weighted by mask × length / (b's
 * non-padding steps), so it takes the same fused gradient.
 */
function tokenSequenceLoss(classLoss: LossFunction): LossFunction {
  return (labels, predictions, sampleWeights) => {
    if (sampleWeights !== undefined) throw new Error('a seq2seq loss takes no sample weights');
    const [rows, length, classes] = predictions.shape as [number, number, number];
    return tf.tidy(() => {
      const tokens = tf.cast(tf.reshape(labels, [rows, length]), 'int32');
      const mask = tf.cast(tf.notEqual(tokens, 0), 'float32');
      const steps = tf.maximum(tf.sum(mask, -1, true), 1);
      const weights = tf.reshape(tf.div(tf.mul(mask, length), steps), [-1]);
      return classLoss(tf.reshape(tokens, [-1]), tf.reshape(predictions, [rows * length, classes]), weights);
    });
  };
}

/**
 * How many rows of the batch the model gets right, as a float32 scalar that stays on the
 * backend (summing these over an epoch needs one read at its end, not one per batch): the
 * largest probability for a softmax head, p ≥ 0.5 against a 0/1 label for a sigmoid head, and
 * for a seq2seq model each row's share of target steps whose largest probability is the true
 * token (teacher-forced token accuracy).
 * Undefined for regression (a linear head), where it throws.
 */
export function countCorrect(plan: TrainingPlan, labels: tf.Tensor, predictions: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const truth = tf.reshape(labels, [-1]);
    switch (plan.head.kind) {
      case 'token-softmax': {
        // Each row counts as its share of non-padding steps predicted right.
        const tokens = tf.cast(tf.reshape(labels, [-1, plan.head.length]), 'int32');
        const mask = tf.cast(tf.notEqual(tokens, 0), 'float32');
        const hits = tf.mul(tf.cast(tf.equal(tf.argMax(predictions, -1), tokens), 'float32'), mask);
        return tf.sum(tf.div(tf.sum(hits, -1), tf.maximum(tf.sum(mask, -1), 1)));
      }
      case 'softmax':
        return tf.sum(tf.cast(tf.equal(tf.argMax(predictions, -1), tf.cast(truth, 'int32')), 'float32'));
      case 'sigmoid': {
        const predicted = tf.cast(tf.greaterEqual(tf.reshape(predictions, [-1]), 0.5), 'int32');
        return tf.sum(tf.cast(tf.equal(predicted, tf.cast(tf.greaterEqual(truth, 0.5), 'int32')), 'float32'));
      }
      case 'linear':
        throw new Error('correct predictions are counted for classifiers only; this plan regresses a value');
    }
  });
}
