import type * as tf from '@tensorflow/tfjs';
import { fittedTransformSchema, TransformEncoder } from '@aiaas/data';
import { FailedPreconditionError } from '@aiaas/errors';
import { loadModel, predictRows } from '@aiaas/models';
import type { Logger } from '@aiaas/observability';
import type { ModelRegistry, ModelVersionRecord, VersionSelector } from '@aiaas/registry';
import { getJson, type ArtifactStore } from '@aiaas/storage';
import { checkOutputs } from './prediction-fields';
import { requestInputs, SequenceDecoding } from './sequence-decoding';

/** A version in memory, ready to answer. */
export interface LoadedVersion {
  readonly record: ModelVersionRecord;
  /** The version's fitted transform, compiled once. */
  readonly encoder: TransformEncoder;
  readonly model: tf.LayersModel;
  /** How a seq2seq version turns sources into text; undefined for other versions. */
  readonly decoding: SequenceDecoding | undefined;
  readonly loadedAt: number;
}

const keyOf = (modelName: string, version: number) => `${modelName}@${version}`;

/**
 * The versions this replica holds in memory. A version is loaded on first use (so every
 * replica can answer for every version, not only the one that ran the deploy job), once even
 * under concurrent requests, and warmed up with one prediction before it is used.
 */
export class ModelRepository {
  private readonly loaded = new Map<string, Promise<LoadedVersion>>();

  constructor(
    private readonly registry: ModelRegistry,
    private readonly store: ArtifactStore,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The version a selector points at, loading it if needed. */
  async get(modelName: string, selector: VersionSelector): Promise<LoadedVersion> {
    const record = await this.registry.resolve(modelName, selector);
    return this.loadRecord(record);
  }

  /** Loads a version by number (idempotent). */
  async load(modelName: string, version: number): Promise<LoadedVersion> {
    return this.loadRecord(await this.registry.getVersion(modelName, version));
  }

  /** Frees a version's memory; answers false when it was not loaded. */
  async unload(modelName: string, version: number): Promise<boolean> {
    const key = keyOf(modelName, version);
    const entry = this.loaded.get(key);
    if (!entry) return false;
    this.loaded.delete(key);
    const loaded = await entry.catch(() => undefined);
    loaded?.model.dispose();
    this.logger.info('model unloaded', { model: modelName, version });
    return true;
  }

  /** Versions in memory (loads still in progress are not listed). */
  async list(): Promise<LoadedVersion[]> {
    const settled = await Promise.allSettled(this.loaded.values());
    return settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  }

  /** Frees everything; for shutdown. */
  async unloadAll(): Promise<void> {
    for (const loaded of await this.list()) await this.unload(loaded.record.modelName, loaded.record.version);
  }

  private loadRecord(record: ModelVersionRecord): Promise<LoadedVersion> {
    const key = keyOf(record.modelName, record.version);
    let entry = this.loaded.get(key);
    if (!entry) {
      entry = this.readVersion(record);
      this.loaded.set(key, entry);
      // A failed load must not be cached: the next request tries again.
      entry.catch(() => this.loaded.delete(key));
    }
    return entry;
  }

  private async readVersion(record: ModelVersionRecord): Promise<LoadedVersion> {
    const started = this.now();
    const [model, transform] = await Promise.all([
      loadModel(this.store, record.artifacts),
      getJson(this.store, record.artifacts.transform, (value) => fittedTransformSchema.parse(value)),
    ]);
    const encoder = new TransformEncoder(transform);
    let decoding: SequenceDecoding | undefined;
    try {
      await warmUp(model, record);
      if (record.labels === 'token-sequence') {
        decoding = new SequenceDecoding(model, transform, record);
        // Compiles the step-by-step decoder's kernels too.
        await decoding.texts(new Int32Array(requestInputs(record)[0]!.width), 1);
      }
    } catch (error) {
      model.dispose();
      throw error;
    }
    this.logger.info('model loaded', { model: record.modelName, version: record.version, ms: this.now() - started });
    return { record, encoder, model, decoding, loadedAt: this.now() };
  }
}

/**
 * Predicts one row of zeros for each of the version's inputs (int32 zeros are valid indexes:
 * padding or "unknown"). The first prediction compiles kernels, so it is paid for here rather
 * than in a client's request; and a model that does not take the inputs its record lists, or
 * does not output what its head promises, fails here rather than in every request.
 */
async function warmUp(model: tf.LayersModel, record: ModelVersionRecord): Promise<void> {
  const zeros = record.inputs.map((input) => (input.dtype === 'float32' ? new Float32Array(input.width) : new Int32Array(input.width)));
  let outputs: Float32Array;
  try {
    outputs = await predictRows(model, zeros, 1);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new FailedPreconditionError(`${record.modelName} version ${record.version} failed its warm-up prediction (${message}), so it cannot serve; retrain it`, { cause: error });
  }
  checkOutputs(record, outputs, 1);
}
