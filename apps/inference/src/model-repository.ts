import type * as tf from '@tensorflow/tfjs';
import { fittedTransformSchema, TransformEncoder } from '@aiaas/data';
import { FailedPreconditionError } from '@aiaas/errors';
import { loadModel, predictRows } from '@aiaas/models';
import type { Logger } from '@aiaas/observability';
import type { ModelRegistry, ModelVersionRecord, VersionSelector } from '@aiaas/registry';
import { getJson, type ArtifactStore } from '@aiaas/storage';
import { checkOutputs } from './prediction-fields';
import { DynamicBatcher, type BatchingOptions } from './batching/dynamic-batcher';
import { AliasTable, type PendingMove } from './serving/alias-table';
import { requestInputs, SequenceDecoding } from './sequence-decoding';

/** A version in memory, ready to answer. */
export interface LoadedVersion {
  readonly record: ModelVersionRecord;
  /** The version's fitted transform, compiled once. */
  readonly encoder: TransformEncoder;
  readonly model: tf.LayersModel;
  /** How a seq2seq version turns sources into text; undefined for other versions. */
  readonly decoding: SequenceDecoding | undefined;
  /** Merges concurrent requests into batches of the model; undefined when batching is off. */
  readonly batcher: DynamicBatcher | undefined;
  readonly loadedAt: number;
}

const keyOf = (modelName: string, version: number) => `${modelName}@${version}`;

/** How a ModelRepository holds versions. */
export interface ModelRepositoryOptions {
  /** Most versions in memory; beyond it the least recently used idle one without an alias here is unloaded. Default unbounded. */
  readonly maxLoadedVersions?: number;
  /** Dynamic batching of each version's requests; off when undefined. */
  readonly batching?: BatchingOptions;
  /** How old an alias reading may get before it is checked again. Default 5 s. */
  readonly aliasRefreshMs?: number;
  /** First and longest wait before retrying a version that failed to load for an alias. Default 1 s and 60 s. */
  readonly retryMs?: { readonly first: number; readonly max: number };
  readonly now?: () => number;
}

/** A version in memory and its use. */
interface Slot {
  readonly promise: Promise<LoadedVersion>;
  inFlight: number;
  lastUsed: number;
  /** Unload once the last request using it is done. */
  retiring: boolean;
}

/**
 * The versions this replica holds in memory. A version is loaded on first use (so every
 * replica can answer for every version, not only the one that ran the deploy job), once even
 * under concurrent requests, and warmed up with one prediction before it is used.
 *
 * Aliases are followed without dropping a request: when `production` moves (an alias event, or
 * a periodic re-read), the new version is loaded and warmed while the old one keeps answering,
 * then requests go to the new one, and the old one is unloaded once its last request is done
 * (unless another alias still points at it). A version that fails to load leaves the alias where
 * it was and is retried with backoff. With `maxLoadedVersions`, the least recently used idle
 * version that no alias here points at is unloaded to make room.
 */
export class ModelRepository {
  private readonly slots = new Map<string, Slot>();
  private readonly aliases: AliasTable;
  private readonly now: () => number;

  constructor(
    private readonly registry: ModelRegistry,
    private readonly store: ArtifactStore,
    private readonly logger: Logger,
    private readonly options: ModelRepositoryOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.aliases = new AliasTable({
      resolve: (modelName, alias) => this.registry.aliasVersion(modelName, alias),
      prepare: async (modelName, version) => void (await this.load(modelName, version)),
      moved: (modelName, _alias, from) => this.retireIfUnaliased(modelName, from),
      refreshMs: options.aliasRefreshMs ?? 5_000,
      retryMs: options.retryMs ?? { first: 1_000, max: 60_000 },
      logger,
      now: this.now,
    });
  }

  /** The version a selector points at, loading it if needed (for metadata: use `use` to run it). */
  async get(modelName: string, selector: VersionSelector): Promise<LoadedVersion> {
    const version = 'version' in selector ? selector.version : await this.aliases.versionOf(modelName, selector.alias);
    return this.slotOf(modelName, version).promise;
  }

  /**
   * Runs `work` with the version a selector points at; the version is not unloaded while
   * `work` runs, even if its alias moves meanwhile.
   */
  async use<T>(modelName: string, selector: VersionSelector, work: (version: LoadedVersion) => Promise<T>): Promise<T> {
    const version = 'version' in selector ? selector.version : await this.aliases.versionOf(modelName, selector.alias);
    const slot = this.slotOf(modelName, version);
    slot.inFlight += 1;
    slot.lastUsed = this.now();
    try {
      return await work(await slot.promise);
    } finally {
      slot.inFlight -= 1;
      if (slot.retiring && slot.inFlight === 0) void this.unload(modelName, version);
    }
  }

  /** Loads a version by number (idempotent). */
  async load(modelName: string, version: number): Promise<LoadedVersion> {
    return this.slotOf(modelName, version).promise;
  }

  /** The registry moved an alias (an alias event): prepare its version here, then serve it. */
  aliasMoved(modelName: string, alias: string, version: number): void {
    this.aliases.moveTo(modelName, alias, version);
  }

  /** Alias moves held back because their version failed to load, with why. */
  get pendingMoves(): PendingMove[] {
    return this.aliases.pending;
  }

  /** Frees a version's memory; answers false when it was not loaded. */
  async unload(modelName: string, version: number): Promise<boolean> {
    const key = keyOf(modelName, version);
    const slot = this.slots.get(key);
    if (!slot) return false;
    this.slots.delete(key);
    const loaded = await slot.promise.catch(() => undefined);
    loaded?.model.dispose();
    this.logger.info('model unloaded', { model: modelName, version });
    return true;
  }

  /** Versions in memory (loads still in progress are not listed). */
  async list(): Promise<LoadedVersion[]> {
    const settled = await Promise.allSettled([...this.slots.values()].map((slot) => slot.promise));
    return settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  }

  /** Stops following aliases and frees everything; for shutdown. */
  async unloadAll(): Promise<void> {
    this.aliases.close();
    for (const loaded of await this.list()) await this.unload(loaded.record.modelName, loaded.record.version);
  }

  private slotOf(modelName: string, version: number): Slot {
    const key = keyOf(modelName, version);
    let slot = this.slots.get(key);
    if (!slot) {
      const promise = this.registry.getVersion(modelName, version).then((record) => this.readVersion(record));
      const created: Slot = { promise, inFlight: 0, lastUsed: this.now(), retiring: false };
      slot = created;
      this.slots.set(key, created);
      promise.then(
        () => this.evictBeyondCap(),
        // A failed load must not be cached: the next request tries again.
        () => {
          if (this.slots.get(key) === created) this.slots.delete(key);
        },
      );
    }
    slot.retiring = false;
    return slot;
  }

  /** After an alias left `version`: unload it once idle, unless another alias here still serves it. */
  private retireIfUnaliased(modelName: string, version: number): void {
    const slot = this.slots.get(keyOf(modelName, version));
    if (!slot || this.aliases.aliasesOf(modelName, version).length > 0) return;
    if (slot.inFlight === 0) void this.unload(modelName, version);
    else slot.retiring = true;
  }

  private evictBeyondCap(): void {
    const cap = this.options.maxLoadedVersions;
    if (cap === undefined || this.slots.size <= cap) return;
    const idle = [...this.slots.entries()]
      .filter(([key, slot]) => {
        const [modelName, version] = [key.slice(0, key.lastIndexOf('@')), Number(key.slice(key.lastIndexOf('@') + 1))];
        return slot.inFlight === 0 && this.aliases.aliasesOf(modelName, version).length === 0;
      })
      .sort(([, a], [, b]) => a.lastUsed - b.lastUsed);
    for (const [key] of idle.slice(0, this.slots.size - cap)) {
      const at = key.lastIndexOf('@');
      void this.unload(key.slice(0, at), Number(key.slice(at + 1)));
    }
    if (this.slots.size - idle.length > cap) this.logger.warn('more versions in use than MAX_LOADED_VERSIONS allows; none is idle to unload', { loaded: this.slots.size, cap });
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
    const batching = this.options.batching;
    const batcher = batching ? new DynamicBatcher((batch) => predictRows(model, batch.inputs, batch.rows), batching) : undefined;
    return { record, encoder, model, decoding, batcher, loadedAt: this.now() };
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
