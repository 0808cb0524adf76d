import { InvalidArgumentError } from '@aiaas/errors';
import type {
  GRPCInferenceServiceHandlers,
  InferInputTensor__Output,
  InferParameter__Output,
  InferTensorContents,
  InferTensorContents__Output,
  ModelInferRequest__Output,
  ModelInferResponse,
  ModelMetadataRequest__Output,
  ModelReadyRequest__Output,
} from '@aiaas/proto';
import { deadlineOf, type HandlerFactory } from '@aiaas/service';
import { float32ToBytes } from '@aiaas/tensor';
import type { InferRequest, InferResult, TensorData } from './infer-request';
import type { OpenInference } from './open-inference';

/** What the OIP gRPC handlers need. */
export interface GrpcInferenceServiceDependencies {
  /** The protocol's semantics, shared with the HTTP/JSON server. */
  readonly oip: OpenInference;
  /** Maps thrown platform errors to gRPC statuses. */
  readonly handlers: HandlerFactory;
}

type ContentsField = keyof InferTensorContents__Output;

/** The typed `contents` field that carries each OIP datatype (FP16 and BF16 travel only as raw bytes). */
const CONTENTS_FIELD: Readonly<Record<string, ContentsField>> = {
  BOOL: 'bool_contents',
  INT8: 'int_contents',
  INT16: 'int_contents',
  INT32: 'int_contents',
  INT64: 'int64_contents',
  UINT8: 'uint_contents',
  UINT16: 'uint_contents',
  UINT32: 'uint_contents',
  UINT64: 'uint64_contents',
  FP32: 'fp32_contents',
  FP64: 'fp64_contents',
  BYTES: 'bytes_contents',
};

const CONTENTS_FIELDS: readonly ContentsField[] = [
  'bool_contents',
  'int_contents',
  'int64_contents',
  'uint_contents',
  'uint64_contents',
  'fp32_contents',
  'fp64_contents',
  'bytes_contents',
];

const setFields = (contents: InferTensorContents__Output | null): ContentsField[] => CONTENTS_FIELDS.filter((field) => (contents?.[field]?.length ?? 0) > 0);

/** One input's values: its raw bytes, or the typed contents field of its datatype. */
function tensorData(tensor: InferInputTensor__Output, index: number, raw: readonly Buffer[]): TensorData {
  const field = `inputs[${index}] "${tensor.name}"`;
  const set = setFields(tensor.contents);
  if (raw.length > 0) {
    if (set.length > 0) {
      throw new InvalidArgumentError(field, `sets contents.${set[0]}, but the request carries raw_input_contents; send every input's values one way`);
    }
    return { kind: 'raw', bytes: raw[index]!, source: `raw_input_contents[${index}]` };
  }
  const expected = CONTENTS_FIELD[tensor.datatype];
  // An unknown datatype is reported by the datatype check; any values will do until then.
  if (expected === undefined) return { kind: 'values', values: [], source: 'contents' };
  const stray = set.find((candidate) => candidate !== expected);
  if (stray) throw new InvalidArgumentError(field, `sets contents.${stray}, but ${tensor.datatype} values travel in contents.${expected}`);
  return { kind: 'values', values: tensor.contents?.[expected] ?? [], source: `contents.${expected}` };
}

/** A ModelInfer request in transport-independent form; checks what only the gRPC form can get wrong. */
function inferRequestOf(request: ModelInferRequest__Output): InferRequest {
  const raw = request.raw_input_contents;
  if (raw.length > 0 && raw.length !== request.inputs.length) {
    throw new InvalidArgumentError(
      'raw_input_contents',
      `has ${raw.length} entr${raw.length === 1 ? 'y' : 'ies'} for ${request.inputs.length} input${request.inputs.length === 1 ? '' : 's'}; send one per input, in the order of inputs`,
    );
  }
  return {
    modelName: request.model_name,
    modelVersion: request.model_version,
    id: request.id,
    inputs: request.inputs.map((tensor, index) => ({ name: tensor.name, datatype: tensor.datatype, shape: tensor.shape.map(Number), data: tensorData(tensor, index, raw) })),
    outputs: request.outputs.map((output) => output.name),
  };
}

const isFalse = (parameter: InferParameter__Output | undefined) => parameter?.parameter_choice === 'bool_param' && parameter.bool_param === false;

/**
 * Outputs travel as raw little-endian bytes in `raw_output_contents` (Triton's default),
 * unless the request asks for typed contents: a request parameter `binary_data_output: false`,
 * or `binary_data: false` on every output it names.
 */
function wantsTypedContents(request: ModelInferRequest__Output): boolean {
  if (isFalse(request.parameters['binary_data_output'])) return true;
  return request.outputs.length > 0 && request.outputs.every((output) => isFalse(output.parameters['binary_data']));
}

/** The ModelInfer response for a result. */
function inferResponseOf(result: InferResult, typed: boolean): ModelInferResponse {
  const outputs = result.outputs.map((output) => ({
    name: output.name,
    datatype: output.datatype,
    shape: [...output.shape],
    parameters: {},
    contents: typed ? ({ fp32_contents: Array.from(output.values) } satisfies InferTensorContents) : null,
  }));
  return {
    model_name: result.modelName,
    model_version: result.modelVersion,
    id: result.id,
    parameters: {},
    outputs,
    raw_output_contents: typed ? [] : result.outputs.map((output) => float32ToBytes(output.values)),
  };
}

/** The `inference.GRPCInferenceService` handlers (Open Inference Protocol v2). */
export function createGrpcInferenceService({ oip, handlers }: GrpcInferenceServiceDependencies): GRPCInferenceServiceHandlers {
  return {
    ServerLive: handlers.unary('ServerLive', async () => ({ live: oip.live() })),
    ServerReady: handlers.unary('ServerReady', async () => ({ ready: await oip.ready() })),
    ModelReady: handlers.unary('ModelReady', async (request: ModelReadyRequest__Output) => ({ ready: await oip.modelReady(request.name, request.version) })),
    ServerMetadata: handlers.unary('ServerMetadata', async () => {
      const metadata = oip.serverMetadata();
      return { ...metadata, extensions: [...metadata.extensions] };
    }),
    ModelMetadata: handlers.unary('ModelMetadata', async (request: ModelMetadataRequest__Output) => {
      const metadata = await oip.modelMetadata(request.name, request.version);
      const tensors = (list: typeof metadata.inputs) => list.map((tensor) => ({ ...tensor, shape: [...tensor.shape] }));
      return { ...metadata, versions: [...metadata.versions], inputs: tensors(metadata.inputs), outputs: tensors(metadata.outputs) };
    }),
    ModelInfer: handlers.unary('ModelInfer', async (request: ModelInferRequest__Output, call) =>
      inferResponseOf(await oip.infer(inferRequestOf(request), deadlineOf(call)), wantsTypedContents(request)),
    ),
  };
}
