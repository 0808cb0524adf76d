import { encodeRecords, type EncodedBatch, type RawValue } from '@aiaas/data';
import { InvalidArgumentError, ResourceExhaustedError } from '@aiaas/errors';
import { argMaxRows, predictProbabilities } from '@aiaas/models';
import type { PredictRequest__Output, PredictResponse, Record__Output, TransformRecordsRequest__Output, TransformRecordsResponse, Value__Output } from '@aiaas/proto';
import type { VersionSelector } from '@aiaas/registry';
import { decodeTensor, encodeTensor } from '@aiaas/tensor';
import type { LoadedVersion, ModelRepository } from './model-repository';

/** The alias a request without a version or alias is served by. */
export const DEFAULT_ALIAS = 'production';

function selectorOf(request: Pick<PredictRequest__Output, 'version_selector' | 'version' | 'alias'>): VersionSelector {
  if (request.version_selector === 'version') {
    if (!request.version) throw new InvalidArgumentError('version', 'must be 1 or more; leave it unset to use the production alias');
    return { version: request.version };
  }
  if (request.version_selector === 'alias') {
    if (!request.alias) throw new InvalidArgumentError('alias', 'must not be empty; leave it unset to use the production alias');
    return { alias: request.alias };
  }
  return { alias: DEFAULT_ALIAS };
}

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

/** Turns the request's input into the version's feature matrix. */
function featuresOf(request: PredictRequest__Output, version: LoadedVersion, maxRows: number): { features: Float32Array; rows: number } {
  const { featureCount } = version.record;
  if (request.input === 'records' && request.records) {
    const batch = encode(request.records.records, version, maxRows);
    return { features: batch.tensors['features'] as Float32Array, rows: batch.rows };
  }
  if (request.input === 'features' && request.features) {
    const tensor = decodeTensor(request.features, 'features');
    if (tensor.dtype !== 'float32') throw new InvalidArgumentError('features.dtype', 'must be DATA_TYPE_FLOAT32');
    const [rows, width] = tensor.shape;
    if (tensor.shape.length !== 2 || width !== featureCount) {
      throw new InvalidArgumentError(
        'features.shape',
        `${version.record.modelName} version ${version.record.version} takes [rows, ${featureCount}] features, got [${tensor.shape.join(', ')}]`,
      );
    }
    checkRows(rows!, 'features', maxRows);
    return { features: tensor.values as Float32Array, rows: rows! };
  }
  throw new InvalidArgumentError('input', 'set records (raw rows) or features (a transformed FLOAT32 tensor)');
}

/** Answers Predict requests from the repository's loaded versions. */
export class Predictor {
  constructor(
    private readonly repository: ModelRepository,
    private readonly maxRows: number,
  ) {}

  async predict(request: PredictRequest__Output): Promise<PredictResponse> {
    if (!request.model_name) throw new InvalidArgumentError('model_name', 'is required');
    const version = await this.repository.get(request.model_name, selectorOf(request));
    const { features, rows } = featuresOf(request, version, this.maxRows);
    const classes = version.record.classLabels;
    const probabilities = await predictProbabilities(version.model, features, rows, version.record.featureCount);
    const predicted = argMaxRows(probabilities, classes.length);
    return {
      model_name: version.record.modelName,
      version: version.record.version,
      class_labels: classes,
      probabilities: encodeTensor(probabilities, [rows, classes.length]),
      predicted_labels: Array.from(predicted, (index) => classes[index]!),
    };
  }

  /** The version's encoded features for raw records, every output of its transform. */
  async transformRecords(request: TransformRecordsRequest__Output): Promise<TransformRecordsResponse> {
    if (!request.model_name) throw new InvalidArgumentError('model_name', 'is required');
    if (!request.records) throw new InvalidArgumentError('records', 'is required');
    const version = await this.repository.get(request.model_name, selectorOf(request));
    const batch = encode(request.records.records, version, this.maxRows);
    return {
      model_name: version.record.modelName,
      version: version.record.version,
      outputs: version.encoder.outputs.map((output) => ({ name: output.name, tensor: encodeTensor(batch.tensors[output.name]!, [batch.rows, output.width]) })),
    };
  }
}
