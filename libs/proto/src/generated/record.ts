import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Record as _aiaas_v1_Record, Record__Output as _aiaas_v1_Record__Output } from './aiaas/v1/Record';
import type { RecordBatch as _aiaas_v1_RecordBatch, RecordBatch__Output as _aiaas_v1_RecordBatch__Output } from './aiaas/v1/RecordBatch';
import type { Value as _aiaas_v1_Value, Value__Output as _aiaas_v1_Value__Output } from './aiaas/v1/Value';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  aiaas: {
    v1: {
      Record: MessageTypeDefinition<_aiaas_v1_Record, _aiaas_v1_Record__Output>
      RecordBatch: MessageTypeDefinition<_aiaas_v1_RecordBatch, _aiaas_v1_RecordBatch__Output>
      Value: MessageTypeDefinition<_aiaas_v1_Value, _aiaas_v1_Value__Output>
    }
  }
}

