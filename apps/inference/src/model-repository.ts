import type { ServingMetrics } from './serving-metrics';
import type * as tf from '@tensorflow/tfjs';
import { fittedTransformSchema, TransformEncoder } from '@aiaas/data';
import { FailedPreconditionError } from '@aiaas/errors';
import { loadModel, predictRows } from '@aiaas/models';
import type { Logger } from '@aiaas/observability';
import type { ModelRegistry, ModelVersionRecord, VersionSelector } from '@aiaas/registry';
import { getJson, type ArtifactStore } from '@aiaas/storage';
import { checkOutputs } from './prediction-fields';
import { DynamicBatcher, type BatchingOptions } from './batching/dynamic-batcher';
import { openOnnxModel, type ModelRunner, type OnnxModel, type OnnxSessionHost } from './runtime/onnx-runtime';
import { AliasTable, type PendingMove } from './serving/alias-table';
import { TrafficSplits } from './serving/traffic-splits';
import { VersionPolicies } from './serving/version-policies';
import { requestInputs, SequenceDecoding } from './sequence-decoding';

/** A version in memory, ready to answer. */
export interface LoadedVersion {
  readonly record: ModelVersionRecord;
  /** The version's fitted transform, compiled once. */
  readonly encoder: TransformEncoder;
  /** How a seq2seq version turns sources into text; undefined for other versions. */
  readonly decoding: SequenceDecoding | undefined;
  /** Merges concurrent requests into batches of the model; undefined when batching is off. */
  readonly batcher: DynamicBatcher | undefined;
  /** What runs the model: ONNX Runtime when the version has an ONNX export that agrees with TF.js, else TF.js. */
  readonly runtime: 'onnxruntime' | 'tfjs';
  /** The model on row-major inputs, on `runtime` (unbatched). */
  readonly run: ModelRunner;
  /** Frees the model and its runtime. */
  dispose(): Promise<void>;
  readonly loadedAt: number;
  /** The memory its weights take: ONNX Runtime's graph when it runs there, else TF.js's model. */
  readonly residentBytes: number;
}

/** Which runtime serves versions: ONNX Runtime where a version's export agrees with TF.js (`auto`), or always TF.js. */
export type RuntimePreference = 'auto' | 'tfjs';

const keyOf = (modelName: string, version: number) => `${modelName}@${version}`;

/** How a ModelRepository holds versions. */
export interface ModelRepositoryOptions {
  /** Most versions in memory; beyond it the least recently used idle one without an alias here is unloaded. Default unbounded. */
  readonly maxLoadedVersions?: number;
  /** Most bytes of weights in memory (`residentBytes` summed), enforced as `maxLoadedVersions` is. Default unbounded. */
  readonly maxLoadedBytes?: number;
  /** Dynamic batching of each version's requests; off when undefined. */
  readonly batching?: BatchingOptions;
  /** Default `auto`. */
  readonly runtime?: RuntimePreference;
  /** ONNX Runtime's threads per call. Default 1. */
  readonly onnxThreads?: number;
  /** Where ONNX Runtime sessions run. Default on the event loop (`inProcessOnnx`). */
  readonly onnxHost?: OnnxSessionHost;
  /** Which side of a traffic split a request falls on: a number in [0, 1). Default Math.random. */
  readonly random?: () => number;
  /** Where to report model calls (batch sizes, times), loads and what is loaded. */
  readonly metrics?: ServingMetrics;
  /** How old an alias reading may get before it is checked again. Default 5 s. */
  readonly aliasRefreshMs?: number;
  /** First and longest wait before retrying a version that failed to load for an alias. Default 1 s and 60 s. */
  readonly retryMs?: { readonly first: number; readonly max: number };
  readonly now?: () => number;
}

/** A version in memory and its use. */
interface Slot {
  readonly promise: Promise<LoadedVersion>;
  /** The version's `residentBytes` once loaded; undefined while loading. */
  residentBytes: number | undefined;
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
  private readonly splits: TrafficSplits;
  private readonly policies: VersionPolicies;
  private readonly now: () => number;

  constructor(
    private readonly registry: ModelRegistry,
    private readonly store: ArtifactStore,
    private readonly logger: Logger,
    private readonly options: ModelRepositoryOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    options.metrics?.observeLoaded(() => ({
      versions: [...this.slots.values()].filter((slot) => slot.residentBytes !== undefined).length,
      residentBytes: this.residentBytes(),
    }));
    this.aliases = new AliasTable({
      resolve: (modelName, alias) => this.registry.aliasVersion(modelName, alias),
      prepare: async (modelName, version) => void (await this.load(modelName, version)),
      moved: (modelName, _alias, from) => this.retireIfUnpinned(modelName, from),
      refreshMs: options.aliasRefreshMs ?? 5_000,
      retryMs: options.retryMs ?? { first: 1_000, max: 60_000 },
      logger,
      now: this.now,
    });
    this.splits = new TrafficSplits({
      read: (modelName) => this.registry.trafficSplit(modelName),
      prepare: async (modelName, version) => void (await this.load(modelName, version)),
      refreshMs: options.aliasRefreshMs ?? 5_000,
      logger,
      now: this.now,
      ...(options.random ? { random: options.random } : {}),
    });
    this.policies = new VersionPolicies({
      read: async (modelName) => {
        const [policy, registered] = await Promise.all([this.registry.versionPolicy(modelName), this.registry.versionNumbers(modelName)]);
        return { policy, registered };
      },
      prepare: async (modelName, version) => void (await this.load(modelName, version)),
      retire: (modelName, version) => this.retireIfUnpinned(modelName, version),
      refreshMs: options.aliasRefreshMs ?? 5_000,
      logger,
      now: this.now,
    });
  }

  /** The version a selector means for this request: a version, an alias's, or on the default route perhaps the canary. */
  private async versionFor(modelName: string, selector: VersionSelector): Promise<number> {
    if ('version' in selector) {
      await this.policies.check(modelName, selector.version);
      return selector.version;
    }
    const version = await this.aliases.versionOf(modelName, selector.alias);
    return (selector.split ? await this.splits.canaryFor(modelName) : undefined) ?? version;
  }

  /** The version a selector points at, loading it if needed (for metadata: use `use` to run it). */
  async get(modelName: string, selector: VersionSelector): Promise<LoadedVersion> {
    return this.slotOf(modelName, await this.versionFor(modelName, selector)).promise;
  }

  /**
   * Runs `work` with the version a selector points at; the version is not unloaded while
   * `work` runs, even if its alias moves meanwhile.
   */
  async use<T>(modelName: string, selector: VersionSelector, work: (version: LoadedVersion) => Promise<T>): Promise<T> {
    const version = await this.versionFor(modelName, selector);
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

  /** The registry changed the model's traffic split: take it up once its canary is warm. */
  trafficSplitChanged(modelName: string): void {
    this.splits.changed(modelName);
  }

  /** The registry changed the model's version policy, or registered a version: take it up (loading what it serves). */
  versionPolicyChanged(modelName: string): void {
    this.policies.changed(modelName);
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
    await loaded?.dispose();
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
      const promise = this.registry.getVersion(modelName, version).then((record) => this.readReported(record));
      const created: Slot = { promise, residentBytes: undefined, inFlight: 0, lastUsed: this.now(), retiring: false };
      slot = created;
      this.slots.set(key, created);
      promise.then(
        (loaded) => {
          created.residentBytes = loaded.residentBytes;
          this.evictBeyondCap();
        },
        // A failed load must not be cached: the next request tries again.
        () => {
          if (this.slots.get(key) === created) this.slots.delete(key);
        },
      );
    }
    slot.retiring = false;
    return slot;
  }

  /** Whether something here keeps the version loaded: an alias, a traffic split, or the version policy. */
  private isPinned(modelName: string, version: number): boolean {
    return this.aliases.aliasesOf(modelName, version).length > 0 || this.splits.canaryVersions(modelName).includes(version) || this.policies.kept(modelName).includes(version);
  }

  /** After an alias (or the version policy) left `version`: unload it once idle, unless something here still serves it. */
  private retireIfUnpinned(modelName: string, version: number): void {
    const slot = this.slots.get(keyOf(modelName, version));
    if (!slot || this.isPinned(modelName, version)) return;
    if (slot.inFlight === 0) void this.unload(modelName, version);
    else slot.retiring = true;
  }

  /** Bytes the loaded versions hold (versions still loading count none yet). */
  private residentBytes(): number {
    return [...this.slots.values()].reduce((sum, slot) => sum + (slot.residentBytes ?? 0), 0);
  }

  /**
   * Unloads the least recently used idle versions that nothing here pins until the loaded ones
   * fit both caps (count and bytes); versions still loading are left alone.
   */
  private evictBeyondCap(): void {
    const maxVersions = this.options.maxLoadedVersions ?? Number.POSITIVE_INFINITY;
    const maxBytes = this.options.maxLoadedBytes ?? Number.POSITIVE_INFINITY;
    let versions = this.slots.size;
    let bytes = this.residentBytes();
    const fits = () => versions <= maxVersions && bytes <= maxBytes;
    if (fits()) return;
    const idle = [...this.slots.entries()]
      .map(([key, slot]) => ({ modelName: key.slice(0, key.lastIndexOf('@')), version: Number(key.slice(key.lastIndexOf('@') + 1)), slot }))
      .filter(({ modelName, version, slot }) => slot.residentBytes !== undefined && slot.inFlight === 0 && !this.isPinned(modelName, version))
      .sort((a, b) => a.slot.lastUsed - b.slot.lastUsed);
    for (const { modelName, version, slot } of idle) {
      if (fits()) break;
      void this.unload(modelName, version);
      versions -= 1;
      bytes -= slot.residentBytes!;
    }
    if (!fits()) this.logger.warn('the versions in use exceed MAX_LOADED_VERSIONS or MAX_LOADED_BYTES; none left is idle to unload', { loaded: versions, bytes, maxVersions, maxBytes });
  }

  /** Loads a version, recording in the registry why it failed to (or clearing that once it loads). */
  private async readReported(record: ModelVersionRecord): Promise<LoadedVersion> {
    const report = (error: string | undefined) =>
      this.registry.recordLoadFailure(record.modelName, record.version, error).catch((failure: unknown) => this.logger.warn('could not record a load outcome', { error: String(failure) }));
    const started = performance.now();
    try {
      const loaded = await this.readVersion(record);
      this.options.metrics?.loadEnded('loaded', (performance.now() - started) / 1000);
      await report(undefined);
      return loaded;
    } catch (error) {
      this.options.metrics?.loadEnded('failed', (performance.now() - started) / 1000);
      await report(error instanceof Error ? error.message : String(error));
      throw error;
    }
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
    const onnx = decoding ? undefined : await this.openAgreeingOnnx(record, model);
    // On ONNX Runtime the TF.js copy has done its part (warm-up, the agreement check): free it.
    if (onnx) model.dispose();
    const runtime = onnx ? 'onnxruntime' : 'tfjs';
    const run = this.measured(runtime, onnx?.run ?? ((inputs, rows) => predictRows(model, inputs, rows)));
    this.logger.info('model loaded', { model: record.modelName, version: record.version, runtime, ms: this.now() - started });
    const batching = this.options.batching;
    const batcher = batching ? new DynamicBatcher((batch) => run(batch.inputs, batch.rows), batching) : undefined;
    const dispose = async () => {
      if (onnx) await onnx.release();
      else model.dispose();
    };
    // Every weight of a platform model is float32.
    const residentBytes = onnx ? onnx.graphBytes : model.countParams() * Float32Array.BYTES_PER_ELEMENT;
    return { record, encoder, decoding, batcher, runtime, run, dispose, loadedAt: this.now(), residentBytes };
  }

  /** `run`, reporting each call's rows and time when there are metrics. */
  private measured(runtime: LoadedVersion['runtime'], run: ModelRunner): ModelRunner {
    const ran = this.options.metrics?.modelCalls(runtime);
    if (!ran) return run;
    return async (inputs, rows) => {
      const started = performance.now();
      const outputs = await run(inputs, rows);
      ran(rows, (performance.now() - started) / 1000);
      return outputs;
    };
  }

  /**
   * The version's ONNX model when it has one and it gives what TF.js gives on sample rows (to
   * 1e-4); otherwise undefined, and the version serves on TF.js — the reason is logged.
   */
  private async openAgreeingOnnx(record: ModelVersionRecord, model: tf.LayersModel): Promise<OnnxModel | undefined> {
    if ((this.options.runtime ?? 'auto') === 'tfjs') return undefined;
    if (record.onnx?.status === 'unsupported') {
      this.logger.info('serving on TF.js: the model has no ONNX export', { model: record.modelName, version: record.version, reason: record.onnx.reason });
      return undefined;
    }
    let onnx: OnnxModel | undefined;
    try {
      onnx = await openOnnxModel(this.store, record, this.options.onnxThreads ?? 1, this.options.onnxHost);
      if (!onnx) return undefined;
      const samples = sampleRows(record);
      const [expected, actual] = await Promise.all([predictRows(model, samples, SAMPLE_ROWS), onnx.run(samples, SAMPLE_ROWS)]);
      const difference = largestDifference(expected, actual);
      if (difference <= RUNTIME_TOLERANCE) return onnx;
      this.logger.warn('serving on TF.js: the ONNX export disagrees with it', { model: record.modelName, version: record.version, difference });
    } catch (error) {
      this.logger.warn('serving on TF.js: the ONNX export could not run', { model: record.modelName, version: record.version, error: String(error) });
    }
    await onnx?.release();
    return undefined;
  }
}

/** Rows compared between ONNX Runtime and TF.js before a version serves on ONNX Runtime. */
const SAMPLE_ROWS = 3;
/** Largest difference allowed between them, relative to values above 1. */
const RUNTIME_TOLERANCE = 1e-4;

/** Deterministic sample rows for each input: zeros, ones, and a spread (ids within each input's table). */
function sampleRows(record: ModelVersionRecord): (Float32Array | Int32Array)[] {
  return requestInputs(record).map((input) => {
    const values = Array.from({ length: SAMPLE_ROWS * input.width }, (_, index) => {
      const row = Math.floor(index / input.width);
      const spread = Math.sin(index * 1.7) * 2;
      if (input.dtype === 'float32') return row === 0 ? 0 : row === 1 ? 1 : spread;
      return row === 0 ? 0 : (index * 7) % Math.max(1, input.cardinality ?? 1);
    });
    return input.dtype === 'float32' ? Float32Array.from(values) : Int32Array.from(values);
  });
}

function largestDifference(expected: Float32Array, actual: Float32Array): number {
  if (expected.length !== actual.length) return Number.POSITIVE_INFINITY;
  let largest = 0;
  expected.forEach((value, index) => {
    largest = Math.max(largest, Math.abs(value - actual[index]!) / Math.max(1, Math.abs(value)));
  });
  return Number.isNaN(largest) ? Number.POSITIVE_INFINITY : largest;
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
