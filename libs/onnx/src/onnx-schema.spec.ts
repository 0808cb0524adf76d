import { ONNX_ATTRIBUTE_TYPE, ONNX_DATA_TYPE, onnxModelProto } from './onnx-schema';

/** Field numbers as onnx/onnx.proto (ONNX 1.10+, IR 8 and later) declares them. */
const OFFICIAL_FIELDS: Record<string, Record<string, number>> = {
  ModelProto: { ir_version: 1, opset_import: 8, producer_name: 2, producer_version: 3, domain: 4, model_version: 5, doc_string: 6, graph: 7, metadata_props: 14 },
  GraphProto: { node: 1, name: 2, initializer: 5, doc_string: 10, input: 11, output: 12, value_info: 13 },
  NodeProto: { input: 1, output: 2, name: 3, op_type: 4, domain: 7, attribute: 5, doc_string: 6 },
  AttributeProto: { name: 1, ref_attr_name: 21, doc_string: 13, type: 20, f: 2, i: 3, s: 4, t: 5, g: 6, floats: 7, ints: 8, strings: 9, tensors: 10, graphs: 11 },
  TensorProto: { dims: 1, data_type: 2, float_data: 4, int32_data: 5, string_data: 6, int64_data: 7, name: 8, doc_string: 12, raw_data: 9, double_data: 10, uint64_data: 11 },
  ValueInfoProto: { name: 1, type: 2, doc_string: 3 },
  TypeProto: { tensor_type: 1, denotation: 6 },
  'TypeProto.Tensor': { elem_type: 1, shape: 2 },
  TensorShapeProto: { dim: 1 },
  'TensorShapeProto.Dimension': { dim_value: 1, dim_param: 2, denotation: 3 },
  OperatorSetIdProto: { domain: 1, version: 2 },
  StringStringEntryProto: { key: 1, value: 2 },
};

describe('the ONNX schema subset', () => {
  // protobufjs resolves field options (packed encoding among them) lazily.
  const root = onnxModelProto().root.resolveAll();

  it.each(Object.entries(OFFICIAL_FIELDS))('%s has the official field numbers', (message, fields) => {
    const type = root.lookupType(`onnx.${message}`);
    expect(Object.fromEntries(Object.keys(fields).map((field) => [field, type.fields[field]?.id]))).toEqual(fields);
  });

  it('has the official enum values for data and attribute types', () => {
    const dataType = root.lookupEnum('onnx.TensorProto.DataType').values;
    expect([dataType['FLOAT'], dataType['INT32'], dataType['INT64'], dataType['BOOL']]).toEqual([ONNX_DATA_TYPE.float32, ONNX_DATA_TYPE.int32, ONNX_DATA_TYPE.int64, ONNX_DATA_TYPE.bool]);
    expect(dataType).toMatchObject({ UNDEFINED: 0, FLOAT: 1, UINT8: 2, INT8: 3, UINT16: 4, INT16: 5, INT32: 6, INT64: 7, STRING: 8, BOOL: 9, FLOAT16: 10, DOUBLE: 11, UINT32: 12, UINT64: 13, COMPLEX64: 14, COMPLEX128: 15, BFLOAT16: 16 });
    const attributeType = root.lookupEnum('onnx.AttributeProto.AttributeType').values;
    expect(attributeType).toMatchObject({ UNDEFINED: 0, FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, GRAPH: 5, FLOATS: 6, INTS: 7, STRINGS: 8, TENSORS: 9, GRAPHS: 10 });
    expect(Object.entries(ONNX_ATTRIBUTE_TYPE).every(([name, value]) => attributeType[name] === value)).toBe(true);
    expect(root.lookupEnum('onnx.Version').values).toMatchObject({ IR_VERSION_2021_7_30: 8, IR_VERSION_2023_5_5: 9 });
  });

  it('packs the numeric tensor fields as onnx.proto declares', () => {
    const tensor = root.lookupType('onnx.TensorProto');
    expect(['float_data', 'int32_data', 'int64_data', 'double_data', 'uint64_data'].every((field) => tensor.fields[field]!.packed)).toBe(true);
    expect(tensor.fields['dims']!.packed).toBe(false);
  });
});
