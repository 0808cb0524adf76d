import type * as tf from '@tensorflow/tfjs';
import { InteractionSampler, TARGET_TOKENS, TargetSequenceCodec, type KnownPairs, type SequenceTarget, type SplitData } from '@aiaas/data';
import { FailedPreconditionError } from '@aiaas/errors';
import { DECODER_INPUT } from '@aiaas/model-spec';
import { GreedyDecoder, predictRows } from '@aiaas/models';
import type { ClassificationMetricsRecord, ModelVersionRecord, RegressionMetricsRecord, SequenceMetricsRecord } from '@aiaas/registry';
import { classificationMetrics } from './classification-metrics';
import { predictedClasses } from './predicted-classes';
import { NonFiniteValueError, regressionMetrics } from './regression-metrics';
import { SequenceMetricsAccumulator } from './sequence-metrics';
import { splitInputs } from './split-inputs';

/**
 * Added to the training seed for the negatives evaluation pairs with the test interactions:
 * apart from training's per-epoch draws and validation's (seed + 1_000_003), and the same on
 * every run, so re-evaluating a version gives the same metrics.
 */
export const EVALUATION_NEGATIVES_SEED_OFFSET = 2_000_003;

/** Class names of the pairs an implicit-feedback recommender is scored on, by label. */
export const INTERACTION_CLASSES = ['no interaction', 'interaction'] as const;

/** How a version did on its test split, by what its labels are. */
export type VersionScore =
  /** A classifier: its predicted classes against the test labels. */
  | { readonly labels: 'class-index'; readonly metrics: ClassificationMetricsRecord }
  /** A regressor (or explicit-feedback recommender): its predicted values against the targets. */
  | { readonly labels: 'value'; readonly metrics: RegressionMetricsRecord }
  /**
   * An implicit-feedback recommender: every test interaction and one sampled non-interaction
   * each, told apart at P(interaction) ≥ 0.5.
   */
  | { readonly labels: 'interaction'; readonly metrics: ClassificationMetricsRecord; readonly interactions: number }
  /** A seq2seq model: its greedy decoding of the test sources against the test targets. */
  | { readonly labels: 'token-sequence'; readonly metrics: SequenceMetricsRecord };

/** What scoring needs besides the test split, for some kinds of labels. */
export interface ScoringContext {
  /** The other splits, whose interactions sampled non-interactions must avoid (implicit feedback). */
  readonly otherSplits?: readonly SplitData[];
  /** The fitted target, to read token ids as words (seq2seq). */
  readonly sequenceTarget?: SequenceTarget;
}

const describe = (record: ModelVersionRecord) => `version ${record.version} of ${record.modelName}`;

/** The model's row-major outputs, checked to have the width the version's head promises. */
async function predict(model: tf.LayersModel, record: ModelVersionRecord, inputs: readonly (Float32Array | Int32Array)[], rows: number): Promise<Float32Array> {
  const units = record.head === 'softmax' ? record.classLabels.length : 1;
  const outputs = await predictRows(model, inputs, rows);
  if (outputs.length !== rows * units) {
    throw new FailedPreconditionError(
      `${describe(record)} has a ${record.head} head, which outputs ${units} value${units === 1 ? '' : 's'} per row, but its model outputs ${outputs.length / rows}; retrain it`,
    );
  }
  return outputs;
}

async function scoreClassifier(model: tf.LayersModel, record: ModelVersionRecord, test: SplitData): Promise<VersionScore> {
  if (record.head !== 'softmax' && record.head !== 'sigmoid') throw new FailedPreconditionError(`${describe(record)} has class labels but a ${record.head} head; retrain it`);
  if (!(test.labels instanceof Int32Array)) throw new FailedPreconditionError(`the test split of ${describe(record)} holds values, not class indexes; rerun the pipeline`);
  const outputs = await predict(model, record, splitInputs(record, test, 'test'), test.rows);
  const predicted = predictedClasses(outputs, record.head, record.classLabels.length);
  return { labels: 'class-index', metrics: classificationMetrics(test.labels, predicted, record.classLabels) };
}

async function scoreRegressor(model: tf.LayersModel, record: ModelVersionRecord, test: SplitData): Promise<VersionScore> {
  const predicted = await predict(model, record, splitInputs(record, test, 'test'), test.rows);
  try {
    return { labels: 'value', metrics: regressionMetrics(test.labels, predicted) };
  } catch (error) {
    if (!(error instanceof NonFiniteValueError)) throw error;
    const hint = error.source === 'prediction' ? 'the model has diverged; retrain it, with a lower learning rate' : 'rerun the pipeline';
    throw new FailedPreconditionError(`${describe(record)} cannot be scored: the ${error.source} of test row ${error.row} is ${error.value}; ${hint}`, { cause: error });
  }
}

async function scoreInteractions(model: tf.LayersModel, record: ModelVersionRecord, test: SplitData, otherSplits: readonly SplitData[]): Promise<VersionScore> {
  const itemInput = record.inputs[1];
  const [users, items] = splitInputs(record, test, 'test');
  if (record.inputs.length !== 2 || !(users instanceof Int32Array) || !(items instanceof Int32Array) || itemInput?.cardinality === undefined) {
    throw new FailedPreconditionError(
      `${describe(record)} learned interactions, which needs exactly a user and an item id input (int32, with a cardinality); it has ${record.inputs.map((input) => `"${input.name}" (${input.dtype})`).join(', ')}`,
    );
  }
  const known = otherSplits.filter((split) => split.rows > 0).map((split): KnownPairs => {
    const [knownUsers, knownItems] = splitInputs(record, split, 'train');
    return { users: knownUsers as Int32Array, items: knownItems as Int32Array };
  });
  const sampler = new InteractionSampler(users, items, test.labels, itemInput.cardinality, 1, record.training.seed + EVALUATION_NEGATIVES_SEED_OFFSET, known);
  if (sampler.positives === 0) {
    throw new FailedPreconditionError(
      `the test split of ${describe(record)} has no interactions (none of its ${test.rows} rows has ${record.targetColumn} above 0) to evaluate on; rerun the pipeline with a larger test fraction`,
    );
  }
  const pairs = sampler.draw(0);
  const rows = pairs.users.length;
  const probabilities = await predict(model, record, [pairs.users, pairs.items], rows);
  const truth = Int32Array.from(pairs.labels);
  const predicted = predictedClasses(probabilities, 'sigmoid', INTERACTION_CLASSES.length);
  return { labels: 'interaction', metrics: classificationMetrics(truth, predicted, INTERACTION_CLASSES), interactions: sampler.positives };
}

const wordsOf = (text: string) => (text === '' ? [] : text.split(' '));

/**
 * Decodes every test source greedily, as serving does, and compares the words with the test
 * targets' (read back from their label ids, so words outside the target vocabulary are `<unk>`
 * on both sides).
 */
async function scoreSequences(model: tf.LayersModel, record: ModelVersionRecord, test: SplitData, target: SequenceTarget | undefined): Promise<VersionScore> {
  if (target === undefined) throw new FailedPreconditionError(`${describe(record)} predicts token sequences, but its transform has no sequence target; rerun the pipeline`);
  const [source] = splitInputs(record, test, 'test', record.inputs.filter((input) => input.name !== DECODER_INPUT));
  if (!(source instanceof Int32Array)) throw new FailedPreconditionError(`${describe(record)} reads a token sequence, but its test split holds numbers there; rerun the pipeline`);
  const decoder = new GreedyDecoder(model, TARGET_TOKENS);
  const length = target.sequenceLength;
  if (decoder.maxLength !== length) {
    throw new FailedPreconditionError(`${describe(record)} decodes ${decoder.maxLength} tokens per row, but its transform's target has ${length}; retrain it`);
  }
  const decoded = await decoder.decode(source, test.rows);
  if (test.labels.length !== test.rows * length) throw new FailedPreconditionError(`the test split of ${describe(record)} holds ${test.labels.length} label ids for ${test.rows} rows of ${length}; rerun the pipeline`);
  const codec = new TargetSequenceCodec(target);
  const accumulator = new SequenceMetricsAccumulator();
  for (let row = 0; row < test.rows; row++) {
    const hypothesis = codec.decode(decoded.subarray(row * decoder.maxLength, (row + 1) * decoder.maxLength));
    accumulator.add(wordsOf(hypothesis), wordsOf(codec.decode(test.labels.subarray(row * length, (row + 1) * length))));
  }
  const { bleu, exactMatch, tokenAccuracy } = accumulator.result();
  return { labels: 'token-sequence', metrics: { bleu, exactMatch, tokenAccuracy, testRows: test.rows } };
}

/**
 * Scores a version's model on its test split: feeds the model the inputs the version record
 * names, from the split's tensors, and compares its outputs with the test labels as the
 * record's `labels` says — classes, values, interactions against seeded sampled
 * non-interactions (never pairs found in `context.otherSplits`), or greedily decoded token
 * sequences. Throws FailedPreconditionError when the split cannot score this version.
 */
export async function scoreVersion(model: tf.LayersModel, record: ModelVersionRecord, test: SplitData, context: ScoringContext = {}): Promise<VersionScore> {
  if (test.rows === 0) throw new FailedPreconditionError(`the test split of ${describe(record)} is empty, so it cannot be evaluated; rerun the pipeline with a larger test fraction`);
  switch (record.labels) {
    case 'class-index':
      return scoreClassifier(model, record, test);
    case 'value':
      return scoreRegressor(model, record, test);
    case 'interaction':
      return scoreInteractions(model, record, test, context.otherSplits ?? []);
    case 'token-sequence':
      return scoreSequences(model, record, test, context.sequenceTarget);
  }
}
