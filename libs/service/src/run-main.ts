import { ConfigError, type ConfigOf, type EnvSpec, type EnvVar } from '@aiaas/config';
import { activeTraceFields, createJsonLogger, type Logger, type LogLevel } from '@aiaas/observability';
import type { Registry } from 'prom-client';
import { createMetricsRegistry } from './metrics/metrics-registry';
import { MetricsServer } from './metrics/metrics-server';
import { ShutdownCoordinator } from './shutdown-coordinator';
import { startTracing } from './tracing/start-tracing';

/** What an app's composition root receives from `runMain`. */
export interface MainContext<C> {
  readonly config: C;
  readonly logger: Logger;
  readonly shutdown: ShutdownCoordinator;
  /** The process's Prometheus registry, served at METRICS_PORT's /metrics; components add their metrics to it. */
  readonly metrics: Registry;
}

/** The variables `runMain` itself needs; `serviceEnv()` from @aiaas/config provides them. */
interface MainEnvShape {
  readonly grpcHost: EnvVar<string>;
  readonly metricsPort: EnvVar<number>;
  readonly otlpEndpoint: EnvVar<string | undefined>;
  readonly logLevel: EnvVar<LogLevel>;
  readonly shutdownGraceMs: EnvVar<number>;
}

/**
 * The process boilerplate every service shares: parse the environment (exit 2 with every
 * problem listed when it is invalid), create the JSON logger, set up tracing, serve Prometheus metrics, run
 * `start`, and shut down in order on SIGTERM/SIGINT (exit 0) or on a crash (exit 1).
 */
export function runMain<S extends Record<string, EnvVar<unknown>> & MainEnvShape>(
  service: string,
  env: EnvSpec<S>,
  start: (context: MainContext<ConfigOf<S>>) => Promise<void>,
): void {
  let config: ConfigOf<S>;
  try {
    config = env.parse(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${service}: ${error.message}\n`);
    process.exit(2);
  }
  // Every line logged inside a call or a job carries its trace's ids.
  const logger = createJsonLogger({ service, level: config.logLevel as LogLevel, context: activeTraceFields });
  const shutdown = new ShutdownCoordinator(logger, config.shutdownGraceMs as number);
  const tracing = startTracing(service, config.otlpEndpoint as string | undefined);
  // Added first, so it runs last: the spans of the shutdown itself are sent too.
  shutdown.add('tracing', () => tracing.shutdown());
  if (tracing.exportsTo) logger.info('exporting traces', { url: tracing.exportsTo });

  const stop = (reason: string, exitCode: number) => {
    void shutdown.shutdown(reason).then((clean) => process.exit(clean ? exitCode : Math.max(exitCode, 1)));
  };
  process.once('SIGTERM', () => stop('SIGTERM', 0));
  process.once('SIGINT', () => stop('SIGINT', 0));
  process.on('uncaughtException', (error) => {
    logger.error('uncaught exception', { err: error });
    stop('uncaught exception', 1);
  });
  process.on('unhandledRejection', (error) => {
    logger.error('unhandled rejection', { err: error });
    stop('unhandled rejection', 1);
  });

  const metrics = createMetricsRegistry(service);
  // Started first and so stopped last: the scrape during a shutdown still answers.
  MetricsServer.start({ host: config.grpcHost as string, port: config.metricsPort as number, registry: metrics, logger })
    .then((server) => {
      shutdown.add('metrics server', () => server.close());
      return start({ config, logger, shutdown, metrics });
    })
    .catch((error: unknown) => {
      logger.error('failed to start', { err: error });
      stop('start failed', 1);
    });
}
