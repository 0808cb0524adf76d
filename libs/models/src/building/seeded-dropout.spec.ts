import * as tf from '@tensorflow/tfjs';
import { silentLogger } from '@aiaas/observability';
import { selectBackend } from '../compute-backend';
import { SeededDropout, setTrainingStep } from './seeded-dropout';

/** A model whose only layer is a SeededDropout, so its output is the mask times the scale. */
function dropoutModel(seed: number, rate = 0.5): tf.LayersModel {
  const input = tf.input({ shape: [64] });
  const output = new SeededDropout({ rate, seed }).apply(input) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output });
}

/** The model's output on ones in training mode. */
function trainingOutput(model: tf.LayersModel, step: number): number[] {
  setTrainingStep(model, step);
  return tf.tidy(() => Array.from((model.apply(tf.ones([4, 64]), { training: true }) as tf.Tensor).dataSync()));
}

describe('SeededDropout', () => {
  beforeAll(async () => {
    await selectBackend('wasm', silentLogger);
  });

  it('passes its input through unchanged outside training', () => {
    const model = dropoutModel(1);
    const input = tf.randomNormal([3, 64], 0, 1, 'float32', 5);
    const output = model.predict(input) as tf.Tensor;
    expect(Array.from(output.dataSync())).toEqual(Array.from(input.dataSync()));
    tf.dispose([input, output]);
    model.dispose();
  });

  it('zeroes about `rate` of the inputs in training and scales the rest by 1 / (1 - rate)', () => {
    const model = dropoutModel(1, 0.25);
    const values = trainingOutput(model, 0);
    const kept = values.filter((value) => value !== 0);
    expect(new Set(kept)).toEqual(new Set([Math.fround(1 / 0.75)]));
    expect(kept.length / values.length).toBeGreaterThan(0.6);
    expect(kept.length / values.length).toBeLessThan(0.9);
    model.dispose();
  });

  it('draws the same mask for the same seed and step, in another model too', () => {
    const a = dropoutModel(3);
    const b = dropoutModel(3);
    expect(trainingOutput(a, 7)).toEqual(trainingOutput(a, 7));
    expect(trainingOutput(b, 7)).toEqual(trainingOutput(a, 7));
    a.dispose();
    b.dispose();
  });

  it('draws a different mask at another step or with another seed', () => {
    const model = dropoutModel(3);
    const other = dropoutModel(4);
    expect(trainingOutput(model, 1)).not.toEqual(trainingOutput(model, 2));
    expect(trainingOutput(other, 1)).not.toEqual(trainingOutput(model, 1));
    model.dispose();
    other.dispose();
  });

  it('sets the step on the dropout layers of nested models', () => {
    const inner = tf.sequential({ layers: [new SeededDropout({ inputShape: [8], rate: 0.5, seed: 1 })] });
    const input = tf.input({ shape: [8] });
    const hidden = new SeededDropout({ rate: 0.5, seed: 2 }).apply(input) as tf.SymbolicTensor;
    const outer = tf.model({ inputs: input, outputs: inner.apply(hidden) as tf.SymbolicTensor });
    setTrainingStep(outer, 11);
    const steps = [outer.layers[1], inner.layers[0]].map((layer) => (layer as SeededDropout).currentStep);
    expect(steps).toEqual([11, 11]);
    outer.dispose();
  });

  it('serialises its rate and seed and is rebuilt from them', () => {
    const layer = new SeededDropout({ name: 'drop', rate: 0.3, seed: 9 });
    const rebuilt = tf.serialization.SerializationMap.getMap().classNameMap['SeededDropout'];
    expect(rebuilt).toBeDefined();
    const [constructor, fromConfig] = rebuilt!;
    const copy = fromConfig(constructor, layer.getConfig()) as SeededDropout;
    expect(copy).toBeInstanceOf(SeededDropout);
    expect([copy.name, copy.rate, copy.seed]).toEqual(['drop', 0.3, 9]);
  });
});
