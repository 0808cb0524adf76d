import * as tf from '@tensorflow/tfjs';
import type { ModelHead, ModelInput, TrainingPlan } from '@aiaas/model-spec';
import { applyLayer } from './apply-layer';
import { applyHiddenLayers } from './hidden-layers';
import { inputLayerNames } from './input-layer-names';
import { recommenderScore, type RecommenderSide } from './recommender-score';
import { SeedSequence } from './seed-sequence';
import { wireSeq2seq } from './seq2seq';
import { encodeSequence } from './sequence-encoder';

/** How `buildModel` shapes the model beyond what the plan says. */
export interface BuildModelOptions {
  /**
   * Mean and standard deviation of a regression target. When given, the network learns the
   * standardised target and a fixed last layer turns its output back into target units
   * (output × std + mean), so predictions need no post-processing. Linear heads only.
   */
  readonly targetScale?: { readonly mean: number; readonly std: number };
}

/** The model's inputs, paired with what the plan says about each. */
interface WiredInput {
  readonly input: ModelInput;
  readonly tensor: tf.SymbolicTensor;
}

function headLayer(head: ModelHead, seeds: SeedSequence): tf.layers.Layer {
  const kernelInitializer = tf.initializers.glorotUniform({ seed: seeds.next() });
  switch (head.kind) {
    case 'softmax':
      return tf.layers.dense({ name: 'head', units: head.classes, activation: 'softmax', kernelInitializer });
    case 'sigmoid':
      return tf.layers.dense({ name: 'head', units: 1, activation: 'sigmoid', kernelInitializer });
    case 'linear':
      return tf.layers.dense({ name: 'head', units: 1, kernelInitializer });
    case 'token-softmax':
      throw new Error('a token-softmax head belongs to a seq2seq model, which wires its own');
  }
}

/** A recommender's head works on its score directly: a sigmoid for interactions, else the score. */
function scoreHead(score: tf.SymbolicTensor, head: ModelHead): tf.SymbolicTensor {
  switch (head.kind) {
    case 'sigmoid':
      return applyLayer(tf.layers.activation({ name: 'head', activation: 'sigmoid' }), score);
    case 'linear':
      return score;
    case 'softmax':
    case 'token-softmax':
      throw new Error(`a recommender scores one value per row; it has no ${head.kind} head`);
  }
}

function scaleToTarget(output: tf.SymbolicTensor, head: ModelHead, targetScale: BuildModelOptions['targetScale']): tf.SymbolicTensor {
  if (targetScale === undefined) return output;
  if (head.kind !== 'linear') throw new Error(`targetScale applies to a linear head, not a ${head.kind} one`);
  const { mean, std } = targetScale;
  if (!Number.isFinite(mean) || !Number.isFinite(std) || std <= 0) throw new RangeError(`targetScale needs a finite mean and a positive std, got mean ${mean}, std ${std}`);
  // Rescaling is a standard, weightless layer: nothing for the optimiser to move, and the
  // mean and std travel in the saved topology.
  return applyLayer(tf.layers.rescaling({ name: 'target_scale', scale: std, offset: mean }), output);
}

function find(inputs: readonly WiredInput[], predicate: (input: ModelInput) => boolean, description: string): WiredInput {
  const found = inputs.find(({ input }) => predicate(input));
  if (!found) throw new Error(`the plan has no ${description} input; it has ${inputs.map(({ input }) => `${input.name} (${input.dtype})`).join(', ') || 'none'}`);
  return found;
}

/** Everything between the inputs and the head's output, by model family. */
function wireFamily(plan: TrainingPlan, inputs: readonly WiredInput[], seeds: SeedSequence): tf.SymbolicTensor {
  const { model } = plan.spec;
  switch (model.family) {
    case 'mlp': {
      const features = find(inputs, (input) => input.dtype === 'float32', 'dense features');
      return applyLayer(headLayer(plan.head, seeds), applyHiddenLayers(features.tensor, model.hiddenLayers, seeds));
    }
    case 'text': {
      const tokens = find(inputs, (input) => input.dtype === 'int32', 'token sequence');
      const features = inputs.find(({ input }) => input.dtype === 'float32');
      const encoded = encodeSequence(tokens.tensor, tokens.input, model, seeds);
      const joined = features ? applyLayer(tf.layers.concatenate({ name: 'join_features' }), [encoded, features.tensor]) : encoded;
      return applyLayer(headLayer(plan.head, seeds), applyHiddenLayers(joined, model.hiddenLayers, seeds));
    }
    case 'recommender': {
      const side = (role: RecommenderSide['role'], column: string): RecommenderSide => {
        const { input, tensor } = find(inputs, (candidate) => candidate.name === column && candidate.dtype === 'int32', `${role} id "${column}"`);
        return { role, ids: tensor, input };
      };
      return scoreHead(recommenderScore(side('user', model.userColumn), side('item', model.itemColumn), model, seeds), plan.head);
    }
    case 'seq2seq': {
      if (inputs.length !== 2) throw new Error(`a seq2seq plan has the source and decoder inputs; this one has ${inputs.length}`);
      return wireSeq2seq(inputs[0]!, inputs[1]!, model, seeds);
    }
  }
}

/**
 * Builds the uncompiled functional model a training plan describes: one input per plan input,
 * in order (named after the data column, made a valid layer name), and one output
 * [batch, units] — class probabilities for a softmax head, else one unit — or, for a seq2seq
 * model, [batch, length, classes].
 *
 * - `mlp`: dense features → hidden layers → head.
 * - `text`: token ids → embedding → encoder (pooling, conv1d or rnn) → joined with the dense
 *   features when the plan has them → hidden layers → head.
 * - `recommender`: user and item ids → dot product of their embeddings (matrix factorisation)
 *   or of their towers' outputs (two-tower) plus user, item and global biases → sigmoid for
 *   implicit feedback, the score itself for explicit.
 * - `seq2seq`: source ids → GRU encoder; its final state starts a GRU decoder over the decoder
 *   tokens → token probabilities [batch, length, classes] (see `wireSeq2seq`, `GreedyDecoder`).
 *
 * Every random initialiser and dropout layer is seeded from `plan.spec.seed`, so the same plan
 * builds bit-identical initial weights. The model holds only standard TF.js layers and
 * `SeededDropout`, so it saves and loads with `saveModel`/`loadModel`. Weight penalties are in
 * `model.calculateLosses()`, for the training loop to add to the loss.
 */
export function buildModel(plan: TrainingPlan, options: BuildModelOptions = {}): tf.LayersModel {
  const seeds = new SeedSequence(plan.spec.seed);
  const names = inputLayerNames(plan.inputs.map((input) => input.name));
  const inputs = plan.inputs.map((input, index): WiredInput => ({
    input,
    tensor: tf.input({ name: names[index]!, shape: [input.width], dtype: input.dtype }),
  }));
  const output = scaleToTarget(wireFamily(plan, inputs, seeds), plan.head, options.targetScale);
  return tf.model({ name: `${plan.spec.model.family}_model`, inputs: inputs.map(({ tensor }) => tensor), outputs: output });
}
