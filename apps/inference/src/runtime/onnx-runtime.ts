import { InferenceSession, Tensor } from 'onnxruntime-node';
import type { ModelVersionRecord } from '@aiaas/registry';
import type { ArtifactStore } from '@aiaas/storage';

/** Runs a version's model on row-major inputs; answers row-major outputs. */
export type ModelRunner = (inputs: readonly (Float32Array | Int32Array)[], rows: number) => Promise<Float32Array>;

/** A version's model in ONNX Runtime, one thread per call (the replicas, not the threads, scale out). */
export interface OnnxModel {
  readonly run: ModelRunner;
  release(): Promise<void>;
}

/** Opens the version's ONNX artifact in ONNX Runtime; undefined when the version has none. */
export async function openOnnxModel(store: ArtifactStore, record: ModelVersionRecord, threads: number): Promise<OnnxModel | undefined> {
  const exported = record.onnx;
  if (exported?.status !== 'exported') return undefined;
  const session = await InferenceSession.create(await store.get(exported.model), { intraOpNumThreads: threads, interOpNumThreads: 1, executionProviders: ['cpu'] });
  const output = exported.outputs[0]!.name;
  return {
    run: async (inputs, rows) => {
      const feeds: Record<string, Tensor> = {};
      exported.inputs.forEach((input, index) => {
        const values = inputs[index]!;
        feeds[input.name] = new Tensor(input.dtype, values, [rows, ...input.shape.slice(1).map((size) => size ?? values.length / rows)]);
      });
      const results = await session.run(feeds);
      const data = results[output]!.data;
      if (!(data instanceof Float32Array)) throw new TypeError(`ONNX output "${output}" is not float32`);
      return data;
    },
    release: () => session.release(),
  };
}
