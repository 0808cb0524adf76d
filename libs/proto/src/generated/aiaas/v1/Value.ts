// Original file: protos/aiaas/v1/record.proto


export interface Value {
  'number_value'?: (number | string);
  'string_value'?: (string);
  'bool_value'?: (boolean);
  'null_value'?: (boolean);
  'kind'?: "number_value"|"string_value"|"bool_value"|"null_value";
}

export interface Value__Output {
  'number_value'?: (number);
  'string_value'?: (string);
  'bool_value'?: (boolean);
  'null_value'?: (boolean);
  'kind'?: "number_value"|"string_value"|"bool_value"|"null_value";
}
