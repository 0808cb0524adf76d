// Original file: protos/aiaas/v1/model.proto


export interface BackendSupport {
  'backend'?: (string);
  'status'?: (string);
  'missing_kernels'?: (string)[];
}

export interface BackendSupport__Output {
  'backend': (string);
  'status': (string);
  'missing_kernels': (string)[];
}
