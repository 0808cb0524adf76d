// Original file: protos/aiaas/v1/model.proto


export interface ListModelsRequest {
}

export interface ListModelsRequest__Output {
}
