import type { Metadata } from '@grpc/grpc-js';
import { randomBytes } from 'node:crypto';
import { FailedPreconditionError, InvalidArgumentError, NotFoundError, ResourceExhaustedError, UnavailableError } from '@aiaas/errors';
import type { Logger } from '@aiaas/observability';
import type {
  EvaluateModelRequest__Output,
  EvaluationClient,
  ExportModelRequest__Output,
  GatewayServiceHandlers,
  GetModelReportRequest__Output,
  ImportDatasetRequest__Output,
  InferenceClient,
  JobEvent,
  PredictRequest,
  PredictRequest__Output,
  RecommendRequest__Output,
  SetTrafficSplitRequest__Output,
  SetVersionPolicyRequest__Output,
  SetAliasRequest__Output,
  ListRequest__Output,
  RollbackAliasRequest__Output,
  StartShadowRequest__Output,
  StopShadowRequest__Output,
  PreprocessingClient,
  PreviewDatasetRequest__Output,
  StartPipelineRequest__Output,
  TransformRecordsRequest__Output,
  UploadDatasetRequest__Output,
  WatchJobRequest__Output,
} from '@aiaas/proto';
import type { PipelineLauncher } from '@aiaas/queue';
import { datasetToMessage, DEFAULT_ALIAS, jobEventToMessage, jobToMessage, modelToMessage, type Registry } from '@aiaas/registry';
import type { HandlerFactory } from '@aiaas/service';
import { toPipelinePayloads } from './pipeline-request';
import { createApiKeyHandlers } from './api-key-service';
import type { GatewayAuthorizer } from './authorization';
import type { TenantLimits } from './tenant-limits';
import { shadowSpecOf } from './shadow-request';
import { TenantScope } from './tenant-scope';
import { versionPolicyOf } from './version-policy-request';

export interface GatewayServiceDependencies {
  readonly registry: Registry;
  readonly launcher: PipelineLauncher;
  readonly preprocessing: PreprocessingClient;
  readonly inference: InferenceClient;
  readonly evaluation: EvaluationClient;
  readonly handlers: HandlerFactory;
  /** Who is calling, for the admin RPCs; its guard must be the one `handlers` runs. */
  readonly authorizer: GatewayAuthorizer;
  /** The tenants' concurrent-jobs limit (the rate is checked with the key). */
  readonly limits: TenantLimits;
  readonly logger: Logger;
  readonly maxUploadBytes: number;
  readonly now?: () => number;
}

/** Passes an upload through, failing it once it grows past `limit` bytes. */
async function* limitUpload(messages: AsyncIterable<UploadDatasetRequest__Output>, limit: number): AsyncGenerator<UploadDatasetRequest__Output> {
  let received = 0;
  for await (const message of messages) {
    received += message.chunk?.length ?? 0;
    if (received > limit) throw new ResourceExhaustedError(`upload exceeds the ${limit}-byte limit (MAX_UPLOAD_BYTES)`);
    yield message;
  }
}

/**
 * Passes a stream's requests through once each one's model is checked (`check`, once per
 * name): a request for another tenant's model ends the stream with its error.
 */
async function* ownModelsOnly(requests: AsyncIterable<PredictRequest__Output>, check: (modelName: string) => Promise<void>): AsyncGenerator<PredictRequest__Output> {
  const checked = new Set<string>();
  for await (const request of requests) {
    if (!checked.has(request.model_name)) {
      await check(request.model_name);
      checked.add(request.model_name);
    }
    yield request;
  }
}

/** Items a list answers when the request does not say, and at most. */
const DEFAULT_PAGE = 50;
const MAX_PAGE = 1_000;

function pageSize(limit: number): number {
  if (limit > MAX_PAGE) throw new InvalidArgumentError('limit', `must be at most ${MAX_PAGE}, got ${limit}`);
  return limit || DEFAULT_PAGE;
}

/** Alias names: a letter or digit, then letters, digits, dots, dashes and underscores. */
const ALIAS_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** The alias a request names, `production` when it names none; INVALID_ARGUMENT for a malformed one. */
function aliasOf(alias: string): string {
  if (alias === '') return DEFAULT_ALIAS;
  if (!ALIAS_PATTERN.test(alias)) throw new InvalidArgumentError('alias', `"${alias}" is not an alias name: a letter or digit, then letters, digits, dots, dashes or underscores (at most 63)`);
  return alias;
}

/** The `aiaas.v1.GatewayService` handlers: the platform's public API. */
export function createGatewayService(dependencies: GatewayServiceDependencies): GatewayServiceHandlers {
  const { handlers, registry } = dependencies;
  const describeModel = async (modelName: string) => modelToMessage(await registry.models.getModel(modelName), await registry.shadows.view(modelName));
  const now = dependencies.now ?? Date.now;
  const scope = new TenantScope(registry.tenancy);
  const callerOf = (call: { metadata: Metadata }) => dependencies.authorizer.principalOf(call.metadata);
  /** Checks the request names a model, of the caller's tenant. */
  const ownModel = async (call: { metadata: Metadata }, modelName: string) => {
    if (!modelName) throw new InvalidArgumentError('model_name', 'is required');
    await scope.model(callerOf(call), modelName);
  };
  /** Checks the request names a dataset, of the caller's tenant. */
  const ownDataset = async (call: { metadata: Metadata }, datasetId: string) => {
    if (!datasetId) throw new InvalidArgumentError('dataset_id', 'is required');
    await scope.dataset(callerOf(call), datasetId);
  };
  /** Checks the request names a job, of the caller's tenant. */
  const ownJob = async (call: { metadata: Metadata }, jobId: string) => {
    if (!jobId) throw new InvalidArgumentError('job_id', 'is required');
    await scope.job(callerOf(call), jobId);
  };

  return {
    ...createApiKeyHandlers(handlers, registry.apiKeys, dependencies.authorizer),
    UploadDataset: handlers.clientStream('UploadDataset', async (messages: AsyncIterable<UploadDatasetRequest__Output>, call) => {
      const dataset = await dependencies.preprocessing.ingestDataset(limitUpload(messages, dependencies.maxUploadBytes));
      await scope.own(callerOf(call), 'dataset', dataset.id);
      return dataset;
    }),

    ImportDataset: handlers.unary('ImportDataset', async (request: ImportDatasetRequest__Output, call) => {
      if (!request.source_uri) throw new InvalidArgumentError('source_uri', 'is required: "sha256:<hex>" of an artifact or "file:<path>" under the import directory');
      const dataset = await dependencies.preprocessing.importDataset(request);
      await scope.own(callerOf(call), 'dataset', dataset.id);
      return dataset;
    }),

    GetDataset: handlers.unary('GetDataset', async (request: { dataset_id: string }, call) => {
      await ownDataset(call, request.dataset_id);
      return dependencies.preprocessing.getDataset(request.dataset_id);
    }),

    ListDatasets: handlers.unary('ListDatasets', async (request: ListRequest__Output, call) => {
      const ids = await registry.tenancy.list('dataset', callerOf(call).tenant, request.offset, pageSize(request.limit));
      return { datasets: (await Promise.all(ids.map((id) => registry.datasets.get(id).catch(() => undefined)))).flatMap((record) => (record ? [datasetToMessage(record)] : [])) };
    }),

    PreviewDataset: handlers.unary('PreviewDataset', async (request: PreviewDatasetRequest__Output, call) => {
      await ownDataset(call, request.dataset_id);
      return dependencies.preprocessing.previewDataset(request);
    }),

    GetDatasetStats: handlers.unary('GetDatasetStats', async (request: { dataset_id: string }, call) => {
      await ownDataset(call, request.dataset_id);
      return dependencies.preprocessing.getDatasetStats(request.dataset_id);
    }),

    StartPipeline: handlers.unary('StartPipeline', async (request: StartPipelineRequest__Output, call) => {
      await ownDataset(call, request.dataset_id);
      const dataset = await registry.datasets.get(request.dataset_id);
      const jobId = `job_${randomBytes(6).toString('hex')}`;
      const payloads = toPipelinePayloads(request, jobId, dataset);
      // Recorded first, counted against the tenant's limit in the same step; from here on, a
      // pipeline that does not start must be marked failed, or it would count for ever.
      const job = await dependencies.limits.recordJob(callerOf(call), jobId, { datasetId: dataset.id, targetColumn: request.target_column, modelName: request.model_name, createdAt: now() });
      try {
        await scope.claimModel(callerOf(call), request.model_name);
        await scope.own(callerOf(call), 'job', jobId);
      } catch (error) {
        await registry.tracker.jobFailed(jobId, 'not started').catch(() => undefined);
        throw error;
      }
      try {
        await dependencies.launcher.start(payloads);
      } catch (error) {
        await registry.tracker.jobFailed(jobId, 'could not queue the pipeline').catch(() => undefined);
        dependencies.logger.error('could not queue pipeline', { jobId, err: error });
        throw new UnavailableError('could not queue the pipeline; the queue is unavailable, try again', { cause: error });
      }
      dependencies.logger.info('pipeline started', { jobId, datasetId: dataset.id, model: request.model_name });
      return jobToMessage(job);
    }),

    GetJob: handlers.unary('GetJob', async (request: { job_id: string }, call) => {
      await ownJob(call, request.job_id);
      return jobToMessage(await registry.jobs.get(request.job_id));
    }),

    ListJobs: handlers.unary('ListJobs', async (request: ListRequest__Output, call) => {
      const ids = await registry.tenancy.list('job', callerOf(call).tenant, request.offset, pageSize(request.limit));
      return { jobs: (await Promise.all(ids.map((id) => registry.jobs.get(id).catch(() => undefined)))).flatMap((job) => (job ? [jobToMessage(job)] : [])) };
    }),

    CancelJob: handlers.unary('CancelJob', async (request: { job_id: string }, call) => {
      await ownJob(call, request.job_id);
      if (!(await registry.jobs.requestCancel(request.job_id, now()))) {
        const { state } = await registry.jobs.get(request.job_id);
        throw new FailedPreconditionError(`job ${request.job_id} has already ${state === 'cancelled' ? 'been cancelled' : state}; there is nothing to cancel`);
      }
      // No stage has started, so no worker will see the request soon: end the job here. A stage
      // starting meanwhile sees the request and ends it too; the job ends once either way.
      const job = await registry.jobs.get(request.job_id);
      if (job.state === 'queued') await registry.tracker.jobCancelled(request.job_id, 'cancelled before any stage started');
      return jobToMessage(await registry.jobs.get(request.job_id));
    }),

    WatchJob: handlers.serverStream('WatchJob', async function* (request: WatchJobRequest__Output, call): AsyncGenerator<JobEvent> {
      await ownJob(call, request.job_id);
      const job = await registry.jobs.get(request.job_id);
      if (job.state !== 'queued' && job.state !== 'running') {
        // Finished: its log can only have shrunk (it expires some days on), so replay what is
        // left and end, rather than wait for a JobFinished event that may be gone.
        for await (const event of registry.events.replay(request.job_id, request.after_sequence)) yield jobEventToMessage(request.job_id, event);
        return;
      }
      const watching = new AbortController();
      call.once('cancelled', () => watching.abort());
      for await (const event of registry.events.follow(request.job_id, request.after_sequence, watching.signal)) {
        yield jobEventToMessage(request.job_id, event);
      }
    }),

    ListModels: handlers.unary('ListModels', async (_request: unknown, call) => {
      // Only the caller's names, from its index; a name claimed by a pipeline that never registered a version is no model yet.
      const names = (await registry.tenancy.list('model', callerOf(call).tenant, 0, Number.MAX_SAFE_INTEGER)).sort();
      const models = await Promise.all(names.map((name) => describeModel(name).catch((error: unknown) => (error instanceof NotFoundError ? undefined : Promise.reject(error)))));
      return { models: models.filter((model) => model !== undefined) };
    }),

    GetModel: handlers.unary('GetModel', async (request: { model_name: string }, call) => {
      await ownModel(call, request.model_name);
      return describeModel(request.model_name);
    }),

    SetTrafficSplit: handlers.unary('SetTrafficSplit', async (request: SetTrafficSplitRequest__Output, call) => {
      await ownModel(call, request.model_name);
      const percent = request.canary_percent;
      if (!(percent >= 0 && percent < 100)) throw new InvalidArgumentError('canary_percent', `must be in [0, 100) (0 ends the split), got ${percent}`);
      if (percent > 0 && !request.canary_version) throw new InvalidArgumentError('canary_version', 'is required: the blessed version to send the share to');
      await registry.models.setTrafficSplit(request.model_name, percent === 0 ? undefined : { canaryVersion: request.canary_version, percent });
      return describeModel(request.model_name);
    }),

    SetAlias: handlers.unary('SetAlias', async (request: SetAliasRequest__Output, call) => {
      await ownModel(call, request.model_name);
      if (!request.version) throw new InvalidArgumentError('version', 'is required: the blessed version to point the alias at');
      await registry.models.setAlias(request.model_name, aliasOf(request.alias), request.version);
      return describeModel(request.model_name);
    }),

    RollbackAlias: handlers.unary('RollbackAlias', async (request: RollbackAliasRequest__Output, call) => {
      await ownModel(call, request.model_name);
      await registry.models.rollbackAlias(request.model_name, aliasOf(request.alias));
      return describeModel(request.model_name);
    }),

    StartShadow: handlers.unary('StartShadow', async (request: StartShadowRequest__Output, call) => {
      await ownModel(call, request.model_name);
      await registry.shadows.start(request.model_name, shadowSpecOf(request));
      return describeModel(request.model_name);
    }),

    SetVersionPolicy: handlers.unary('SetVersionPolicy', async (request: SetVersionPolicyRequest__Output, call) => {
      await ownModel(call, request.model_name);
      await registry.models.setVersionPolicy(request.model_name, versionPolicyOf(request));
      return describeModel(request.model_name);
    }),

    StopShadow: handlers.unary('StopShadow', async (request: StopShadowRequest__Output, call) => {
      await ownModel(call, request.model_name);
      await registry.shadows.stop(request.model_name);
      return describeModel(request.model_name);
    }),

    Predict: handlers.unary('Predict', async (request: PredictRequest__Output, call) => {
      await ownModel(call, request.model_name);
      return dependencies.inference.predict(request);
    }),
    PredictStream: handlers.bidiStream('PredictStream', (requests: AsyncIterable<PredictRequest__Output>, call) =>
      dependencies.inference.predictStream(ownModelsOnly(requests, (modelName) => ownModel(call, modelName)) as AsyncIterable<PredictRequest>),
    ),
    TransformRecords: handlers.unary('TransformRecords', async (request: TransformRecordsRequest__Output, call) => {
      await ownModel(call, request.model_name);
      return dependencies.inference.transformRecords(request);
    }),
    Recommend: handlers.unary('Recommend', async (request: RecommendRequest__Output, call) => {
      await ownModel(call, request.model_name);
      return dependencies.inference.recommend(request);
    }),
    ExportModel: handlers.unary('ExportModel', async (request: ExportModelRequest__Output, call) => {
      await ownModel(call, request.model_name);
      return dependencies.inference.exportModel(request);
    }),
    EvaluateModel: handlers.unary('EvaluateModel', async (request: EvaluateModelRequest__Output, call) => {
      await ownModel(call, request.model_name);
      if (!request.dataset_id) throw new InvalidArgumentError('dataset_id', 'is required: the dataset to score the version on');
      await ownDataset(call, request.dataset_id);
      return dependencies.evaluation.evaluateModel(request);
    }),
    GetModelReport: handlers.unary('GetModelReport', async (request: GetModelReportRequest__Output, call) => {
      await ownModel(call, request.model_name);
      if (request.dataset_id) await ownDataset(call, request.dataset_id);
      return dependencies.evaluation.getModelReport(request);
    }),
  };
}
