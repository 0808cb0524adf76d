import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { CategoricalEncoding as _aiaas_v1_CategoricalEncoding, CategoricalEncoding__Output as _aiaas_v1_CategoricalEncoding__Output } from './aiaas/v1/CategoricalEncoding';
import type { ColumnPreprocessing as _aiaas_v1_ColumnPreprocessing, ColumnPreprocessing__Output as _aiaas_v1_ColumnPreprocessing__Output } from './aiaas/v1/ColumnPreprocessing';
import type { IdEncoding as _aiaas_v1_IdEncoding, IdEncoding__Output as _aiaas_v1_IdEncoding__Output } from './aiaas/v1/IdEncoding';
import type { Imputation as _aiaas_v1_Imputation, Imputation__Output as _aiaas_v1_Imputation__Output } from './aiaas/v1/Imputation';
import type { NumericEncoding as _aiaas_v1_NumericEncoding, NumericEncoding__Output as _aiaas_v1_NumericEncoding__Output } from './aiaas/v1/NumericEncoding';
import type { OutlierClipping as _aiaas_v1_OutlierClipping, OutlierClipping__Output as _aiaas_v1_OutlierClipping__Output } from './aiaas/v1/OutlierClipping';
import type { PreprocessingSpec as _aiaas_v1_PreprocessingSpec, PreprocessingSpec__Output as _aiaas_v1_PreprocessingSpec__Output } from './aiaas/v1/PreprocessingSpec';
import type { QuantileClipping as _aiaas_v1_QuantileClipping, QuantileClipping__Output as _aiaas_v1_QuantileClipping__Output } from './aiaas/v1/QuantileClipping';
import type { TextEncoding as _aiaas_v1_TextEncoding, TextEncoding__Output as _aiaas_v1_TextEncoding__Output } from './aiaas/v1/TextEncoding';
import type { ZScoreClipping as _aiaas_v1_ZScoreClipping, ZScoreClipping__Output as _aiaas_v1_ZScoreClipping__Output } from './aiaas/v1/ZScoreClipping';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  aiaas: {
    v1: {
      CategoricalEncoding: MessageTypeDefinition<_aiaas_v1_CategoricalEncoding, _aiaas_v1_CategoricalEncoding__Output>
      ColumnPreprocessing: MessageTypeDefinition<_aiaas_v1_ColumnPreprocessing, _aiaas_v1_ColumnPreprocessing__Output>
      IdEncoding: MessageTypeDefinition<_aiaas_v1_IdEncoding, _aiaas_v1_IdEncoding__Output>
      Imputation: MessageTypeDefinition<_aiaas_v1_Imputation, _aiaas_v1_Imputation__Output>
      NumericEncoding: MessageTypeDefinition<_aiaas_v1_NumericEncoding, _aiaas_v1_NumericEncoding__Output>
      OutlierClipping: MessageTypeDefinition<_aiaas_v1_OutlierClipping, _aiaas_v1_OutlierClipping__Output>
      PreprocessingSpec: MessageTypeDefinition<_aiaas_v1_PreprocessingSpec, _aiaas_v1_PreprocessingSpec__Output>
      QuantileClipping: MessageTypeDefinition<_aiaas_v1_QuantileClipping, _aiaas_v1_QuantileClipping__Output>
      Task: EnumTypeDefinition
      TextEncoding: MessageTypeDefinition<_aiaas_v1_TextEncoding, _aiaas_v1_TextEncoding__Output>
      ZScoreClipping: MessageTypeDefinition<_aiaas_v1_ZScoreClipping, _aiaas_v1_ZScoreClipping__Output>
    }
  }
}

