import { byteSize, duration, oneOf, optionalText, port, text, url } from './env-var';

/** The TensorFlow.js backends a service can be asked to use. */
export const TFJS_BACKEND_CHOICES = ['auto', 'tensorflow', 'wasm', 'cpu'] as const;

/** Log levels, least to most severe. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** METRICS_PORT's default: the OpenTelemetry Prometheus exporter's port. */
export const DEFAULT_METRICS_PORT = 9464;

/** Variables every service reads: where it listens, logging, shutdown. */
export function serviceEnv(defaultPort: number) {
  return {
    grpcHost: text({ env: 'GRPC_HOST', doc: 'Interface the gRPC server binds to.', default: '0.0.0.0' }),
    grpcPort: port({ env: 'GRPC_PORT', doc: 'Port of the gRPC server; 0 picks a free one (logged at start).', default: defaultPort }),
    metricsPort: port({
      env: 'METRICS_PORT',
      doc: 'Port of the Prometheus metrics endpoint (GET /metrics), on the GRPC_HOST interface; 0 picks a free one (logged at start).',
      default: DEFAULT_METRICS_PORT,
    }),
    otlpEndpoint: optionalText({
      env: 'OTEL_EXPORTER_OTLP_ENDPOINT',
      doc: "Base URL of an OpenTelemetry collector's OTLP/HTTP receiver (e.g. http://otel-collector:4318): spans go to <url>/v1/traces. Unset: the trace context still travels with calls and jobs, and nothing is exported.",
    }),
    logLevel: oneOf(LOG_LEVELS, { env: 'LOG_LEVEL', doc: 'Least severe level written to the JSON log.', default: 'info' }),
    shutdownGraceMs: duration({
      env: 'SHUTDOWN_GRACE',
      doc: 'How long SIGTERM waits for in-flight calls and jobs before closing anyway.',
      default: '20s',
    }),
    ...tlsEnv(),
  };
}

/** Variables of TLS between clients and the gateway and between services; unset, gRPC is plaintext. */
export function tlsEnv() {
  return {
    tlsCert: optionalText({ env: 'TLS_CERT', doc: "PEM file of the service's certificate (chain): with TLS_KEY, its gRPC server speaks TLS, and its calls to other services present it." }),
    tlsKey: optionalText({ env: 'TLS_KEY', doc: 'PEM file of the private key of TLS_CERT.' }),
    tlsCa: optionalText({
      env: 'TLS_CA',
      doc: 'PEM file of the CA certificates the platform trusts: calls to other services use TLS and accept only servers they sign; with TLS_CLIENT_AUTH=require, only clients they sign.',
    }),
    tlsClientAuth: oneOf(['none', 'require'] as const, { env: 'TLS_CLIENT_AUTH', doc: 'require: mutual TLS, every client must present a certificate signed by TLS_CA.', default: 'none' }),
  };
}

/** Variables of services that use Redis (queues, registry). */
export function redisEnv() {
  return {
    redisUrl: url({ env: 'REDIS_URL', doc: 'Redis holding queues, registry and job events.', default: 'redis://127.0.0.1:6379', protocols: ['redis:', 'rediss:'] }),
    redisPrefix: text({
      env: 'REDIS_PREFIX',
      doc: 'Prefix of every Redis key and BullMQ queue, so several platforms can share one Redis.',
      default: 'aiaas',
      pattern: /^[A-Za-z0-9_-]+$/,
      patternDoc: 'letters, digits, "_" or "-"',
    }),
  };
}

/** Variables of services that run long queue jobs: how fast a dead worker's job moves on. */
export function jobRecoveryEnv() {
  return {
    jobLockMs: duration({
      env: 'JOB_LOCK',
      doc: "How long a running job's lock lasts without renewal; when its worker dies, another replica may take the job this long after (plus up to STALLED_CHECK).",
      default: '60s',
    }),
    stalledCheckMs: duration({
      env: 'STALLED_CHECK',
      doc: 'How often a worker looks for jobs whose lock expired (their worker died) and hands them to a live replica.',
      default: '30s',
    }),
  };
}

/** Variables of services that read stored datasets' rows (preprocessing, and evaluation's slices and EvaluateModel). */
export function datasetReadingEnv() {
  return {
    maxRecordBytes: byteSize({
      env: 'PREPROCESSING_MAX_RECORD_BYTES',
      doc: 'Longest CSV record or JSON line accepted; a longer one fails the upload naming its line. Evaluation reads stored rows under the same limit.',
      default: '1MiB',
    }),
  };
}

/** Variables of services that read or write artifacts. */
export function artifactEnv() {
  return {
    artifactStore: oneOf(['fs', 's3'] as const, {
      env: 'ARTIFACT_STORE',
      doc: 'fs: files under ARTIFACT_DIR (a volume every replica shares); s3: objects in S3_BUCKET on AWS S3 or an S3-compatible store such as MinIO (S3_ENDPOINT).',
      default: 'fs',
    }),
    artifactDir: text({ env: 'ARTIFACT_DIR', doc: 'Root directory of the filesystem artifact store (ARTIFACT_STORE=fs).', default: './data/artifacts' }),
    s3Bucket: optionalText({ env: 'S3_BUCKET', doc: 'Bucket of the S3 artifact store (ARTIFACT_STORE=s3; required then); created at start when missing.' }),
    s3Prefix: optionalText({ env: 'S3_PREFIX', doc: 'Prefix of every artifact key, to share a bucket, e.g. "aiaas/".' }),
    s3Region: optionalText({ env: 'S3_REGION', doc: 'Region of the S3 bucket; unset: AWS_REGION (as EKS injects), and us-east-1 with S3_ENDPOINT.' }),
    s3Endpoint: optionalText({ env: 'S3_ENDPOINT', doc: 'URL of an S3-compatible store such as MinIO (http://minio:9000), addressed path-style; unset: AWS S3.' }),
    s3AccessKeyId: optionalText({ env: 'AWS_ACCESS_KEY_ID', doc: 'Access key of the S3 store; unset: the AWS SDK default chain (web identity, instance role).' }),
    s3SecretAccessKey: optionalText({ env: 'AWS_SECRET_ACCESS_KEY', doc: 'Secret of AWS_ACCESS_KEY_ID (with AWS_SESSION_TOKEN for temporary keys).' }),
  };
}

/** Variables of services that run TensorFlow.js. */
export function computeEnv() {
  return {
    tfjsBackend: oneOf(TFJS_BACKEND_CHOICES, {
      env: 'TFJS_BACKEND',
      doc: 'TensorFlow.js backend: auto picks tensorflow (tfjs-node[-gpu], when installed), else wasm, else cpu.',
      default: 'auto',
    }),
  };
}
