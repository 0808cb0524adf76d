import { encodeRecords, FEATURES_OUTPUT, type EncodedBatch, type RawValue } from '@aiaas/data';
import { FailedPreconditionError, InvalidArgumentError, ResourceExhaustedError } from '@aiaas/errors';
import type {
  PredictRequest__Output,
  PredictResponse,
  Record__Output,
  Tensor__Output,
  TransformRecordsRequest__Output,
  TransformRecordsResponse,
  Value__Output,
} from '@aiaas/proto';
import { versionSelectorOf, type VersionSelector } from '@aiaas/registry';
import { decodeTensor, encodeTensor } from '@aiaas/tensor';
import type { LoadedVersion, ModelRepository } from './model-repository';
import type { BatchInputs } from './batching/dynamic-batcher';
import { decodedTextFields, predictionFields, type PredictionFields } from './prediction-fields';
import { requestInputs } from './sequence-decoding';
import type { MirroredRequest } from './serving/mirrored-request';

/** The alias a request without a version or alias is served by. */
export { DEFAULT_ALIAS } from '@aiaas/registry';

function rawValue(value: Value__Output | undefined): RawValue {
  switch (value?.kind) {
    case 'number_value':
      return value.number_value;
    case 'string_value':
      return value.string_value;
    case 'bool_value':
      return value.bool_value;
    default:
      return null;
  }
}

/** Checks that records name only the version's input columns (and, tolerated, its target). */
function checkFields(records: readonly Record__Output[], version: LoadedVersion): void {
  const known = new Set([...version.record.inputColumns, version.record.targetColumn]);
  records.forEach((record, index) => {
    for (const field of Object.keys(record.fields)) {
      if (!known.has(field)) {
        throw new InvalidArgumentError(
          `records.records[${index}].fields["${field}"]`,
          `is not an input of ${version.record.modelName} version ${version.record.version}; its inputs are ${version.record.inputColumns.join(', ')}`,
        );
      }
    }
  });
}

function checkRows(rows: number, field: string, maxRows: number): void {
  if (rows === 0) throw new InvalidArgumentError(field, 'has no rows');
  if (rows > maxRows) throw new ResourceExhaustedError(`${rows} rows in one request; the limit is ${maxRows} (MAX_BATCH_ROWS): split the batch`);
}

/** Raw records through the version's fitted transform: the same code, and bytes, as training. */
function encode(records: readonly Record__Output[], version: LoadedVersion, maxRows: number): EncodedBatch {
  checkRows(records.length, 'records', maxRows);
  checkFields(records, version);
  return encodeRecords(
    version.encoder,
    records,
    (record, column) => rawValue(record.fields[column]),
    (index, column) => `records.records[${index}].fields["${column}"]`,
  );
}

/** The model's inputs and how many rows they hold. */
interface ModelFeed {
  readonly inputs: (Float32Array | Int32Array)[];
  readonly rows: number;
}

const describe = (version: LoadedVersion) => `${version.record.modelName} version ${version.record.version}`;

/** The version's inputs, in order, out of an encoded batch: each transform output by name. */
function recordsFeed(records: readonly Record__Output[], version: LoadedVersion, maxRows: number): ModelFeed {
  const batch = encode(records, version, maxRows);
  const inputs = requestInputs(version.record).map((input) => {
    const values = batch.tensors[input.name];
    if (values === undefined) {
      throw new FailedPreconditionError(
        `${describe(version)} takes the input "${input.name}", which its transform does not produce (it produces ${Object.keys(batch.tensors).join(', ')}); retrain it`,
      );
    }
    return values;
  });
  return { inputs, rows: batch.rows };
}

/** A transformed FLOAT32 features tensor: only for versions whose one input is the dense `features`. */
function featuresFeed(message: Tensor__Output, version: LoadedVersion, maxRows: number): ModelFeed {
  const inputs = requestInputs(version.record);
  const only = inputs.length === 1 ? inputs[0] : undefined;
  if (only?.name !== FEATURES_OUTPUT || only.dtype !== 'float32') {
    throw new InvalidArgumentError(
      'features',
      `${describe(version)} takes ${inputs.map((input) => `"${input.name}" (${input.dtype} [rows, ${input.width}])`).join(' and ')}, not one dense features tensor; send records (raw rows) instead`,
    );
  }
  const tensor = decodeTensor(message, 'features');
  if (tensor.dtype !== 'float32') throw new InvalidArgumentError('features.dtype', 'must be DATA_TYPE_FLOAT32');
  const [rows, width] = tensor.shape;
  if (tensor.shape.length !== 2 || width !== only.width) {
    throw new InvalidArgumentError('features.shape', `${describe(version)} takes [rows, ${only.width}] features, got [${tensor.shape.join(', ')}]`);
  }
  checkRows(rows!, 'features', maxRows);
  return { inputs: [tensor.values], rows: rows! };
}

/** Turns the request's input into the version's model inputs. */
function feedOf(request: PredictRequest__Output, version: LoadedVersion, maxRows: number): ModelFeed {
  if (request.input === 'records' && request.records) return recordsFeed(request.records.records, version, maxRows);
  if (request.input === 'features' && request.features) return featuresFeed(request.features, version, maxRows);
  throw new InvalidArgumentError('input', 'set records (raw rows) or features (a transformed FLOAT32 tensor)');
}

/**
 * The version's model on `batch`: through its dynamic batcher when it has one (which drops the
 * request if `deadline`, epoch ms, passes while it queues), else directly.
 */
export function runModel(version: LoadedVersion, batch: BatchInputs, deadline?: number): Promise<Float32Array> {
  return version.batcher ? version.batcher.submit(batch, deadline) : version.run(batch.inputs, batch.rows);
}

/** The answer fields for a feed: decoded texts from a seq2seq version, else what its model outputs. */
async function answer(version: LoadedVersion, feed: ModelFeed, run: (batch: BatchInputs) => Promise<Float32Array>): Promise<PredictionFields> {
  return version.decoding ? decodedTextFields(await version.decoding.texts(feed.inputs[0] as Int32Array, feed.rows)) : predictionFields(version.record, await run(feed), feed.rows);
}

/**
 * A version's answer to a request copied to a shadow deployment, as Predict would answer it
 * but straight on its model (not through its batcher), so the time it takes is the model's.
 * Tensors are fed as they are: the caller checks the version takes them.
 */
export function answerMirrored(version: LoadedVersion, request: MirroredRequest, maxRows: number): Promise<PredictionFields> {
  const feed = request.kind === 'records' ? recordsFeed(request.records, version, maxRows) : { inputs: [...request.inputs], rows: request.rows };
  return answer(version, feed, (batch) => version.run(batch.inputs, batch.rows));
}

/**
 * Copies requests served by an alias to that alias's shadow candidate, when it has one:
 * `request` is called only for the requests sampled.
 */
export interface RequestMirror {
  offer(modelName: string, selector: VersionSelector, version: LoadedVersion, request: () => MirroredRequest): void;
}

/** Requests of one PredictStream running at once. */
const STREAM_IN_FLIGHT = 16;

/** Answers Predict requests from the repository's loaded versions. */
export class Predictor {
  constructor(
    private readonly repository: ModelRepository,
    private readonly maxRows: number,
    private readonly mirror?: RequestMirror,
  ) {}

  /**
   * Predicts for the request's rows with the version its selector names. Classifiers answer
   * class labels, probabilities and predicted labels; regressors and recommenders answer
   * `values` (see `predictionFields`); seq2seq models answer the text each row decodes to.
   */
  async predict(request: PredictRequest__Output, deadline?: number): Promise<PredictResponse> {
    if (!request.model_name) throw new InvalidArgumentError('model_name', 'is required');
    const selector = versionSelectorOf(request);
    return this.repository.use(request.model_name, selector, async (version) => {
      const feed = feedOf(request, version, this.maxRows);
      const fields = await answer(version, feed, (batch) => runModel(version, batch, deadline));
      this.mirror?.offer(request.model_name, selector, version, () =>
        request.input === 'records' && request.records ? { kind: 'records', records: request.records.records } : { kind: 'inputs', ...feed },
      );
      return { model_name: version.record.modelName, version: version.record.version, ...fields };
    });
  }

  /**
   * PredictStream: one response per request, in order. Up to STREAM_IN_FLIGHT requests run at
   * once, so the dynamic batcher can merge a stream's requests; a failing request ends the
   * stream, its error naming it (`requests[i]...`).
   */
  async *predictStream(requests: AsyncIterable<PredictRequest__Output>, deadline?: number): AsyncGenerator<PredictResponse> {
    const pending: Promise<PredictResponse>[] = [];
    let index = 0;
    for await (const request of requests) {
      const at = index++;
      const answer = this.predict(request, deadline).catch((error: unknown) => {
        throw error instanceof InvalidArgumentError ? new InvalidArgumentError(`requests[${at}].${error.field}`, error.reason, { cause: error }) : error;
      });
      // Awaited in order below; marked handled now so a later failure is not an unhandled rejection meanwhile.
      answer.catch(() => undefined);
      pending.push(answer);
      if (pending.length >= STREAM_IN_FLIGHT) yield await pending.shift()!;
    }
    while (pending.length > 0) yield await pending.shift()!;
  }

  /** The version's encoded features for raw records, every output of its transform. */
  async transformRecords(request: TransformRecordsRequest__Output): Promise<TransformRecordsResponse> {
    if (!request.model_name) throw new InvalidArgumentError('model_name', 'is required');
    if (!request.records) throw new InvalidArgumentError('records', 'is required');
    const version = await this.repository.get(request.model_name, versionSelectorOf(request));
    const batch = encode(request.records.records, version, this.maxRows);
    return {
      model_name: version.record.modelName,
      version: version.record.version,
      outputs: version.encoder.outputs.map((output) => ({ name: output.name, tensor: encodeTensor(batch.tensors[output.name]!, [batch.rows, output.width]) })),
    };
  }
}
