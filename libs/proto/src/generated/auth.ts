import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ApiKey as _aiaas_v1_ApiKey, ApiKey__Output as _aiaas_v1_ApiKey__Output } from './aiaas/v1/ApiKey';
import type { CreateApiKeyRequest as _aiaas_v1_CreateApiKeyRequest, CreateApiKeyRequest__Output as _aiaas_v1_CreateApiKeyRequest__Output } from './aiaas/v1/CreateApiKeyRequest';
import type { CreatedApiKey as _aiaas_v1_CreatedApiKey, CreatedApiKey__Output as _aiaas_v1_CreatedApiKey__Output } from './aiaas/v1/CreatedApiKey';
import type { ListApiKeysRequest as _aiaas_v1_ListApiKeysRequest, ListApiKeysRequest__Output as _aiaas_v1_ListApiKeysRequest__Output } from './aiaas/v1/ListApiKeysRequest';
import type { ListApiKeysResponse as _aiaas_v1_ListApiKeysResponse, ListApiKeysResponse__Output as _aiaas_v1_ListApiKeysResponse__Output } from './aiaas/v1/ListApiKeysResponse';
import type { RevokeApiKeyRequest as _aiaas_v1_RevokeApiKeyRequest, RevokeApiKeyRequest__Output as _aiaas_v1_RevokeApiKeyRequest__Output } from './aiaas/v1/RevokeApiKeyRequest';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  aiaas: {
    v1: {
      ApiKey: MessageTypeDefinition<_aiaas_v1_ApiKey, _aiaas_v1_ApiKey__Output>
      CreateApiKeyRequest: MessageTypeDefinition<_aiaas_v1_CreateApiKeyRequest, _aiaas_v1_CreateApiKeyRequest__Output>
      CreatedApiKey: MessageTypeDefinition<_aiaas_v1_CreatedApiKey, _aiaas_v1_CreatedApiKey__Output>
      ListApiKeysRequest: MessageTypeDefinition<_aiaas_v1_ListApiKeysRequest, _aiaas_v1_ListApiKeysRequest__Output>
      ListApiKeysResponse: MessageTypeDefinition<_aiaas_v1_ListApiKeysResponse, _aiaas_v1_ListApiKeysResponse__Output>
      RevokeApiKeyRequest: MessageTypeDefinition<_aiaas_v1_RevokeApiKeyRequest, _aiaas_v1_RevokeApiKeyRequest__Output>
      Role: EnumTypeDefinition
    }
  }
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
}

