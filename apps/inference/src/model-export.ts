import { FailedPreconditionError, InvalidArgumentError } from '@aiaas/errors';
import type { ExportModelRequest__Output, ModelExport } from '@aiaas/proto';
import { versionSelectorOf, type ModelRegistry } from '@aiaas/registry';
import type { ArtifactStore } from '@aiaas/storage';

/** A version's ONNX file and its signature, for serving it outside the platform. */
export async function exportModel(models: ModelRegistry, store: ArtifactStore, request: ExportModelRequest__Output): Promise<ModelExport> {
  if (!request.model_name) throw new InvalidArgumentError('model_name', 'is required');
  const record = await models.resolve(request.model_name, versionSelectorOf(request));
  const exported = record.onnx;
  if (exported?.status !== 'exported') {
    const why = exported ? exported.reason : 'it was trained before models were exported to ONNX; retrain it';
    throw new FailedPreconditionError(`${record.modelName} version ${record.version} has no ONNX file (${why}); it serves on TF.js`);
  }
  const signature = (tensors: typeof exported.inputs) => tensors.map((tensor) => ({ name: tensor.name, dtype: tensor.dtype, shape: tensor.shape.map((size) => size ?? -1) }));
  return { model_name: record.modelName, version: record.version, onnx: await store.get(exported.model), inputs: signature(exported.inputs), outputs: signature(exported.outputs) };
}
