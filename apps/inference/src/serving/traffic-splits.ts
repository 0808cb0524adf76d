import type { Logger } from '@aiaas/observability';
import type { TrafficSplit } from '@aiaas/registry';
import { SingleFlight } from './single-flight';

/** How TrafficSplits reads splits and readies canary versions. */
export interface TrafficSplitsOptions {
  read(modelName: string): Promise<TrafficSplit | undefined>;
  /** Loads and warms a version up before it takes traffic. */
  prepare(modelName: string, version: number): Promise<void>;
  readonly refreshMs: number;
  readonly logger: Logger;
  readonly now?: () => number;
  /** A number in [0, 1): which side of the split a request falls on. */
  readonly random?: () => number;
}

interface Entry {
  split: TrafficSplit | undefined;
  checkedAt: number;
}

/**
 * Each model's canary traffic split on this replica: read on first use, re-read when announced
 * or older than `refreshMs`. A new canary version is loaded and warmed before the split sends
 * it anything; one that fails to load leaves the split as it was.
 */
export class TrafficSplits {
  private readonly entries = new Map<string, Entry>();
  private readonly reading = new SingleFlight<void>();
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly options: TrafficSplitsOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  /** The canary version this request goes to, or undefined for production. */
  async canaryFor(modelName: string): Promise<number | undefined> {
    const entry = this.entries.get(modelName);
    if (!entry) await this.refresh(modelName);
    else if (this.now() - entry.checkedAt > this.options.refreshMs) void this.refresh(modelName);
    const split = this.entries.get(modelName)?.split;
    return split && this.random() * 100 < split.percent ? split.canaryVersion : undefined;
  }

  /** Canary versions splits send traffic to. */
  canaryVersions(modelName: string): number[] {
    const split = this.entries.get(modelName)?.split;
    return split ? [split.canaryVersion] : [];
  }

  /** The registry announced a change: re-read the model's split (if this replica serves the model). */
  changed(modelName: string): void {
    if (this.entries.has(modelName)) void this.refresh(modelName);
  }

  private refresh(modelName: string): Promise<void> {
    return this.reading.run(modelName, () => this.readAndPrepare(modelName));
  }

  private async readAndPrepare(modelName: string): Promise<void> {
    const previous = this.entries.get(modelName);
    try {
      const split = await this.options.read(modelName);
      if (split && split.canaryVersion !== previous?.split?.canaryVersion) await this.options.prepare(modelName, split.canaryVersion);
      this.entries.set(modelName, { split, checkedAt: this.now() });
    } catch (error) {
      this.options.logger.error('could not take up a traffic split; keeping the one this replica had', { model: modelName, error: String(error) });
      this.entries.set(modelName, { split: previous?.split, checkedAt: this.now() });
    }
  }
}
