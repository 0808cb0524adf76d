import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { getJson, putJson, type ArtifactRef, type ArtifactStore } from '@aiaas/storage';
// Registers SeededDropout with TF.js's serialisation, so models that contain it load.
import './building/seeded-dropout';

/** The stored parts of a model: topology + weight specs (JSON), and the weight bytes. */
export interface ModelArtifactRefs {
  readonly topology: ArtifactRef;
  readonly weights: ArtifactRef;
}

const topologyDocumentSchema = z.object({
  format: z.literal('aiaas.tfjs-layers-model/v1'),
  modelTopology: z.record(z.string(), z.unknown()),
  weightSpecs: z.array(z.object({ name: z.string(), shape: z.array(z.number()), dtype: z.string() }).passthrough()),
});

/**
 * Saves a model through the artifact store. Pure TF.js has no `file://` handler (that comes
 * with tfjs-node), so this is a save handler over bytes.
 */
export async function saveModel(model: tf.LayersModel, store: ArtifactStore): Promise<ModelArtifactRefs> {
  let refs: ModelArtifactRefs | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      if (!artifacts.modelTopology || !artifacts.weightSpecs || !artifacts.weightData) {
        throw new Error('model did not produce topology, weight specs and weights');
      }
      const weightBytes = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData));
      const [topology, weights] = await Promise.all([
        putJson(store, { format: 'aiaas.tfjs-layers-model/v1', modelTopology: artifacts.modelTopology, weightSpecs: artifacts.weightSpecs }),
        store.put(weightBytes),
      ]);
      refs = { topology: topology.ref, weights: weights.ref };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weightBytes.byteLength } };
    }),
  );
  if (!refs) throw new Error('model save handler was not called');
  return refs;
}

const BYTES_PER_ELEMENT: Readonly<Record<string, number>> = { float32: 4, int32: 4, bool: 1, complex64: 8, string: Number.NaN };

/** Loads a model saved with `saveModel`; refuses weights whose size does not match the topology's weight specs. */
export async function loadModel(store: ArtifactStore, refs: ModelArtifactRefs): Promise<tf.LayersModel> {
  const [document, weights] = await Promise.all([
    getJson(store, refs.topology, (value) => topologyDocumentSchema.parse(value)),
    store.get(refs.weights),
  ]);
  const weightData = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength);
  // TF.js reads what the specs ask for and ignores the rest, so a wrong or truncated weights
  // artifact would load as garbage (or fail deep inside) without this check.
  const expected = (document.weightSpecs as tf.io.WeightsManifestEntry[]).reduce((sum, spec) => sum + spec.shape.reduce((size, dimension) => size * dimension, 1) * (BYTES_PER_ELEMENT[spec.dtype] ?? Number.NaN), 0);
  if (weightData.byteLength !== expected) {
    throw new Error(`the weights artifact ${refs.weights} holds ${weightData.byteLength} bytes, but the model's weight specs need ${expected}; the artifacts do not belong together`);
  }
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: document.modelTopology,
      weightSpecs: document.weightSpecs as tf.io.WeightsManifestEntry[],
      weightData,
    }),
  );
}
