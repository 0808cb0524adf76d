import { InferenceSession, Tensor } from 'onnxruntime-node';
import type { OnnxExportRecord, ModelVersionRecord } from '@aiaas/registry';
import type { ArtifactStore } from '@aiaas/storage';

/** Runs a version's model on row-major inputs; answers row-major outputs. */
export type ModelRunner = (inputs: readonly (Float32Array | Int32Array)[], rows: number) => Promise<Float32Array>;

/** A version's model in ONNX Runtime (the replicas, not the threads, scale out). */
export interface OnnxModel {
  readonly run: ModelRunner;
  /** Size of the ONNX graph, weights included: about what the session holds. */
  readonly graphBytes: number;
  release(): Promise<void>;
}

/** An exported model's graph: its bytes and signature. */
export type OnnxGraph = Extract<OnnxExportRecord, { status: 'exported' }>;

/** One input tensor of a call, as ONNX Runtime's Tensor takes it. */
export interface OnnxFeed {
  readonly name: string;
  readonly dtype: 'float32' | 'int32';
  readonly values: Float32Array | Int32Array;
  readonly dims: readonly number[];
}

/** Where ONNX Runtime sessions live: on the event loop, or on worker threads (`OnnxWorkerPool`). */
export interface OnnxSessionHost {
  /** Opens a session on `bytes`, with `threads` intra-op threads. */
  open(bytes: Uint8Array, threads: number): Promise<OnnxSession>;
}

/** An open session: runs feeds, answering the named output's values. */
export interface OnnxSession {
  run(feeds: readonly OnnxFeed[], output: string): Promise<Float32Array>;
  release(): Promise<void>;
}

/** Sessions on the calling thread: every model call blocks the event loop while it runs. */
export const inProcessOnnx: OnnxSessionHost = {
  async open(bytes, threads) {
    const session = await InferenceSession.create(bytes, { intraOpNumThreads: threads, interOpNumThreads: 1, executionProviders: ['cpu'] });
    return {
      async run(feeds, output) {
        const results = await session.run(Object.fromEntries(feeds.map((feed) => [feed.name, new Tensor(feed.dtype, feed.values, [...feed.dims])])));
        const data = results[output]!.data;
        if (!(data instanceof Float32Array)) throw new TypeError(`ONNX output "${output}" is not float32`);
        return data;
      },
      release: () => session.release(),
    };
  },
};

/** The feeds of one call: each input with its dims, the batch dimension being `rows`. */
function feedsOf(graph: OnnxGraph, inputs: readonly (Float32Array | Int32Array)[], rows: number): OnnxFeed[] {
  return graph.inputs.map((input, index) => {
    const values = inputs[index]!;
    return { name: input.name, dtype: input.dtype, values, dims: [rows, ...input.shape.slice(1).map((size) => size ?? values.length / rows)] };
  });
}

/** Opens the version's ONNX artifact in a session of `host`; undefined when the version has none. */
export async function openOnnxModel(store: ArtifactStore, record: ModelVersionRecord, threads: number, host: OnnxSessionHost = inProcessOnnx): Promise<OnnxModel | undefined> {
  const graph = record.onnx;
  if (graph?.status !== 'exported') return undefined;
  const bytes = await store.get(graph.model);
  const session = await host.open(bytes, threads);
  const output = graph.outputs[0]!.name;
  return {
    run: (inputs, rows) => session.run(feedsOf(graph, inputs, rows), output),
    graphBytes: bytes.byteLength,
    release: () => session.release(),
  };
}
