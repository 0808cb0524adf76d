import { InvalidArgumentError } from '@aiaas/errors';
import { learningRateAt } from './learning-rate-schedule';
import { checkTrainingSpec, DECODER_INPUT, planTraining, type DataOutput, type TrainingData } from './training-plan';
import { trainingSpecSchema, type TrainingSpecInput } from './training-spec';

const features: DataOutput = { kind: 'dense', name: 'features', width: 9 };
const body: DataOutput = { kind: 'sequence', name: 'body', width: 64, cardinality: 5_002 };
const user: DataOutput = { kind: 'index', name: 'user', width: 1, cardinality: 944 };
const item: DataOutput = { kind: 'index', name: 'item', width: 1, cardinality: 1_683 };

const classification = (classLabels: string[], outputs: DataOutput[] = [features]): TrainingData => ({ task: 'classification', classLabels, outputs, hasValidation: true });
const regression = (outputs: DataOutput[] = [features]): TrainingData => ({ task: 'regression', classLabels: [], outputs, hasValidation: true });
const plan = (input: TrainingSpecInput, data: TrainingData) => planTraining(trainingSpecSchema.parse(input), data);

function problemOf(run: () => unknown): InvalidArgumentError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
}

describe('trainingSpecSchema', () => {
  it('fills every default so an empty spec is an MLP fitted with Adam', () => {
    const spec = trainingSpecSchema.parse({});
    expect(spec.model).toEqual({ family: 'mlp', hiddenLayers: [expect.objectContaining({ units: 32 }), expect.objectContaining({ units: 16 })] });
    expect(spec).toMatchObject({ loss: 'auto', optimizer: { kind: 'adam' }, learningRate: 0.01, epochs: 40, batchSize: 32, seed: 42, classWeights: { kind: 'none' } });
    expect(spec.earlyStopping).toBeUndefined();
  });

  it('rejects a dropout of 1 and names the field', () => {
    const result = trainingSpecSchema.safeParse({ model: { family: 'mlp', hiddenLayers: [{ units: 4, dropout: 1 }] } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['model', 'hiddenLayers', 0, 'dropout']);
  });
});

describe('planTraining', () => {
  it('gives a multi-class MLP a softmax head and sparse cross-entropy', () => {
    const resolved = plan({}, classification(['a', 'b', 'c']));
    expect(resolved).toMatchObject({ head: { kind: 'softmax', classes: 3 }, loss: 'sparse-categorical-crossentropy', labels: 'class-index' });
    expect(resolved.inputs).toEqual([{ name: 'features', dtype: 'float32', width: 9 }]);
  });

  it('gives a two-class problem a sigmoid head and binary cross-entropy', () => {
    expect(plan({}, classification(['ham', 'spam']))).toMatchObject({ head: { kind: 'sigmoid' }, loss: 'binary-crossentropy' });
  });

  it('keeps softmax for two classes when categorical cross-entropy is asked for', () => {
    expect(plan({ loss: 'categorical-crossentropy' }, classification(['ham', 'spam'])).head).toEqual({ kind: 'softmax', classes: 2 });
  });

  it('regresses a numeric target with a linear head, MSE by default and Huber on request', () => {
    expect(plan({}, regression())).toMatchObject({ head: { kind: 'linear' }, loss: 'mse', labels: 'value' });
    expect(plan({ loss: 'huber' }, regression()).loss).toBe('huber');
  });

  it('refuses a classification loss for a numeric target, naming the loss field', () => {
    const error = problemOf(() => plan({ loss: 'binary-crossentropy' }, regression()));
    expect(error.field).toBe('training.loss');
    expect(error.message).toMatch(/use mse, mae or huber/);
  });

  it('feeds a text model the token sequence and, after the encoder, the dense features', () => {
    const resolved = plan({ model: { family: 'text', encoder: { kind: 'rnn', cell: 'gru' } } }, classification(['ham', 'spam'], [features, body]));
    expect(resolved.inputs).toEqual([
      { name: 'body', dtype: 'int32', width: 64, cardinality: 5_002 },
      { name: 'features', dtype: 'float32', width: 9 },
    ]);
  });

  it('asks which sequence a text model should read when there are two', () => {
    const title: DataOutput = { ...body, name: 'title' };
    const error = problemOf(() => plan({ model: { family: 'text' } }, classification(['a', 'b'], [body, title])));
    expect(error.message).toMatch(/name one in sequence_input/);
    expect(plan({ model: { family: 'text', sequenceInput: 'title' } }, classification(['a', 'b'], [title])).inputs[0]?.name).toBe('title');
    expect(problemOf(() => plan({ model: { family: 'text', sequenceInput: 'title' } }, classification(['a', 'b'], [body, title]))).message).toMatch(/cannot use body/);
  });

  it('refuses an MLP over token sequences and says what to do instead', () => {
    const error = problemOf(() => plan({}, classification(['a', 'b'], [features, body])));
    expect(error.field).toBe('training.model');
    expect(error.message).toMatch(/body \(sequence\)/);
  });

  it('plans a recommender over user and item indexes, explicit as regression and implicit as interactions', () => {
    const model = { family: 'recommender', userColumn: 'user', itemColumn: 'item' } as const;
    expect(plan({ model }, regression([user, item]))).toMatchObject({ head: { kind: 'linear' }, loss: 'mse', labels: 'value' });
    const implicit = plan({ model: { ...model, feedback: { kind: 'implicit' } } }, regression([user, item]));
    expect(implicit).toMatchObject({ head: { kind: 'sigmoid' }, loss: 'binary-crossentropy', labels: 'interaction' });
    expect(implicit.inputs.map((input) => input.name)).toEqual(['user', 'item']);
  });

  it('reports every problem at once', () => {
    const error = problemOf(() =>
      plan({ model: { family: 'recommender', userColumn: 'user', itemColumn: 'nope' }, loss: 'mae' }, classification(['a', 'b'], [user])),
    );
    expect(error.field).toBe('training.recommender.item_column');
    expect(error.message).toMatch(/also training.recommender.implicit/);
    expect(error.message).toMatch(/also training.loss: mae is a regression loss/);
  });

  it('orders manual class weights by class and refuses unknown labels', () => {
    expect(plan({ classWeights: { kind: 'manual', weights: { c: 3 } } }, classification(['a', 'b', 'c'])).classWeights).toEqual([1, 1, 3]);
    expect(problemOf(() => plan({ classWeights: { kind: 'manual', weights: { z: 2 } } }, classification(['a', 'b']))).message).toMatch(/"z", which is not a class/);
  });

  it('refuses validation monitoring without validation rows', () => {
    const data = { ...classification(['a', 'b']), hasValidation: false };
    expect(problemOf(() => plan({ earlyStopping: {} }, data)).field).toBe('training.early_stopping.monitor');
    expect(plan({ earlyStopping: { monitor: 'loss' } }, data).spec.earlyStopping?.monitor).toBe('loss');
  });
});

describe('learningRateAt', () => {
  it('follows step, exponential and cosine schedules', () => {
    expect(learningRateAt({ kind: 'constant' }, 0.1, 7, 10)).toBe(0.1);
    expect(learningRateAt({ kind: 'step', everyEpochs: 2, factor: 0.5 }, 0.1, 4.5, 10)).toBeCloseTo(0.025, 12);
    expect(learningRateAt({ kind: 'exponential', decayPerEpoch: 0.9 }, 0.1, 2, 10)).toBeCloseTo(0.081, 12);
    expect(learningRateAt({ kind: 'cosine', minLearningRate: 0.01 }, 0.1, 0, 10)).toBeCloseTo(0.1, 12);
    expect(learningRateAt({ kind: 'cosine', minLearningRate: 0.01 }, 0.1, 5, 10)).toBeCloseTo(0.055, 12);
    expect(learningRateAt({ kind: 'cosine', minLearningRate: 0.01 }, 0.1, 10, 10)).toBeCloseTo(0.01, 12);
  });
});

describe('planTraining for seq2seq', () => {
  const english: DataOutput = { kind: 'sequence', name: 'english', width: 12, cardinality: 60 };
  const sequence = (outputs: DataOutput[] = [english]): TrainingData => ({
    task: 'sequence',
    classLabels: [],
    outputs,
    hasValidation: true,
    targetSequence: { length: 10, cardinality: 48 },
  });

  it('reads the source tokens and feeds the decoder the shifted target, predicting a token at every step', () => {
    const resolved = plan({ model: { family: 'seq2seq' } }, sequence());
    expect(resolved).toMatchObject({ head: { kind: 'token-softmax', classes: 48, length: 10 }, loss: 'sparse-categorical-crossentropy', labels: 'token-sequence' });
    expect(resolved.inputs).toEqual([
      { name: 'english', dtype: 'int32', width: 12, cardinality: 60 },
      { name: DECODER_INPUT, dtype: 'int32', width: 10, cardinality: 48 },
    ]);
  });

  it('refuses a sequence target for a family that predicts one value per row, naming the model', () => {
    expect(problemOf(() => plan({ model: { family: 'text' } }, sequence())).field).toBe('training.model');
  });

  it('refuses seq2seq on a class target and a regression loss, naming each field', () => {
    const problem = problemOf(() => plan({ model: { family: 'seq2seq' }, loss: 'mse' }, { ...classification(['a', 'b'], [english]) }));
    expect(problem.field).toBe('target_column');
    expect(problem.message).toContain('training.loss');
  });

  it('asks which source to read when there are two token sequences', () => {
    const french: DataOutput = { ...english, name: 'notes' };
    expect(problemOf(() => plan({ model: { family: 'seq2seq' } }, sequence([english, french]))).message).toContain('source_input');
    // The one not read must be left out of preprocessing rather than silently ignored.
    expect(problemOf(() => plan({ model: { family: 'seq2seq', sourceInput: 'notes' } }, sequence([english, french]))).message).toContain('cannot use english (sequence)');
    expect(plan({ model: { family: 'seq2seq', sourceInput: 'notes' } }, sequence([french])).inputs[0]!.name).toBe('notes');
  });

  it('refuses a source column that would collide with the decoder input', () => {
    const clash: DataOutput = { ...english, name: DECODER_INPUT };
    expect(problemOf(() => plan({ model: { family: 'seq2seq' } }, sequence([clash]))).field).toBe('training.seq2seq.source_input');
  });

  it('checks a seq2seq spec at the door from output kinds alone', () => {
    const shape = { task: 'sequence' as const, classLabels: undefined, outputs: [{ kind: 'sequence' as const, name: 'english' }], hasValidation: true };
    expect(checkTrainingSpec(trainingSpecSchema.parse({ model: { family: 'seq2seq' }, earlyStopping: { monitor: 'val_accuracy' } }), shape)).toEqual({
      loss: 'sparse-categorical-crossentropy',
      labels: 'token-sequence',
    });
  });
});
