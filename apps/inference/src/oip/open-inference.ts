import { FailedPreconditionError, InvalidArgumentError, NotFoundError, ResourceExhaustedError } from '@aiaas/errors';
import type { Logger } from '@aiaas/observability';
import { DEFAULT_ALIAS, type ModelRegistry, type VersionSelector } from '@aiaas/registry';
import { bytesToFloat32 } from '@aiaas/tensor';
import type { LoadedVersion, ModelRepository } from '../model-repository';
import { predictionFields } from '../prediction-fields';
import { runModel, type RequestMirror } from '../predictor';
import type { InferInput, InferOutput, InferRequest, InferResult } from './infer-request';
import { decodeInputValues } from './input-values';
import { describeTensor, modelSignature, type ModelSignature, type SignatureInput, type SignatureOutput } from './model-signature';

/** The name ServerMetadata reports. */
export const OIP_SERVER_NAME = 'aiaas-inference';

/** How long ServerReady waits for the registry before answering false. */
const READY_TIMEOUT_MS = 2_000;

/**
 * A request over the service's batch limit (MAX_BATCH_ROWS): RESOURCE_EXHAUSTED on gRPC like
 * any limit, but 413 on HTTP, since the same request will never fit (429 is for overload).
 */
export class BatchTooLargeError extends ResourceExhaustedError {}

/** Runs a loaded version's model over `rows` rows of its inputs (in model order), answering its raw output row-major. */
export type VersionRunner = (version: LoadedVersion, inputs: readonly (Float32Array | Int32Array)[], rows: number, deadline?: number) => Promise<Float32Array>;

export interface OpenInferenceOptions {
  /** Loads (and warms up) versions; ModelInfer and ModelReady go through it. */
  readonly repository: ModelRepository;
  /** A model's registered versions (ModelMetadata). */
  readonly models: ModelRegistry;
  /** Most rows one request may carry (MAX_BATCH_ROWS). */
  readonly maxBatchRows: number;
  /** The TensorFlow.js backend, reported as the platform `tfjs_<backend>` of versions that run on TF.js (ONNX Runtime ones are `onnxruntime_onnx`). */
  readonly backend: string;
  /** ServerMetadata's version: the inference service's package version. */
  readonly serverVersion: string;
  /** Whether the service can serve: the registry answers and it is not shutting down. Errors and a 2 s wait count as false. */
  readonly ready: () => Promise<boolean>;
  /** Where ModelReady reports versions that fail to load for reasons other than not existing. */
  readonly logger: Logger;
  /** How models run; by default as Predict runs them (`runModel`: through the version's dynamic batcher when batching is on). */
  readonly run?: VersionRunner;
  /** Copies a sample of an alias's requests to its shadow candidate, when it has one. */
  readonly mirror?: RequestMirror;
}

/** A tensor of a model's metadata. */
export interface TensorDescription {
  readonly name: string;
  /** An OIP datatype name: "FP32" or "INT32". */
  readonly datatype: string;
  /** -1 for the batch dimension. */
  readonly shape: readonly number[];
}

/** ModelMetadata's answer. */
export interface ModelMetadata {
  /** The platform model name. */
  readonly name: string;
  /** Every registered version, ascending, as decimal strings. */
  readonly versions: readonly string[];
  /** `onnxruntime_onnx` when the version runs on ONNX Runtime, else `tfjs_<backend>`. */
  readonly platform: string;
  /** What ModelInfer must be sent, by name. */
  readonly inputs: readonly TensorDescription[];
  /** What ModelInfer answers; empty for seq2seq versions, which only Predict serves. */
  readonly outputs: readonly TensorDescription[];
}

/** ServerMetadata's answer. */
export interface ServerMetadata {
  /** Always "aiaas-inference". */
  readonly name: string;
  /** The inference service's package version. */
  readonly version: string;
  /** Protocol extensions served: none. */
  readonly extensions: readonly string[];
}

/**
 * The version a request's `model_version` names: a decimal number is that version, any other
 * name an alias ("canary"), and "" the production alias. For inference "" is the default route,
 * which a traffic split may divert to its canary, as Predict without a selector; readiness and
 * metadata describe production. An unknown version or alias is NOT_FOUND naming it.
 */
function oipVersionSelector(modelVersion: string, use: 'infer' | 'describe'): VersionSelector {
  if (modelVersion === '') return use === 'infer' ? { alias: DEFAULT_ALIAS, split: true } : { alias: DEFAULT_ALIAS };
  if (/^\d+$/.test(modelVersion)) return { version: Number(modelVersion) };
  return { alias: modelVersion };
}

const describeVersion = (version: LoadedVersion) => `${version.record.modelName} version ${version.record.version}`;
const describeAll = (tensors: readonly (SignatureInput | SignatureOutput)[]) => tensors.map(describeTensor).join(' and ');
const tensorDescription = ({ name, datatype, shape }: TensorDescription): TensorDescription => ({ name, datatype, shape: [...shape] });

/** The checked model inputs of a request, in model order, and the batch size. */
interface Feed {
  readonly inputs: (Float32Array | Int32Array)[];
  readonly rows: number;
}

/**
 * The Open Inference Protocol v2 over the platform's model repository, independent of the
 * transport: the gRPC service and the HTTP/JSON server both translate into these calls.
 * Every problem with a request is a platform error naming the field (`inputs[1] "features"`),
 * which each transport maps to its status.
 */
export class OpenInference {
  private readonly run: VersionRunner;

  constructor(private readonly options: OpenInferenceOptions) {
    this.run = options.run ?? ((version, inputs, rows, deadline) => runModel(version, { rows, inputs }, deadline));
  }

  /** True whenever the server answers at all. */
  live(): boolean {
    return true;
  }

  /** True when the registry answers within 2 s and the service is not shutting down. */
  async ready(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
    });
    try {
      return await Promise.race([this.options.ready().catch(() => false), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The server's name, version and (no) extensions. */
  serverMetadata(): ServerMetadata {
    return { name: OIP_SERVER_NAME, version: this.options.serverVersion, extensions: [] };
  }

  /**
   * True when the version resolves and is loaded (loading it, and warming it up, if needed);
   * false when the model, version or alias is unknown or the version cannot load.
   */
  async modelReady(name: string, version: string): Promise<boolean> {
    if (!name) throw new InvalidArgumentError('name', 'is required');
    try {
      await this.options.repository.get(name, oipVersionSelector(version, 'describe'));
      return true;
    } catch (error) {
      if (!(error instanceof NotFoundError || error instanceof FailedPreconditionError)) {
        this.options.logger.warn('model not ready', { model: name, version, err: error });
      }
      return false;
    }
  }

  /**
   * A version's versions, platform and tensors. The version is loaded (and warmed up) if it is
   * not yet: its runtime, which the platform names, is chosen when it loads.
   */
  async modelMetadata(name: string, version: string): Promise<ModelMetadata> {
    if (!name) throw new InvalidArgumentError('name', 'is required');
    const loaded = await this.options.repository.get(name, oipVersionSelector(version, 'describe'));
    const model = await this.options.models.getModel(name);
    const signature = modelSignature(loaded.record);
    return {
      name: loaded.record.modelName,
      versions: model.versions.map((view) => view.record.version).sort((a, b) => a - b).map(String),
      platform: loaded.runtime === 'onnxruntime' ? 'onnxruntime_onnx' : `tfjs_${this.options.backend}`,
      inputs: signature.inputs.map(tensorDescription),
      outputs: signature.outputs.map(tensorDescription),
    };
  }

  /**
   * Runs the version a request names on its input tensors and answers the outputs it asks for.
   * The version stays loaded until the answer is made, even if its alias moves meanwhile; a
   * request still queued for the model when `deadline` (epoch ms) passes is dropped.
   */
  async infer(request: InferRequest, deadline?: number): Promise<InferResult> {
    if (!request.modelName) throw new InvalidArgumentError('model_name', 'is required');
    const selector = oipVersionSelector(request.modelVersion, 'infer');
    return this.options.repository.use(request.modelName, selector, async (version) => {
      if (version.decoding) {
        throw new FailedPreconditionError(
          `${describeVersion(version)} is a sequence-to-sequence model: it answers decoded text, and greedy decoding is not one tensor op; call the platform's Predict API (aiaas.v1.GatewayService/Predict) with records instead`,
        );
      }
      const signature = modelSignature(version.record);
      const feed = this.feed(request.inputs, signature, version);
      const wanted = selectOutputs(request.outputs, signature, version);
      const fields = predictionFields(version.record, await this.run(version, feed.inputs, feed.rows, deadline), feed.rows);
      this.options.mirror?.offer(request.modelName, selector, version, () => ({ kind: 'inputs', ...feed }));
      const tensor = fields.probabilities ?? fields.values;
      if (!tensor) throw new Error(`${describeVersion(version)} answered neither probabilities nor values`);
      const values = bytesToFloat32(tensor.raw_data as Uint8Array);
      const shape = (tensor.shape ?? []).map(Number);
      return {
        modelName: version.record.modelName,
        modelVersion: String(version.record.version),
        id: request.id,
        outputs: wanted.map((output): InferOutput => ({ name: output.name, datatype: 'FP32', shape, values })),
      };
    });
  }

  /**
   * Checks the request's inputs against the version's signature — names (unknown, repeated,
   * missing), datatypes, shapes [rows, width] with one batch size, the row limit — then
   * decodes each one's values; answers them in model order.
   */
  private feed(inputs: readonly InferInput[], signature: ModelSignature, version: LoadedVersion): Feed {
    const takes = `${describeVersion(version)} takes ${describeAll(signature.inputs)}`;
    const byName = new Map(signature.inputs.map((input) => [input.name, input]));
    const seen = new Map<string, number>();
    const fieldOf = (index: number) => `inputs[${index}] "${inputs[index]!.name}"`;
    inputs.forEach((input, index) => {
      if (!byName.has(input.name)) throw new InvalidArgumentError(fieldOf(index), `is not an input of ${describeVersion(version)}; it takes ${describeAll(signature.inputs)}`);
      const earlier = seen.get(input.name);
      if (earlier !== undefined) throw new InvalidArgumentError(fieldOf(index), `repeats inputs[${earlier}]; send each input once`);
      seen.set(input.name, index);
    });
    const missing = signature.inputs.filter((input) => !seen.has(input.name));
    if (missing.length > 0) throw new InvalidArgumentError('inputs', `lacks ${describeAll(missing)}; ${takes}`);

    let rows: { readonly count: number; readonly field: string } | undefined;
    inputs.forEach((input, index) => {
      const expected = byName.get(input.name)!;
      const field = fieldOf(index);
      if (input.datatype !== expected.datatype) {
        throw new InvalidArgumentError(field, `datatype must be ${expected.datatype}, got ${input.datatype === '' ? '(none)' : JSON.stringify(input.datatype)}; ${takes}`);
      }
      const [count, width] = input.shape;
      if (input.shape.length !== 2 || width !== expected.width || count === undefined || !Number.isSafeInteger(count) || count < 0) {
        throw new InvalidArgumentError(field, `shape must be [rows, ${expected.width}], got [${input.shape.join(', ')}]`);
      }
      if (rows === undefined) rows = { count, field };
      else if (count !== rows.count) {
        throw new InvalidArgumentError(field, `has ${count} rows, but ${rows.field} has ${rows.count}; every input needs the same batch size`);
      }
    });
    const batch = rows!;
    if (batch.count === 0) throw new InvalidArgumentError(batch.field, 'has no rows');
    if (batch.count > this.options.maxBatchRows) {
      throw new BatchTooLargeError(`${batch.count} rows in one request; the limit is ${this.options.maxBatchRows} (MAX_BATCH_ROWS): split the batch`);
    }
    return {
      inputs: signature.inputs.map((expected) => {
        const index = seen.get(expected.name)!;
        return decodeInputValues(inputs[index]!.data, expected, batch.count, fieldOf(index));
      }),
      rows: batch.count,
    };
  }
}

/** The outputs a request asks for, in its order; all of the version's when it names none. */
function selectOutputs(names: readonly string[], signature: ModelSignature, version: LoadedVersion): readonly SignatureOutput[] {
  if (names.length === 0) return signature.outputs;
  const seen = new Set<string>();
  return names.map((name, index) => {
    const output = signature.outputs.find((candidate) => candidate.name === name);
    const field = `outputs[${index}] "${name}"`;
    if (!output) throw new InvalidArgumentError(field, `is not an output of ${describeVersion(version)}; it answers ${describeAll(signature.outputs)}`);
    if (seen.has(name)) throw new InvalidArgumentError(field, 'is requested twice');
    seen.add(name);
    return output;
  });
}
