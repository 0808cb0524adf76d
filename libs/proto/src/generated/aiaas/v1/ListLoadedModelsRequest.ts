// Original file: protos/aiaas/v1/inference.proto


export interface ListLoadedModelsRequest {
}

export interface ListLoadedModelsRequest__Output {
}
