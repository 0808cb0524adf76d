import { InvalidArgumentError } from '@aiaas/errors';
import type { LossName, TrainingSpec } from './training-spec';

/** What preprocessing produced, as far as building a model is concerned. */
export interface TrainingData {
  readonly task: 'classification' | 'regression' | 'sequence';
  /**
   * Class labels in index order; empty for regression. Undefined before preprocessing has run
   * (at the gateway): checks that need the labels are then left to training.
   */
  readonly classLabels: readonly string[] | undefined;
  readonly outputs: readonly DataOutput[];
  /** Whether the model will see validation rows (from preprocessing or held out in training). */
  readonly hasValidation: boolean;
  /** Length and token count of a sequence target; undefined for other tasks, and before preprocessing has run. */
  readonly targetSequence?: TargetSequence;
}

/** A token-sequence target: `length` token ids per row, each in 0..cardinality-1 (0 is padding). */
export interface TargetSequence {
  readonly length: number;
  readonly cardinality: number;
}

/**
 * The seq2seq model's second input: the target's tokens shifted one step right behind the start
 * token (teacher forcing). Training derives it from the labels; it is no transform output.
 */
export const DECODER_INPUT = 'decoder_tokens';

/** One per-row tensor of the transform, with what it holds. */
export type DataOutput =
  | { readonly kind: 'dense'; readonly name: string; readonly width: number }
  /** Token ids 0..cardinality-1 (0 is padding). */
  | { readonly kind: 'sequence'; readonly name: string; readonly width: number; readonly cardinality: number }
  /** One index 0..cardinality-1 per row (0 is unknown), of a categorical or id column. */
  | { readonly kind: 'index'; readonly name: string; readonly width: 1; readonly cardinality: number };

/** How the last layer turns activations into predictions. */
export type ModelHead =
  /** Class probabilities over `classes` units. */
  | { readonly kind: 'softmax'; readonly classes: number }
  /** One unit: the probability of class 1 of two (or of an interaction, for implicit feedback). */
  | { readonly kind: 'sigmoid' }
  /** One unit: the predicted value. */
  | { readonly kind: 'linear' }
  /** Token probabilities over `classes` tokens at each of `length` steps: [batch, length, classes]. */
  | { readonly kind: 'token-softmax'; readonly classes: number; readonly length: number };

/** What the labels of the training rows are; `token-sequence` labels are `length` token ids per row. */
export type LabelKind = 'class-index' | 'value' | 'interaction' | 'token-sequence';

/** What an output holds, without its sizes: enough to check that a family can be built on it. */
export interface OutputKind {
  readonly kind: DataOutput['kind'];
  readonly name: string;
}

/** What preprocessing will produce, before it has run: the outputs' kinds, not their sizes. */
export interface TrainingDataShape extends Omit<TrainingData, 'outputs'> {
  readonly outputs: readonly OutputKind[];
}

/** A model input, in the order the model takes them: a transform output by name. */
export interface ModelInput {
  readonly name: string;
  readonly dtype: 'float32' | 'int32';
  readonly width: number;
  /** Embedding table size, for int32 inputs. */
  readonly cardinality?: number;
}

/** A spec checked against the data and resolved into what the builders and the trainer need. */
export interface TrainingPlan {
  readonly spec: TrainingSpec;
  readonly inputs: readonly ModelInput[];
  readonly head: ModelHead;
  readonly loss: Exclude<LossName, 'auto'>;
  readonly labels: LabelKind;
  /** Per-class weights in class order, or undefined when every class weighs 1. */
  readonly classWeights: readonly number[] | undefined;
}

type Problem = readonly [field: string, message: string];

const CLASSIFICATION_LOSSES = ['binary-crossentropy', 'categorical-crossentropy', 'sparse-categorical-crossentropy'] as const;
const REGRESSION_LOSSES = ['mse', 'mae', 'huber'] as const;
const includes = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

function describeOutputs(outputs: readonly OutputKind[]): string {
  return outputs.length === 0 ? 'none' : outputs.map((output) => `${output.name} (${output.kind})`).join(', ');
}

/** The outputs each family takes, in the model's input order, or the problems that stop it from being built on them. */
function selectInputs<O extends OutputKind>(spec: TrainingSpec, data: { readonly outputs: readonly O[] }, problems: Problem[]): O[] {
  const dense = data.outputs.find((output) => output.kind === 'dense');
  const unused = (used: readonly string[]) => {
    const rest = data.outputs.filter((output) => !used.includes(output.name));
    if (rest.length > 0) {
      problems.push([
        'training.model',
        `the ${spec.model.family} model cannot use ${describeOutputs(rest)}; encode those columns densely (one-hot, tf-idf), exclude them, or pick a family that takes them`,
      ]);
    }
  };
  switch (spec.model.family) {
    case 'mlp': {
      if (!dense) {
        problems.push(['training.model', `an MLP needs dense features, and preprocessing produced only ${describeOutputs(data.outputs)}`]);
        return [];
      }
      unused([dense.name]);
      return [dense];
    }
    case 'seq2seq':
    case 'text': {
      const sequences = data.outputs.filter((output) => output.kind === 'sequence');
      const wanted = spec.model.family === 'text' ? spec.model.sequenceInput : spec.model.sourceInput;
      const inputField = spec.model.family === 'text' ? 'training.text.sequence_input' : 'training.seq2seq.source_input';
      const sequence = wanted === undefined ? (sequences.length === 1 ? sequences[0] : undefined) : sequences.find((output) => output.name === wanted);
      if (!sequence) {
        const field = wanted === undefined ? 'training.model' : inputField;
        const reason =
          wanted === undefined && sequences.length > 1
            ? `there are ${sequences.length} token sequences (${sequences.map((output) => output.name).join(', ')}); name one in ${inputField.split('.').pop()}`
            : `a ${spec.model.family} model needs a text column encoded as token sequences${wanted === undefined ? '' : ` named "${wanted}"`}; preprocessing produced ${describeOutputs(data.outputs)}`;
        problems.push([field, reason]);
        return [];
      }
      if (spec.model.family === 'seq2seq') {
        if (sequence.name === DECODER_INPUT) problems.push([inputField, `"${DECODER_INPUT}" is the name of the decoder's own input; rename the source column`]);
        unused([sequence.name]);
        return [sequence];
      }
      unused(dense ? [sequence.name, dense.name] : [sequence.name]);
      return dense ? [sequence, dense] : [sequence];
    }
    case 'recommender': {
      const { userColumn, itemColumn } = spec.model;
      const find = (name: string, field: string) => {
        const output = data.outputs.find((candidate) => candidate.name === name);
        if (output?.kind !== 'index') {
          problems.push([field, `"${name}" must be an id (or categorical) column encoded as an index; preprocessing produced ${describeOutputs(data.outputs)}`]);
          return undefined;
        }
        return output;
      };
      const user = find(userColumn, 'training.recommender.user_column');
      const item = find(itemColumn, 'training.recommender.item_column');
      if (userColumn === itemColumn) problems.push(['training.recommender.item_column', 'must differ from user_column']);
      if (!user || !item) return [];
      unused([user.name, item.name]);
      return [user, item];
    }
  }
}

/** A seq2seq model learns the next token at every step with the sparse categorical cross-entropy over its non-padding steps. */
function sequenceHeadAndLoss(spec: TrainingSpec, data: TrainingFacts, problems: Problem[]): Pick<TrainingPlan, 'head' | 'loss' | 'labels'> {
  if (spec.model.family !== 'seq2seq') {
    problems.push(['training.model', `the target is a token sequence, which only the seq2seq family predicts; the ${spec.model.family} family predicts one class or value per row`]);
  } else if (data.task !== 'sequence') {
    problems.push(['target_column', `a seq2seq model predicts a token sequence; the target here is ${data.task === 'regression' ? 'a number' : 'a class'}: preprocess it as a sequence target`]);
  }
  if (spec.loss !== 'auto' && spec.loss !== 'sparse-categorical-crossentropy') {
    problems.push(['training.loss', `a seq2seq model learns with sparse-categorical-crossentropy over its tokens, not ${spec.loss}`]);
  }
  // The sizes are unknown only for checkTrainingSpec, which does not return the head.
  const target = data.targetSequence ?? { length: 0, cardinality: 0 };
  return { head: { kind: 'token-softmax', classes: target.cardinality, length: target.length }, loss: 'sparse-categorical-crossentropy', labels: 'token-sequence' };
}

function headAndLoss(spec: TrainingSpec, data: TrainingFacts, problems: Problem[]): Pick<TrainingPlan, 'head' | 'loss' | 'labels'> {
  if (data.task === 'sequence' || spec.model.family === 'seq2seq') return sequenceHeadAndLoss(spec, data, problems);
  const wantsInteractions = spec.model.family === 'recommender' && spec.model.feedback.kind === 'implicit';
  if (wantsInteractions) {
    if (spec.loss !== 'auto' && spec.loss !== 'binary-crossentropy') {
      problems.push(['training.loss', `implicit feedback learns interaction probabilities with binary-crossentropy, not ${spec.loss}`]);
    }
    if (data.task !== 'regression') problems.push(['target_column', 'implicit feedback needs a numeric target (rows with a value above 0 are interactions)']);
    return { head: { kind: 'sigmoid' }, loss: 'binary-crossentropy', labels: 'interaction' };
  }
  if (data.task === 'regression') {
    if (spec.loss !== 'auto' && !includes(REGRESSION_LOSSES, spec.loss)) {
      problems.push(['training.loss', `${spec.loss} is a classification loss; the target is numeric, so use mse, mae or huber`]);
    }
    return { head: { kind: 'linear' }, loss: includes(REGRESSION_LOSSES, spec.loss) ? spec.loss : 'mse', labels: 'value' };
  }
  if (spec.model.family === 'recommender') problems.push(['training.recommender.implicit', 'explicit feedback regresses a numeric rating; the target here is a class']);
  const classes = data.classLabels?.length;
  if (spec.loss !== 'auto' && !includes(CLASSIFICATION_LOSSES, spec.loss)) {
    problems.push(['training.loss', `${spec.loss} is a regression loss; the target is a class, so use a cross-entropy`]);
  }
  const binary = spec.loss === 'binary-crossentropy' || (spec.loss === 'auto' && classes === 2);
  if (binary) {
    if (classes !== undefined && classes !== 2) problems.push(['training.loss', `binary-crossentropy needs exactly two classes; the target has ${classes}`]);
    return { head: { kind: 'sigmoid' }, loss: 'binary-crossentropy', labels: 'class-index' };
  }
  const loss = spec.loss === 'categorical-crossentropy' ? 'categorical-crossentropy' : 'sparse-categorical-crossentropy';
  // Classes are unknown only for checkTrainingSpec, which does not return the head.
  return { head: { kind: 'softmax', classes: classes ?? 0 }, loss, labels: 'class-index' };
}

function classWeightsOf(spec: TrainingSpec, data: TrainingFacts, problems: Problem[]): number[] | undefined {
  const weights = spec.classWeights;
  if (weights.kind === 'none') return undefined;
  if (data.task !== 'classification' || spec.model.family === 'recommender') {
    problems.push(['training.class_weights', 'apply to classification targets only']);
    return undefined;
  }
  if (weights.kind === 'balanced') return undefined; // resolved from the training labels by the trainer
  const labels = data.classLabels;
  if (labels === undefined) return undefined;
  const unknown = Object.keys(weights.weights).filter((label) => !labels.includes(label));
  if (unknown.length > 0) {
    problems.push(['training.class_weights', `names ${unknown.map((label) => `"${label}"`).join(', ')}, which ${unknown.length === 1 ? 'is not a class' : 'are not classes'}; the classes are ${labels.join(', ')}`]);
  }
  return labels.map((label) => weights.weights[label] ?? 1);
}

function checkEarlyStopping(spec: TrainingSpec, data: TrainingFacts, labels: LabelKind, problems: Problem[]): void {
  const monitor = spec.earlyStopping?.monitor;
  if (monitor === undefined) return;
  if (monitor.startsWith('val_') && !data.hasValidation) {
    problems.push(['training.early_stopping.monitor', `${monitor} needs validation rows; set a validation fraction, or monitor loss`]);
  }
  if (monitor.endsWith('accuracy') && labels !== 'class-index' && labels !== 'token-sequence') {
    problems.push(['training.early_stopping.monitor', `${monitor} is measured for classifiers and sequence models only; monitor a loss`]);
  }
}

/** What the checks need besides the outputs: task, classes and validation. */
type TrainingFacts = Omit<TrainingData, 'outputs'>;

function modelInputOf(output: DataOutput): ModelInput {
  return output.kind === 'dense'
    ? { name: output.name, dtype: 'float32', width: output.width }
    : { name: output.name, dtype: 'int32', width: output.width, cardinality: output.cardinality };
}

/** Runs every check of a spec against the data; throws one InvalidArgumentError naming every problem. */
function resolveSpec<O extends OutputKind>(spec: TrainingSpec, data: TrainingFacts & { readonly outputs: readonly O[] }) {
  const problems: Problem[] = [];
  const selected = selectInputs(spec, data, problems);
  const resolved = headAndLoss(spec, data, problems);
  const classWeights = classWeightsOf(spec, data, problems);
  checkEarlyStopping(spec, data, resolved.labels, problems);
  if (data.task === 'classification' && data.classLabels !== undefined && data.classLabels.length < 2 && resolved.labels === 'class-index') {
    problems.push(['target_column', `has ${data.classLabels.length} class in the training split; a classifier needs at least two`]);
  }
  if (problems.length > 0) {
    const [field, message] = problems[0]!;
    const rest = problems.slice(1).map(([other, reason]) => `; also ${other}: ${reason}`);
    throw new InvalidArgumentError(field, message + rest.join(''));
  }
  return { selected, ...resolved, classWeights };
}

/**
 * Checks a training spec against what preprocessing will produce, before it has run (the
 * outputs' kinds, not their sizes), as the gateway does at the door; returns the loss and the
 * kind of labels training will use. Problems are reported as `planTraining` reports them.
 */
export function checkTrainingSpec(spec: TrainingSpec, data: TrainingDataShape): Pick<TrainingPlan, 'loss' | 'labels'> {
  const { loss, labels } = resolveSpec(spec, data);
  return { loss, labels };
}

/**
 * Checks a training spec against what preprocessing produced and resolves it: the model's
 * inputs, its head, the concrete loss and the label kind. Every problem found is reported at
 * once, each naming the request field to change.
 */
export function planTraining(spec: TrainingSpec, data: TrainingData): TrainingPlan {
  const { selected, head, loss, labels, classWeights } = resolveSpec(spec, data);
  const inputs = selected.map(modelInputOf);
  if (head.kind === 'token-softmax') {
    if (data.targetSequence === undefined) throw new Error('a sequence target needs its length and cardinality to plan a seq2seq model');
    inputs.push({ name: DECODER_INPUT, dtype: 'int32', width: head.length, cardinality: head.classes });
  }
  return { spec, inputs, head, loss, labels, classWeights };
}
