import type { OnnxDtype, OnnxTensorInfo } from './export-to-onnx';
import { ONNX_DATA_TYPE } from './onnx-schema';
import { onnxModelProto } from './onnx-schema';

/** What an ONNX model declares about itself, read back from its bytes. */
export interface OnnxModelSummary {
  readonly irVersion: number;
  /** Version of the default-domain operator set it imports. */
  readonly opsetVersion: number;
  readonly producerName: string;
  readonly graphName: string;
  readonly inputs: readonly OnnxTensorInfo[];
  readonly outputs: readonly OnnxTensorInfo[];
  /** Operator types of its nodes, each once, in order of first use. */
  readonly operators: readonly string[];
  readonly nodeCount: number;
  readonly initializerCount: number;
}

interface DecodedValueInfo {
  name: string;
  type?: { tensor_type?: { elem_type?: number; shape?: { dim?: { dim_value?: number; dim_param?: string }[] } } };
}

interface DecodedModel {
  ir_version?: number;
  producer_name?: string;
  opset_import?: { domain?: string; version?: number }[];
  graph?: { name?: string; node?: { op_type?: string }[]; initializer?: unknown[]; input?: DecodedValueInfo[]; output?: DecodedValueInfo[] };
}

const DTYPES = new Map<number, OnnxDtype>([
  [ONNX_DATA_TYPE.float32, 'float32'],
  [ONNX_DATA_TYPE.int32, 'int32'],
]);

function tensorInfo(value: DecodedValueInfo): OnnxTensorInfo {
  const tensorType = value.type?.tensor_type;
  const dtype = DTYPES.get(tensorType?.elem_type ?? 0);
  if (!dtype) throw new Error(`value ${value.name} has element type ${tensorType?.elem_type}, not float32 or int32`);
  return { name: value.name, dtype, shape: (tensorType?.shape?.dim ?? []).map((dim) => (dim.dim_value === undefined ? null : dim.dim_value)) };
}

/**
 * Decodes an `onnx.ModelProto` (with the schema subset `exportToOnnx` writes) and summarises
 * it: versions, graph inputs and outputs as `OnnxTensorInfo`, operators used. Throws when the
 * bytes are not a model, or an input or output is not a float32 or int32 tensor.
 */
export function decodeOnnxModel(bytes: Uint8Array): OnnxModelSummary {
  const type = onnxModelProto();
  const model = type.toObject(type.decode(bytes), { longs: Number, defaults: false, arrays: true }) as DecodedModel;
  const graph = model.graph;
  if (!graph) throw new Error('the bytes hold no ONNX graph');
  const operators = [...new Set((graph.node ?? []).map((node) => node.op_type ?? ''))];
  return {
    irVersion: model.ir_version ?? 0,
    opsetVersion: model.opset_import?.find((opset) => (opset.domain ?? '') === '')?.version ?? 0,
    producerName: model.producer_name ?? '',
    graphName: graph.name ?? '',
    inputs: (graph.input ?? []).map(tensorInfo),
    outputs: (graph.output ?? []).map(tensorInfo),
    operators,
    nodeCount: graph.node?.length ?? 0,
    initializerCount: graph.initializer?.length ?? 0,
  };
}
