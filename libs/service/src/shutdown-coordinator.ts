import type { Logger } from '@aiaas/observability';

interface ShutdownStep {
  readonly name: string;
  readonly run: () => Promise<unknown> | unknown;
}

/**
 * Runs an app's shutdown steps once, within one grace period, last added first, like
 * `defer`: register each cleanup right after acquiring what it releases, and the app unwinds
 * in the right order (server off and drained, then workers, then Redis). Safe to trigger
 * twice: the second caller gets the first run's promise.
 */
export class ShutdownCoordinator {
  private readonly steps: ShutdownStep[] = [];
  private running: Promise<boolean> | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly graceMs: number,
  ) {}

  /** Adds a step; steps run one at a time, the most recently added first. */
  add(name: string, run: () => Promise<unknown> | unknown): void {
    this.steps.unshift({ name, run });
  }

  /** True once shutdown has begun; long-running loops check it to stop early. */
  get shuttingDown(): boolean {
    return this.running !== undefined;
  }

  /** Runs every step; resolves true when all finished cleanly within the grace period. */
  shutdown(reason: string): Promise<boolean> {
    this.running ??= this.runSteps(reason);
    return this.running;
  }

  private async runSteps(reason: string): Promise<boolean> {
    this.logger.info('shutting down', { reason, graceMs: this.graceMs });
    const deadline = Date.now() + this.graceMs;
    let clean = true;
    for (const step of this.steps) {
      const remaining = deadline - Date.now();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), Math.max(remaining, 0));
      });
      try {
        const outcome = await Promise.race([Promise.resolve().then(step.run), timeout]);
        if (outcome === 'timeout') {
          clean = false;
          this.logger.warn('shutdown step ran out of time', { step: step.name });
        }
      } catch (error) {
        clean = false;
        this.logger.error('shutdown step failed', { step: step.name, err: error });
      } finally {
        clearTimeout(timer);
      }
    }
    this.logger.info('shut down', { clean });
    return clean;
  }
}
