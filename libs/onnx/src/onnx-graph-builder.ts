import { ONNX_ATTRIBUTE_TYPE, ONNX_DATA_TYPE } from './onnx-schema';

/** Element types of the values an exported graph carries. */
export type OnnxElementType = keyof typeof ONNX_DATA_TYPE;

/** One node attribute, typed as ONNX types it (`attr.int(1)` and `attr.float(1)` differ). */
export type OnnxAttribute =
  | { readonly type: 'int'; readonly value: number }
  | { readonly type: 'float'; readonly value: number }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'ints'; readonly value: readonly number[] }
  | { readonly type: 'floats'; readonly value: readonly number[] }
  | { readonly type: 'strings'; readonly value: readonly string[] };

/** Constructors of node attributes. */
export const attr = {
  int: (value: number): OnnxAttribute => ({ type: 'int', value }),
  float: (value: number): OnnxAttribute => ({ type: 'float', value }),
  string: (value: string): OnnxAttribute => ({ type: 'string', value }),
  ints: (value: readonly number[]): OnnxAttribute => ({ type: 'ints', value }),
  floats: (value: readonly number[]): OnnxAttribute => ({ type: 'floats', value }),
  strings: (value: readonly string[]): OnnxAttribute => ({ type: 'strings', value }),
};

/** A graph input or output: name, element type and shape (`null` for a dimension fixed only at run time). */
export interface OnnxValueInfo {
  readonly name: string;
  readonly elementType: OnnxElementType;
  readonly shape: readonly (number | null)[];
}

/** Plain objects in the shape of `onnx.*Proto` messages, for protobufjs to encode. */
interface AttributeMessage {
  name: string;
  type: number;
  i?: number;
  f?: number;
  s?: Uint8Array;
  ints?: number[];
  floats?: number[];
  strings?: Uint8Array[];
}
interface NodeMessage {
  input: string[];
  output: string[];
  name: string;
  op_type: string;
  attribute: AttributeMessage[];
}
interface TensorMessage {
  name: string;
  dims: number[];
  data_type: number;
  raw_data: Uint8Array;
}

/** The parts of a `GraphProto` a builder collects; `toGraph` adds name and inputs/outputs. */
export interface OnnxGraphMessage {
  name: string;
  node: NodeMessage[];
  initializer: TensorMessage[];
  input: unknown[];
  output: unknown[];
}

const utf8 = new TextEncoder();

function attributeMessage(name: string, attribute: OnnxAttribute): AttributeMessage {
  switch (attribute.type) {
    case 'int':
      if (!Number.isSafeInteger(attribute.value)) throw new Error(`attribute ${name} must be an integer, got ${attribute.value}`);
      return { name, type: ONNX_ATTRIBUTE_TYPE.INT, i: attribute.value };
    case 'float':
      return { name, type: ONNX_ATTRIBUTE_TYPE.FLOAT, f: attribute.value };
    case 'string':
      return { name, type: ONNX_ATTRIBUTE_TYPE.STRING, s: utf8.encode(attribute.value) };
    case 'ints':
      if (!attribute.value.every(Number.isSafeInteger)) throw new Error(`attribute ${name} must hold integers, got ${attribute.value.join(', ')}`);
      return { name, type: ONNX_ATTRIBUTE_TYPE.INTS, ints: [...attribute.value] };
    case 'floats':
      return { name, type: ONNX_ATTRIBUTE_TYPE.FLOATS, floats: [...attribute.value] };
    case 'strings':
      return { name, type: ONNX_ATTRIBUTE_TYPE.STRINGS, strings: attribute.value.map((value) => utf8.encode(value)) };
  }
}

function valueInfoMessage(info: OnnxValueInfo): unknown {
  return {
    name: info.name,
    type: {
      tensor_type: {
        elem_type: ONNX_DATA_TYPE[info.elementType],
        shape: { dim: info.shape.map((size, axis) => (size === null ? (axis === 0 ? { dim_param: 'batch' } : {}) : { dim_value: size })) },
      },
    },
  };
}

/** Little-endian bytes of tensor data, whatever the host's byte order. */
function littleEndianBytes(elementType: OnnxElementType, values: ArrayLike<number>): Uint8Array {
  const width = elementType === 'bool' ? 1 : elementType === 'int64' ? 8 : 4;
  const bytes = new Uint8Array(values.length * width);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    switch (elementType) {
      case 'float32':
        view.setFloat32(index * 4, value, true);
        break;
      case 'int32':
        view.setInt32(index * 4, value, true);
        break;
      case 'int64':
        view.setBigInt64(index * 8, BigInt(value), true);
        break;
      case 'bool':
        view.setUint8(index, value ? 1 : 0);
        break;
    }
  }
  return bytes;
}

/**
 * Collects the nodes and initializers of one ONNX graph in the order they are added (which must
 * be topological), handing out value names that are unique in the graph and depend only on the
 * names asked for and the order of the calls, so the same model always gives the same bytes.
 */
export class OnnxGraphBuilder {
  private readonly nodes: NodeMessage[] = [];
  private readonly initializers: TensorMessage[] = [];
  private readonly taken = new Set<string>();

  /** `base` if no value or node has that name yet, else `base_2`, `base_3`, … */
  uniqueName(base: string): string {
    let candidate = base;
    for (let suffix = 2; this.taken.has(candidate); suffix++) candidate = `${base}_${suffix}`;
    this.taken.add(candidate);
    return candidate;
  }

  /**
   * Adds a node and returns the names of its outputs: `outputs` names each of them (made
   * unique), `${name}` the only one or `${name}_<i>` when there are several. An empty string
   * in `inputs` leaves an optional input out, as ONNX does.
   */
  node(opType: string, inputs: readonly string[], name: string, options: { readonly outputs?: number | readonly string[]; readonly attributes?: Readonly<Record<string, OnnxAttribute>> } = {}): string[] {
    const requested = options.outputs ?? 1;
    const outputNames = typeof requested === 'number' ? Array.from({ length: requested }, (_, index) => (requested === 1 ? name : `${name}_${index}`)) : requested;
    const output = outputNames.map((outputName) => (outputName === '' ? '' : this.uniqueName(outputName)));
    const attribute = Object.entries(options.attributes ?? {}).map(([attributeName, value]) => attributeMessage(attributeName, value));
    this.nodes.push({ input: [...inputs], output, name: this.uniqueName(`${name}/${opType}`), op_type: opType, attribute });
    return output;
  }

  /** Adds a node with one output and returns its name. */
  op(opType: string, inputs: readonly string[], name: string, attributes: Readonly<Record<string, OnnxAttribute>> = {}): string {
    return this.node(opType, inputs, name, { attributes })[0]!;
  }

  /** Adds a constant tensor (an initializer) and returns its name. */
  constant(name: string, elementType: OnnxElementType, dims: readonly number[], values: ArrayLike<number>): string {
    const size = dims.reduce((product, size) => product * size, 1);
    if (size !== values.length) throw new Error(`constant ${name} has ${values.length} values for shape [${dims.join(', ')}]`);
    const unique = this.uniqueName(name);
    this.initializers.push({ name: unique, dims: [...dims], data_type: ONNX_DATA_TYPE[elementType], raw_data: littleEndianBytes(elementType, values) });
    return unique;
  }

  /** A 1-D int64 constant: axes, shapes, starts and ends of slices. */
  int64s(name: string, values: readonly number[]): string {
    return this.constant(name, 'int64', [values.length], values);
  }

  /** A float32 scalar constant. */
  scalar(name: string, value: number): string {
    return this.constant(name, 'float32', [], [value]);
  }

  /** The `GraphProto` message, with the given name, inputs and outputs. */
  toGraph(name: string, inputs: readonly OnnxValueInfo[], outputs: readonly OnnxValueInfo[]): OnnxGraphMessage {
    return { name, node: this.nodes, initializer: this.initializers, input: inputs.map(valueInfoMessage), output: outputs.map(valueInfoMessage) };
  }
}
