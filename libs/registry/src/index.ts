/**
 * What the platform keeps in Redis besides its queues: datasets, model versions with their
 * evaluations and aliases, pipeline jobs and their replayable event logs; and the conversions
 * of those records to `aiaas.v1` messages.
 *
 * @example
 * ```ts
 * import { createRedisConnection, createRegistry } from '@aiaas/registry';
 * const redis = createRedisConnection('redis://127.0.0.1:6379', 'command');
 * const registry = createRegistry({ redis, prefix: 'aiaas', openBlockingConnection: () => createRedisConnection(url, 'worker') });
 * const production = await registry.models.resolve('penguins', { alias: 'production' });
 * ```
 */
export { ApiKeys } from './api-keys';
export type { ApiKeyRecord, IssuedApiKey, Principal, Role } from './api-keys';
export { DatasetCatalog } from './dataset-catalog';
export { RateLimiter } from './rate-limiter';
export type { RateDecision, RateLimit } from './rate-limiter';
export { Tenancy } from './tenancy';
export type { OwnedKind } from './tenancy';
export { JobEventLog } from './job-event-log';
export { JobStore } from './job-store';
export type { JobAdmission } from './job-store';
export { JobTracker } from './job-tracker';
export {
  anomalyPolicyFromMessage,
  columnTypeFromMessage,
  datasetStatisticsToMessage,
  datasetToMessage,
  jobEventToMessage,
  jobToMessage,
  modelToMessage,
  evaluationToMessage,
  modelVersionToMessage,
} from './messages';
export { ModelRegistry } from './model-registry';
export { aliasEventSchema, trafficSplitSchema } from './model-registry';
export type { AliasEvent, ModelVersionView, ModelView, TrafficSplit, VersionSelector } from './model-registry';
export { SHADOW_STATES, ShadowDeployments, shadowRecordSchema, shadowSpecSchema, shadowToleranceSchema } from './shadow-deployments';
export type { LatencySummary, MirroredEntry, ShadowComparison, ShadowRecord, ShadowSpec, ShadowState, ShadowTally, ShadowTolerance, ShadowView } from './shadow-deployments';
export { DEFAULT_VERSION_POLICY, describeVersionPolicy, versionPolicySchema, versionsServed } from './version-policy';
export type { VersionPolicy } from './version-policy';
export { DEFAULT_ALIAS, versionSelectorOf } from './version-selector';
export type { VersionSelectorFields } from './version-selector';
export {
  classificationMetricsSchema,
  columnSummarySchema,
  dataFormatSchema,
  datasetRecordSchema,
  datasetShardSchema,
  evaluationRecordSchema,
  JOB_STATES,
  jobEventBodySchema,
  fitSummarySchema,
  kernelPreflightSchema,
  modelInputSchema,
  modelVersionRecordSchema,
  onnxExportSchema,
  comparisonRecordSchema,
  evaluationSummarySchema,
  regressionMetricsSchema,
  sequenceMetricsSchema,
  sliceRecordSchema,
  tuningRecordSchema,
  STAGES,
} from './records';
export type {
  ClassificationMetricsRecord,
  ColumnSummaryRecord,
  DataFormatRecord,
  DatasetRecord,
  DatasetShard,
  EvaluationRecord,
  FitSummary,
  KernelPreflightRecord,
  JobEventBody,
  JobEventRecord,
  JobRecord,
  JobSpec,
  FinalJobState,
  JobStateName,
  ModelVersionRecord,
  OnnxExportRecord,
  ComparisonRecord,
  EvaluationSummary,
  RegressionMetricsRecord,
  SequenceMetricsRecord,
  SliceRecord,
  TuningRecord,
  StageName,
  StageRecord,
} from './records';
export { createRedisConnection } from './redis-connection';
export type { RedisRole } from './redis-connection';
export { createRegistry } from './registry';
export { connectRegistry } from './registry-connections';
export type { RegistryConnections } from './registry-connections';
export type { Registry, RegistryOptions } from './registry';
export { RegistryKeys } from './registry-keys';
