import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DECODER_INPUT, planTraining, trainingSpecSchema, type TrainingPlan } from '@aiaas/model-spec';
import { silentLogger } from '@aiaas/observability';
import { FsArtifactStore } from '@aiaas/storage';
import { buildModel } from '../building/build-model';
import { selectBackend } from '../compute-backend';
import { loadModel, saveModel } from '../model-artifacts';
import { GreedyDecoder } from './greedy-decoder';

const TOKENS = { start: 2, end: 3 };
const SOURCE_LENGTH = 5;
const TARGET_LENGTH = 6;
const TARGET_TOKENS = 12;

function seq2seqPlan(seed = 3): TrainingPlan {
  return planTraining(trainingSpecSchema.parse({ model: { family: 'seq2seq', embeddingDim: 4, units: 5 }, seed }), {
    task: 'sequence',
    classLabels: [],
    outputs: [{ kind: 'sequence', name: 'english', width: SOURCE_LENGTH, cardinality: 9 }],
    hasValidation: false,
    targetSequence: { length: TARGET_LENGTH, cardinality: TARGET_TOKENS },
  });
}

const SOURCES = Int32Array.from([4, 5, 6, 0, 0, 7, 8, 0, 0, 0, 1, 2, 3, 4, 5]);
const ROWS = 3;

/** Greedy decoding by brute force: the training graph re-run on the growing prefix, one argmax per step. */
function decodeWithTrainingGraph(model: tf.LayersModel, row: number): number[] {
  const chosen: number[] = [];
  for (let step = 0; step < TARGET_LENGTH; step++) {
    const prefix = [TOKENS.start, ...chosen].slice(0, TARGET_LENGTH);
    const decoderTokens = [...prefix, ...new Array<number>(TARGET_LENGTH - prefix.length).fill(0)];
    const next = tf.tidy(() => {
      const source = tf.tensor2d(SOURCES.subarray(row * SOURCE_LENGTH, (row + 1) * SOURCE_LENGTH), [1, SOURCE_LENGTH], 'int32');
      const probabilities = model.predict([source, tf.tensor2d([decoderTokens], [1, TARGET_LENGTH], 'int32')]) as tf.Tensor;
      return tf.argMax(probabilities, -1).dataSync()[step]!;
    });
    chosen.push(next);
    if (next === TOKENS.end) break;
  }
  return [...chosen, ...new Array<number>(TARGET_LENGTH - chosen.length).fill(0)];
}

describe('seq2seq models and GreedyDecoder', () => {
  beforeAll(async () => {
    await selectBackend('wasm', silentLogger);
  });

  it('builds a source input, a decoder input of the target length, and token probabilities at every step', () => {
    const plan = seq2seqPlan();
    expect(plan.inputs.map((input) => input.name)).toEqual(['english', DECODER_INPUT]);
    const model = buildModel(plan);
    expect(model.inputs.map((input) => input.shape)).toEqual([
      [null, SOURCE_LENGTH],
      [null, TARGET_LENGTH],
    ]);
    expect(model.outputs[0]!.shape).toEqual([null, TARGET_LENGTH, TARGET_TOKENS]);
    model.dispose();
  });

  it('decodes step by step exactly as the training graph does on its own growing output', async () => {
    const model = buildModel(seq2seqPlan());
    const decoded = await new GreedyDecoder(model, TOKENS).decode(SOURCES, ROWS, 2);
    const expected = Array.from({ length: ROWS }, (_, row) => decodeWithTrainingGraph(model, row)).flat();
    expect(Array.from(decoded)).toEqual(expected);
    model.dispose();
  });

  it('stops a row at its end token, leaving zeros after it', async () => {
    const model = buildModel(seq2seqPlan());
    // Bias the head towards the end token, so every row ends at once.
    const head = model.getLayer('head');
    const [kernel, bias] = head.getWeights();
    const endBias = tf.tensor1d(Array.from({ length: TARGET_TOKENS }, (_, token) => (token === TOKENS.end ? 100 : 0)));
    head.setWeights([kernel!, endBias]);
    const decoded = await new GreedyDecoder(model, TOKENS).decode(SOURCES, ROWS);
    expect(Array.from(decoded)).toEqual([3, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0]);
    tf.dispose([endBias, bias!]);
    model.dispose();
  });

  it('decodes the same after a save and load, and frees every tensor it makes', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'seq2seq-'));
    try {
      const store = new FsArtifactStore(directory);
      const model = buildModel(seq2seqPlan(11));
      const before = await new GreedyDecoder(model, TOKENS).decode(SOURCES, ROWS);
      const loaded = await loadModel(store, await saveModel(model, store));
      // The loaded training graph still starts the decoder from the encoder's state.
      const inputs = [tf.tensor2d(SOURCES, [ROWS, SOURCE_LENGTH], 'int32'), tf.tensor2d(Int32Array.from({ length: ROWS * TARGET_LENGTH }, (_, i) => i % TARGET_TOKENS), [ROWS, TARGET_LENGTH], 'int32')];
      const [original, reloaded] = [model, loaded].map((each) => tf.tidy(() => Array.from((each.predict(inputs) as tf.Tensor).dataSync())));
      expect(reloaded).toEqual(original);
      tf.dispose(inputs);
      const decoder = new GreedyDecoder(loaded, TOKENS);
      await decoder.decode(SOURCES, ROWS);
      const tensors = tf.memory().numTensors;
      expect(Array.from(await decoder.decode(SOURCES, ROWS))).toEqual(Array.from(before));
      expect(tf.memory().numTensors).toBe(tensors);
      [model, loaded].forEach((each) => each.dispose());
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('refuses to load weights whose size does not match the model, instead of loading garbage', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'seq2seq-'));
    try {
      const store = new FsArtifactStore(directory);
      const model = buildModel(seq2seqPlan());
      const refs = await saveModel(model, store);
      model.dispose();
      const longer = await store.put(Buffer.concat([await store.get(refs.weights), Buffer.from('extra')]));
      await expect(loadModel(store, { ...refs, weights: longer.ref })).rejects.toThrow(/holds \d+ bytes, but the model's weight specs need \d+; the artifacts do not belong together/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('refuses a model that is not a seq2seq one', () => {
    const mlp = buildModel(
      planTraining(trainingSpecSchema.parse({}), { task: 'regression', classLabels: [], outputs: [{ kind: 'dense', name: 'features', width: 2 }], hasValidation: false }),
    );
    expect(() => new GreedyDecoder(mlp, TOKENS)).toThrow(/not a seq2seq model/);
    mlp.dispose();
  });
});
