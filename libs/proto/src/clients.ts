import { credentials, InterceptingCall, status, type ChannelCredentials, type ChannelOptions, type Client, type Interceptor, type Metadata } from '@grpc/grpc-js';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { DEFAULT_CALL_POLICY, invokeUnary, type CallPolicy, type UnaryStarter } from './call-policy';
import { invokeBidiStream, invokeClientStream, readServerStream } from './client-streams';
import { loadAiaasProtos } from './proto-loader';
import type { Dataset__Output } from './generated/aiaas/v1/Dataset';
import type { DatasetStatistics__Output } from './generated/aiaas/v1/DatasetStatistics';
import type { ImportDatasetRequest } from './generated/aiaas/v1/ImportDatasetRequest';
import type { PreviewDatasetRequest } from './generated/aiaas/v1/PreviewDatasetRequest';
import type { PreviewDatasetResponse__Output } from './generated/aiaas/v1/PreviewDatasetResponse';
import type { GatewayServiceClient } from './generated/aiaas/v1/GatewayService';
import type { EvaluateModelRequest } from './generated/aiaas/v1/EvaluateModelRequest';
import type { Evaluation__Output } from './generated/aiaas/v1/Evaluation';
import type { EvaluationServiceClient } from './generated/aiaas/v1/EvaluationService';
import type { GetModelReportRequest } from './generated/aiaas/v1/GetModelReportRequest';
import type { InferenceServiceClient } from './generated/aiaas/v1/InferenceService';
import type { ModelReport__Output } from './generated/aiaas/v1/ModelReport';
import type { ExportModelRequest } from './generated/aiaas/v1/ExportModelRequest';
import type { ModelExport__Output } from './generated/aiaas/v1/ModelExport';
import type { SetTrafficSplitRequest } from './generated/aiaas/v1/SetTrafficSplitRequest';
import type { Job__Output } from './generated/aiaas/v1/Job';
import type { JobEvent__Output } from './generated/aiaas/v1/JobEvent';
import type { Model__Output } from './generated/aiaas/v1/Model';
import type { StartShadowRequest } from './generated/aiaas/v1/StartShadowRequest';
import type { ApiKey__Output } from './generated/aiaas/v1/ApiKey';
import type { ListRequest } from './generated/aiaas/v1/ListRequest';
import type { ListDatasetsResponse__Output } from './generated/aiaas/v1/ListDatasetsResponse';
import type { ListJobsResponse__Output } from './generated/aiaas/v1/ListJobsResponse';
import type { CreateApiKeyRequest } from './generated/aiaas/v1/CreateApiKeyRequest';
import type { CreatedApiKey__Output } from './generated/aiaas/v1/CreatedApiKey';
import type { ListApiKeysResponse__Output } from './generated/aiaas/v1/ListApiKeysResponse';
import type { SetVersionPolicyRequest } from './generated/aiaas/v1/SetVersionPolicyRequest';
import type { SetAliasRequest } from './generated/aiaas/v1/SetAliasRequest';
import type { RollbackAliasRequest } from './generated/aiaas/v1/RollbackAliasRequest';
import type { PredictRequest } from './generated/aiaas/v1/PredictRequest';
import type { PredictResponse__Output } from './generated/aiaas/v1/PredictResponse';
import type { RecommendRequest } from './generated/aiaas/v1/RecommendRequest';
import type { RecommendResponse__Output } from './generated/aiaas/v1/RecommendResponse';
import type { TransformRecordsRequest } from './generated/aiaas/v1/TransformRecordsRequest';
import type { TransformRecordsResponse__Output } from './generated/aiaas/v1/TransformRecordsResponse';
import type { PreprocessingServiceClient } from './generated/aiaas/v1/PreprocessingService';
import type { StartPipelineRequest } from './generated/aiaas/v1/StartPipelineRequest';
import type { UploadDatasetRequest } from './generated/aiaas/v1/UploadDatasetRequest';
import type { WorkerInfo__Output } from './generated/aiaas/v1/WorkerInfo';

/** Options of every client factory. */
export interface ClientOptions {
  /** Deadlines and retries of unary calls. */
  readonly policy?: Partial<CallPolicy>;
  /** Deadline of streaming calls (uploads, watches), from their start. Default one hour. */
  readonly streamDeadlineMs?: number;
  /** Extra channel options. */
  readonly channelOptions?: ChannelOptions;
  /**
   * Sent with every call as `authorization: Bearer <key>` (the gateway's API keys): a key, or a
   * function asked at each call (a proxy forwarding each caller's key); nothing when it answers undefined.
   */
  readonly apiKey?: string | (() => string | undefined);
  /** TLS (`clientTlsCredentials`); plaintext when unset. */
  readonly credentials?: ChannelCredentials;
  /**
   * Asked at each call: a deadline (epoch ms) no call may outlive, such as that of the call a
   * server is serving (`currentCallDeadline`); a call's own deadline is cut to it.
   */
  readonly deadline?: () => number | undefined;
}

/** Cuts every call's deadline to `bound()`, when it answers one. */
function deadlineInterceptor(bound: () => number | undefined): Interceptor {
  return (options, nextCall) => {
    const limit = bound();
    const own = options.deadline === undefined ? Number.POSITIVE_INFINITY : options.deadline instanceof Date ? options.deadline.getTime() : options.deadline;
    return new InterceptingCall(nextCall(limit !== undefined && limit < own ? { ...options, deadline: new Date(limit) } : options));
  };
}

/** Adds the API key to the metadata of every call the client makes. */
function apiKeyInterceptor(key: string | (() => string | undefined)): Interceptor {
  return (options, nextCall) =>
    new InterceptingCall(nextCall(options), {
      start(metadata, listener, next) {
        const value = typeof key === 'function' ? key() : key;
        if (value !== undefined) metadata.set('authorization', `Bearer ${value}`);
        next(metadata, listener);
      },
    });
}

/** Looked up once: it follows the global tracer provider once a service starts tracing. */
const TRACER = trace.getTracer('aiaas');

const METADATA_SETTER = { set: (carrier: Metadata, key: string, value: string) => carrier.set(key, value) };

/**
 * Sends the caller's trace on as `traceparent` metadata, so the server's span joins it; when the
 * trace is recorded (exported), the call is a client span of it too. Outside a trace, or
 * without a propagator registered (a process that does not trace), it sends nothing. Calls are
 * the hot path: the unrecorded case allocates no span.
 */
function traceContextInterceptor(): Interceptor {
  return (options, nextCall) => {
    const caller = context.active();
    const callerSpan = trace.getSpan(caller);
    // Outside a trace there is nothing to pass on; inside one that is not recorded (nothing is
    // exported), passing the caller's context on is enough: a client span would never be seen.
    if (!callerSpan) return new InterceptingCall(nextCall(options));
    if (!callerSpan.isRecording()) {
      return new InterceptingCall(nextCall(options), {
        start(metadata, listener, next) {
          propagation.inject(caller, metadata, METADATA_SETTER);
          next(metadata, listener);
        },
      });
    }
    const path = options.method_definition.path;
    const [, service = '', method = ''] = path.split('/');
    const span = TRACER.startSpan(path.slice(1), { kind: SpanKind.CLIENT, attributes: { 'rpc.system': 'grpc', 'rpc.service': service, 'rpc.method': method } });
    const traced = trace.setSpan(caller, span);
    return new InterceptingCall(nextCall(options), {
      start(metadata, _listener, next) {
        propagation.inject(traced, metadata, METADATA_SETTER);
        next(metadata, {
          onReceiveStatus(received, nextStatus) {
            span.setAttribute('rpc.grpc.status_code', received.code);
            if (received.code !== status.OK) span.setStatus({ code: SpanStatusCode.ERROR, message: `${status[received.code]}: ${received.details}` });
            span.end();
            nextStatus(received);
          },
        });
      },
    });
  };
}

/** Predictions and uploads can be large; gRPC's 4 MiB default receive limit is too small. */
const DEFAULT_CHANNEL_OPTIONS: ChannelOptions = {
  'grpc.max_receive_message_length': 64 * 1024 * 1024,
  'grpc.max_send_message_length': 64 * 1024 * 1024,
};

/** A generated client class, as loaded from the protos. */
type ClientConstructor<Raw extends Client> = new (address: string, credentials: ChannelCredentials, options: ChannelOptions) => Raw;

abstract class TypedClient<Raw extends Client> {
  protected readonly raw: Raw;
  private readonly policy: CallPolicy;
  private readonly streamDeadlineMs: number;

  protected constructor(Service: ClientConstructor<Raw>, address: string, options: ClientOptions) {
    const chosen = [traceContextInterceptor(), ...(options.apiKey ? [apiKeyInterceptor(options.apiKey)] : []), ...(options.deadline ? [deadlineInterceptor(options.deadline)] : [])];
    const interceptors = { interceptors: chosen };
    // grpc-js takes interceptors among the client's options, beside the channel's.
    this.raw = new Service(address, options.credentials ?? credentials.createInsecure(), { ...DEFAULT_CHANNEL_OPTIONS, ...options.channelOptions, ...interceptors } as ChannelOptions);
    this.policy = { ...DEFAULT_CALL_POLICY, ...options.policy };
    this.streamDeadlineMs = options.streamDeadlineMs ?? 3_600_000;
  }

  /** `long` gives the call the streaming deadline, for unary calls that do a lot of work. */
  protected unary<Res>(start: UnaryStarter<Res>, idempotent: boolean, long = false): Promise<Res> {
    return invokeUnary(start, long ? { ...this.policy, deadlineMs: this.streamDeadlineMs } : this.policy, { idempotent });
  }

  protected streamDeadline(): Date {
    return new Date(Date.now() + this.streamDeadlineMs);
  }

  /** Closes the channel; calls in flight are cancelled. */
  close(): void {
    this.raw.close();
  }
}

/** The public API, as clients (the CLI, tests, users' programs) call it. */
export class GatewayClient extends TypedClient<GatewayServiceClient> {
  constructor(address: string, options: ClientOptions = {}) {
    super(loadAiaasProtos().grpc.aiaas.v1.GatewayService, address, options);
  }

  /** Streams a header then the file's chunks; resolves once the dataset is stored. */
  uploadDataset(messages: AsyncIterable<UploadDatasetRequest> | Iterable<UploadDatasetRequest>): Promise<Dataset__Output> {
    return invokeClientStream((md, options, callback) => this.raw.UploadDataset(md, options, callback), messages, this.streamDeadline());
  }

  /** The caller's tenant's datasets, newest first. */
  async listDatasets(request: ListRequest = {}): Promise<Dataset__Output[]> {
    return (await this.unary<ListDatasetsResponse__Output>((md, options, callback) => this.raw.ListDatasets(request, md, options, callback), true)).datasets;
  }

  /** The caller's tenant's jobs, newest first. */
  async listJobs(request: ListRequest = {}): Promise<Job__Output[]> {
    return (await this.unary<ListJobsResponse__Output>((md, options, callback) => this.raw.ListJobs(request, md, options, callback), true)).jobs;
  }

  getDataset(datasetId: string): Promise<Dataset__Output> {
    return this.unary((md, options, callback) => this.raw.GetDataset({ dataset_id: datasetId }, md, options, callback), true);
  }

  /** Not retried: a retry after a lost response would register the dataset twice. */
  importDataset(request: ImportDatasetRequest): Promise<Dataset__Output> {
    return this.unary((md, options, callback) => this.raw.ImportDataset(request, md, options, callback), false, true);
  }

  previewDataset(request: PreviewDatasetRequest): Promise<PreviewDatasetResponse__Output> {
    return this.unary((md, options, callback) => this.raw.PreviewDataset(request, md, options, callback), true);
  }

  getDatasetStats(datasetId: string): Promise<DatasetStatistics__Output> {
    return this.unary((md, options, callback) => this.raw.GetDatasetStats({ dataset_id: datasetId }, md, options, callback), true);
  }

  /** Not retried: a retry after a lost response would start a second pipeline. */
  startPipeline(request: StartPipelineRequest): Promise<Job__Output> {
    return this.unary((md, options, callback) => this.raw.StartPipeline(request, md, options, callback), false);
  }

  getJob(jobId: string): Promise<Job__Output> {
    return this.unary((md, options, callback) => this.raw.GetJob({ job_id: jobId }, md, options, callback), true);
  }
  /** Not retried: a second request would find the job already cancelled. */
  cancelJob(jobId: string): Promise<Job__Output> {
    return this.unary((md, options, callback) => this.raw.CancelJob({ job_id: jobId }, md, options, callback), false);
  }


  /**
   * The job's events from `afterSequence` on, ending after the JobFinished event. Aborting
   * `signal` cancels the call at once, where ending the iteration waits for the next event.
   */
  watchJob(jobId: string, afterSequence = 0, signal?: AbortSignal): AsyncGenerator<JobEvent__Output> {
    const call = this.raw.WatchJob({ job_id: jobId, after_sequence: afterSequence }, { deadline: this.streamDeadline() });
    if (signal?.aborted) call.cancel();
    else signal?.addEventListener('abort', () => call.cancel(), { once: true });
    return readServerStream(call);
  }

  async listModels(): Promise<Model__Output[]> {
    const response = await this.unary<{ models: Model__Output[] }>(
      (md, options, callback) => this.raw.ListModels({}, md, options, callback),
      true,
    );
    return response.models;
  }

  getModel(modelName: string): Promise<Model__Output> {
    return this.unary((md, options, callback) => this.raw.GetModel({ model_name: modelName }, md, options, callback), true);
  }

  /** Idempotent: setting the same split again changes nothing. */
  setTrafficSplit(request: SetTrafficSplitRequest): Promise<Model__Output> {
    return this.unary((md, options, callback) => this.raw.SetTrafficSplit(request, md, options, callback), true);
  }

  /** Not retried: a retry after a lost response would create a second key. */
  createApiKey(request: CreateApiKeyRequest): Promise<CreatedApiKey__Output> {
    return this.unary((md, options, callback) => this.raw.CreateApiKey(request, md, options, callback), false);
  }

  revokeApiKey(keyId: string): Promise<ApiKey__Output> {
    return this.unary((md, options, callback) => this.raw.RevokeApiKey({ key_id: keyId }, md, options, callback), true);
  }

  async listApiKeys(tenant = ''): Promise<ApiKey__Output[]> {
    return (await this.unary<ListApiKeysResponse__Output>((md, options, callback) => this.raw.ListApiKeys({ tenant }, md, options, callback), true)).api_keys;
  }

  /** Not retried: starting again replaces the shadow deployment and its tally. */
  startShadow(request: StartShadowRequest): Promise<Model__Output> {
    return this.unary((md, options, callback) => this.raw.StartShadow(request, md, options, callback), false);
  }

  /** Idempotent: pointing the alias at the same version again changes nothing. */
  setAlias(request: SetAliasRequest): Promise<Model__Output> {
    return this.unary((md, options, callback) => this.raw.SetAlias(request, md, options, callback), true);
  }

  /** Not retried: a retry after a lost response would roll back one move further. */
  rollbackAlias(request: RollbackAliasRequest): Promise<Model__Output> {
    return this.unary((md, options, callback) => this.raw.RollbackAlias(request, md, options, callback), false);
  }

  /** Idempotent: setting the same policy again changes nothing. */
  setVersionPolicy(request: SetVersionPolicyRequest): Promise<Model__Output> {
    return this.unary((md, options, callback) => this.raw.SetVersionPolicy(request, md, options, callback), true);
  }

  stopShadow(modelName: string): Promise<Model__Output> {
    return this.unary((md, options, callback) => this.raw.StopShadow({ model_name: modelName }, md, options, callback), false);
  }

  predict(request: PredictRequest): Promise<PredictResponse__Output> {
    return this.unary((md, options, callback) => this.raw.Predict(request, md, options, callback), true);
  }

  /** One response per request of `requests`, in order, over one stream (see PredictStream). */
  predictStream(requests: AsyncIterable<PredictRequest> | Iterable<PredictRequest>): AsyncGenerator<PredictResponse__Output> {
    return invokeBidiStream(this.raw.PredictStream({ deadline: this.streamDeadline() }), requests);
  }

  transformRecords(request: TransformRecordsRequest): Promise<TransformRecordsResponse__Output> {
    return this.unary((md, options, callback) => this.raw.TransformRecords(request, md, options, callback), true);
  }

  recommend(request: RecommendRequest): Promise<RecommendResponse__Output> {
    return this.unary((md, options, callback) => this.raw.Recommend(request, md, options, callback), true);
  }

  exportModel(request: ExportModelRequest): Promise<ModelExport__Output> {
    return this.unary((md, options, callback) => this.raw.ExportModel(request, md, options, callback), true);
  }

  /** Reads a whole dataset: the streaming deadline. Retried, as a rerun replaces the stored result. */
  evaluateModel(request: EvaluateModelRequest): Promise<Evaluation__Output> {
    return this.unary((md, options, callback) => this.raw.EvaluateModel(request, md, options, callback), true, true);
  }

  getModelReport(request: GetModelReportRequest): Promise<ModelReport__Output> {
    return this.unary((md, options, callback) => this.raw.GetModelReport(request, md, options, callback), true);
  }
}

/** The preprocessing service, as the gateway calls it. */
export class PreprocessingClient extends TypedClient<PreprocessingServiceClient> {
  constructor(address: string, options: ClientOptions = {}) {
    super(loadAiaasProtos().grpc.aiaas.v1.PreprocessingService, address, options);
  }

  ingestDataset(messages: AsyncIterable<UploadDatasetRequest> | Iterable<UploadDatasetRequest>): Promise<Dataset__Output> {
    return invokeClientStream((md, options, callback) => this.raw.IngestDataset(md, options, callback), messages, this.streamDeadline());
  }

  getDataset(datasetId: string): Promise<Dataset__Output> {
    return this.unary((md, options, callback) => this.raw.GetDataset({ dataset_id: datasetId }, md, options, callback), true);
  }

  /** Not retried: a retry after a lost response would register the dataset twice. */
  importDataset(request: ImportDatasetRequest): Promise<Dataset__Output> {
    return this.unary((md, options, callback) => this.raw.ImportDataset(request, md, options, callback), false, true);
  }

  previewDataset(request: PreviewDatasetRequest): Promise<PreviewDatasetResponse__Output> {
    return this.unary((md, options, callback) => this.raw.PreviewDataset(request, md, options, callback), true);
  }

  getDatasetStats(datasetId: string): Promise<DatasetStatistics__Output> {
    return this.unary((md, options, callback) => this.raw.GetDatasetStats({ dataset_id: datasetId }, md, options, callback), true);
  }
}

/** The inference service, as the gateway calls it. */
export class InferenceClient extends TypedClient<InferenceServiceClient> {
  constructor(address: string, options: ClientOptions = {}) {
    super(loadAiaasProtos().grpc.aiaas.v1.InferenceService, address, options);
  }

  predict(request: PredictRequest): Promise<PredictResponse__Output> {
    return this.unary((md, options, callback) => this.raw.Predict(request, md, options, callback), true);
  }

  /** One response per request of `requests`, in order, over one stream (see PredictStream). */
  predictStream(requests: AsyncIterable<PredictRequest> | Iterable<PredictRequest>): AsyncGenerator<PredictResponse__Output> {
    return invokeBidiStream(this.raw.PredictStream({ deadline: this.streamDeadline() }), requests);
  }

  transformRecords(request: TransformRecordsRequest): Promise<TransformRecordsResponse__Output> {
    return this.unary((md, options, callback) => this.raw.TransformRecords(request, md, options, callback), true);
  }

  recommend(request: RecommendRequest): Promise<RecommendResponse__Output> {
    return this.unary((md, options, callback) => this.raw.Recommend(request, md, options, callback), true);
  }

  exportModel(request: ExportModelRequest): Promise<ModelExport__Output> {
    return this.unary((md, options, callback) => this.raw.ExportModel(request, md, options, callback), true);
  }
}

/** The evaluation service, as the gateway calls it. */
export class EvaluationClient extends TypedClient<EvaluationServiceClient> {
  constructor(address: string, options: ClientOptions = {}) {
    super(loadAiaasProtos().grpc.aiaas.v1.EvaluationService, address, options);
  }

  /** Reads a whole dataset: the streaming deadline. Retried, as a rerun replaces the stored result. */
  evaluateModel(request: EvaluateModelRequest): Promise<Evaluation__Output> {
    return this.unary((md, options, callback) => this.raw.EvaluateModel(request, md, options, callback), true, true);
  }

  getModelReport(request: GetModelReportRequest): Promise<ModelReport__Output> {
    return this.unary((md, options, callback) => this.raw.GetModelReport(request, md, options, callback), true);
  }
}

/** Any pipeline worker service's DescribeWorker, by the service's proto name. */
export class WorkerClient extends TypedClient<Client & { DescribeWorker: PreprocessingServiceClient['DescribeWorker'] }> {
  constructor(
    service: 'PreprocessingService' | 'TrainingService' | 'EvaluationService' | 'InferenceService',
    address: string,
    options: ClientOptions = {},
  ) {
    super(loadAiaasProtos().grpc.aiaas.v1[service], address, options);
  }

  describeWorker(): Promise<WorkerInfo__Output> {
    return this.unary((md, options, callback) => this.raw.DescribeWorker({}, md, options, callback), true);
  }
}
