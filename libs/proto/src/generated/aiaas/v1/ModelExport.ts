// Original file: protos/aiaas/v1/predict.proto

import type { ExportedTensor as _aiaas_v1_ExportedTensor, ExportedTensor__Output as _aiaas_v1_ExportedTensor__Output } from '../../aiaas/v1/ExportedTensor';

export interface ModelExport {
  'model_name'?: (string);
  'version'?: (number);
  'onnx'?: (Buffer | Uint8Array | string);
  'inputs'?: (_aiaas_v1_ExportedTensor)[];
  'outputs'?: (_aiaas_v1_ExportedTensor)[];
}

export interface ModelExport__Output {
  'model_name': (string);
  'version': (number);
  'onnx': (Buffer);
  'inputs': (_aiaas_v1_ExportedTensor__Output)[];
  'outputs': (_aiaas_v1_ExportedTensor__Output)[];
}
