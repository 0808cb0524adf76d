import type * as tf from '@tensorflow/tfjs';
import { exportToOnnx } from '@aiaas/onnx';
import type { OnnxExportRecord } from '@aiaas/registry';
import type { ArtifactStore } from '@aiaas/storage';

/**
 * The model as an ONNX artifact, for serving on ONNX Runtime and for download; or, for a model
 * with a layer the exporter cannot translate, why not (the version then serves on TF.js).
 */
export async function storeOnnxExport(model: tf.LayersModel, store: ArtifactStore): Promise<OnnxExportRecord> {
  const exported = exportToOnnx(model, { producerName: 'aiaas-training' });
  if (!exported.supported) return { status: 'unsupported', reason: exported.reason };
  const stored = await store.put(exported.bytes);
  return { status: 'exported', model: stored.ref, inputs: exported.inputs.map((input) => ({ ...input, shape: [...input.shape] })), outputs: exported.outputs.map((output) => ({ ...output, shape: [...output.shape] })) };
}
