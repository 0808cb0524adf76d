import * as protobuf from 'protobufjs';

/**
 * The subset of ONNX's `onnx/onnx.proto` (package `onnx`, proto2) that an exported model uses.
 * Message names, field names, field numbers, labels and enum values are the official ones, so
 * any ONNX reader parses the bytes; fields and messages this library never writes (sparse
 * tensors, training info, functions, sequence/map types, …) are left out, which proto2 allows:
 * a reader sees them as absent.
 */
export const ONNX_PROTO_SUBSET = `
syntax = "proto2";
package onnx;

enum Version {
  _START_VERSION = 0;
  IR_VERSION_2017_10_10 = 1;
  IR_VERSION_2017_10_30 = 2;
  IR_VERSION_2017_11_3 = 3;
  IR_VERSION_2019_1_22 = 4;
  IR_VERSION_2019_3_18 = 5;
  IR_VERSION_2019_9_19 = 6;
  IR_VERSION_2020_5_8 = 7;
  IR_VERSION_2021_7_30 = 8;
  IR_VERSION_2023_5_5 = 9;
}

message AttributeProto {
  enum AttributeType {
    UNDEFINED = 0;
    FLOAT = 1;
    INT = 2;
    STRING = 3;
    TENSOR = 4;
    GRAPH = 5;
    SPARSE_TENSOR = 11;
    TYPE_PROTO = 13;
    FLOATS = 6;
    INTS = 7;
    STRINGS = 8;
    TENSORS = 9;
    GRAPHS = 10;
    SPARSE_TENSORS = 12;
    TYPE_PROTOS = 14;
  }
  optional string name = 1;
  optional string ref_attr_name = 21;
  optional string doc_string = 13;
  optional AttributeType type = 20;
  optional float f = 2;
  optional int64 i = 3;
  optional bytes s = 4;
  optional TensorProto t = 5;
  optional GraphProto g = 6;
  repeated float floats = 7;
  repeated int64 ints = 8;
  repeated bytes strings = 9;
  repeated TensorProto tensors = 10;
  repeated GraphProto graphs = 11;
}

message ValueInfoProto {
  optional string name = 1;
  optional TypeProto type = 2;
  optional string doc_string = 3;
}

message NodeProto {
  repeated string input = 1;
  repeated string output = 2;
  optional string name = 3;
  optional string op_type = 4;
  optional string domain = 7;
  repeated AttributeProto attribute = 5;
  optional string doc_string = 6;
}

message ModelProto {
  optional int64 ir_version = 1;
  repeated OperatorSetIdProto opset_import = 8;
  optional string producer_name = 2;
  optional string producer_version = 3;
  optional string domain = 4;
  optional int64 model_version = 5;
  optional string doc_string = 6;
  optional GraphProto graph = 7;
  repeated StringStringEntryProto metadata_props = 14;
}

message StringStringEntryProto {
  optional string key = 1;
  optional string value = 2;
}

message GraphProto {
  repeated NodeProto node = 1;
  optional string name = 2;
  repeated TensorProto initializer = 5;
  optional string doc_string = 10;
  repeated ValueInfoProto input = 11;
  repeated ValueInfoProto output = 12;
  repeated ValueInfoProto value_info = 13;
}

message TensorProto {
  enum DataType {
    UNDEFINED = 0;
    FLOAT = 1;
    UINT8 = 2;
    INT8 = 3;
    UINT16 = 4;
    INT16 = 5;
    INT32 = 6;
    INT64 = 7;
    STRING = 8;
    BOOL = 9;
    FLOAT16 = 10;
    DOUBLE = 11;
    UINT32 = 12;
    UINT64 = 13;
    COMPLEX64 = 14;
    COMPLEX128 = 15;
    BFLOAT16 = 16;
  }
  repeated int64 dims = 1;
  optional int32 data_type = 2;
  repeated float float_data = 4 [packed = true];
  repeated int32 int32_data = 5 [packed = true];
  repeated bytes string_data = 6;
  repeated int64 int64_data = 7 [packed = true];
  optional string name = 8;
  optional string doc_string = 12;
  optional bytes raw_data = 9;
  repeated double double_data = 10 [packed = true];
  repeated uint64 uint64_data = 11 [packed = true];
}

message TensorShapeProto {
  message Dimension {
    oneof value {
      int64 dim_value = 1;
      string dim_param = 2;
    };
    optional string denotation = 3;
  };
  repeated Dimension dim = 1;
}

message TypeProto {
  message Tensor {
    optional int32 elem_type = 1;
    optional TensorShapeProto shape = 2;
  }
  oneof value {
    Tensor tensor_type = 1;
  }
  optional string denotation = 6;
}

message OperatorSetIdProto {
  optional string domain = 1;
  optional int64 version = 2;
}
`;

/** ONNX element types (`TensorProto.DataType`) this library reads or writes. */
export const ONNX_DATA_TYPE = {
  float32: 1,
  int32: 6,
  int64: 7,
  bool: 9,
} as const;

/** `AttributeProto.AttributeType` values of the attributes this library writes. */
export const ONNX_ATTRIBUTE_TYPE = {
  FLOAT: 1,
  INT: 2,
  STRING: 3,
  FLOATS: 6,
  INTS: 7,
  STRINGS: 8,
} as const;

// A cache of an immutable, parsed schema (no state), so each export does not parse it again.
let root: protobuf.Root | undefined;

/** The `onnx.ModelProto` message type, parsed once from `ONNX_PROTO_SUBSET`. */
export function onnxModelProto(): protobuf.Type {
  root ??= protobuf.parse(ONNX_PROTO_SUBSET, { keepCase: true }).root;
  return root.lookupType('onnx.ModelProto');
}
