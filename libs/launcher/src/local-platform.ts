import { join } from 'node:path';
import { DEFAULT_METRICS_PORT } from '@aiaas/config';
import { ServiceProcess } from './service-process';

/** The platform's services, workers first: the gateway needs their addresses. */
export const PLATFORM_SERVICES = ['preprocessing', 'training', 'evaluation', 'inference', 'gateway'] as const;
export type PlatformService = (typeof PLATFORM_SERVICES)[number];

export interface LocalPlatformOptions {
  /** Repository root; services run from `apps/<name>/dist/main.js` under it. */
  readonly workspaceRoot: string;
  /** Environment shared by every service (REDIS_URL, ARTIFACT_DIR, ...). */
  readonly env: NodeJS.ProcessEnv;
  /**
   * Gateway port, with the workers on the next four ports (the documented defaults start at
   * 50051), and metrics on METRICS_PORT (default 9464) and the next four; or 0 for free ports
   * everywhere, as tests want.
   */
  readonly basePort: number;
  /** Every line each service writes. */
  readonly onLine?: (service: PlatformService, line: string, stream: 'stdout' | 'stderr') => void;
}

/** The five services running as child processes. */
export class LocalPlatform {
  private constructor(private readonly processes: ReadonlyMap<PlatformService, ServiceProcess>) {}

  /** Starts the workers in parallel, then the gateway pointed at them. */
  static async start(options: LocalPlatformOptions): Promise<LocalPlatform> {
    const started = new Map<PlatformService, ServiceProcess>();
    const start = async (service: PlatformService, extra: NodeJS.ProcessEnv = {}) => {
      const offset = service === 'gateway' ? 0 : PLATFORM_SERVICES.indexOf(service) + 1;
      const process = await ServiceProcess.start({
        name: service,
        script: join(options.workspaceRoot, 'apps', service, 'dist', 'main.js'),
        env: {
          ...options.env,
          GRPC_PORT: String(options.basePort === 0 ? 0 : options.basePort + offset),
          // One machine, five processes: each needs a metrics port of its own.
          METRICS_PORT: String(options.basePort === 0 ? 0 : Number(options.env['METRICS_PORT'] ?? DEFAULT_METRICS_PORT) + offset),
          ...extra,
        },
        onLine: (line, stream) => options.onLine?.(service, line, stream),
      });
      started.set(service, process);
      return process;
    };
    try {
      const workers = PLATFORM_SERVICES.filter((service) => service !== 'gateway');
      const settled = await Promise.allSettled(workers.map((service) => start(service)));
      const failure = settled.find((result) => result.status === 'rejected');
      if (failure) throw failure.reason;
      await start('gateway', {
        PREPROCESSING_ADDR: started.get('preprocessing')!.address,
        EVALUATION_ADDR: started.get('evaluation')!.address,
        INFERENCE_ADDR: started.get('inference')!.address,
      });
    } catch (error) {
      await new LocalPlatform(started).stop();
      throw error;
    }
    return new LocalPlatform(started);
  }

  /** The running process of a service. */
  service(name: PlatformService): ServiceProcess {
    return this.processes.get(name)!;
  }

  get services(): ServiceProcess[] {
    return [...this.processes.values()];
  }

  get gatewayAddress(): string {
    return this.service('gateway').address;
  }

  /** Resolves with the first service that exits on its own. */
  firstExit(): Promise<ServiceProcess> {
    return Promise.race(this.services.map((service) => service.waitForExit().then(() => service)));
  }

  /** SIGTERMs the gateway first, then the workers; resolves each service's exit code. */
  async stop(timeoutMs = 30_000): Promise<Map<PlatformService, number | null>> {
    const codes = new Map<PlatformService, number | null>();
    const gateway = this.processes.get('gateway');
    if (gateway) codes.set('gateway', await gateway.stop('SIGTERM', timeoutMs));
    await Promise.all(
      [...this.processes.entries()]
        .filter(([name]) => name !== 'gateway')
        .map(async ([name, process]) => codes.set(name, await process.stop('SIGTERM', timeoutMs))),
    );
    return codes;
  }
}
