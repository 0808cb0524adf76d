// Original file: protos/aiaas/v1/worker.proto


export interface DescribeWorkerRequest {
}

export interface DescribeWorkerRequest__Output {
}
