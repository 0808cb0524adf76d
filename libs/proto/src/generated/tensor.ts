import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Tensor as _aiaas_v1_Tensor, Tensor__Output as _aiaas_v1_Tensor__Output } from './aiaas/v1/Tensor';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  aiaas: {
    v1: {
      DataType: EnumTypeDefinition
      Tensor: MessageTypeDefinition<_aiaas_v1_Tensor, _aiaas_v1_Tensor__Output>
    }
  }
}

