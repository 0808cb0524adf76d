import { NotFoundError } from '@aiaas/errors';
import type { Logger } from '@aiaas/observability';
import { describeVersionPolicy, versionsServed, type VersionPolicy } from '@aiaas/registry';
import { SingleFlight } from './single-flight';

/** How VersionPolicies reads policies and keeps the versions they serve loaded. */
export interface VersionPoliciesOptions {
  /** The model's policy and registered version numbers. */
  read(modelName: string): Promise<{ readonly policy: VersionPolicy; readonly registered: readonly number[] }>;
  /** Loads and warms a version up. */
  prepare(modelName: string, version: number): Promise<void>;
  /** A version the policy no longer serves: unload it once idle, unless an alias still serves it. */
  retire(modelName: string, version: number): void;
  readonly refreshMs: number;
  readonly logger: Logger;
  readonly now?: () => number;
}

interface Entry {
  readonly policy: VersionPolicy;
  /** The versions served by number; undefined when every one is. */
  readonly served: readonly number[] | undefined;
  readonly checkedAt: number;
}

/**
 * Each model's version policy on this replica, as TF Serving's model version policy: read on
 * first use, re-read when announced (a policy change or a new version) or older than
 * `refreshMs`. The versions a latest-N or specific policy serves are loaded and warmed ahead
 * of requests; those it stops serving are retired; a request by number for a version it does
 * not serve is NOT_FOUND.
 */
export class VersionPolicies {
  private readonly entries = new Map<string, Entry>();
  private readonly reading = new SingleFlight<Entry>();
  private readonly now: () => number;

  constructor(private readonly options: VersionPoliciesOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Throws NotFoundError, naming the policy and what it serves, unless the model's policy serves `version` by number. */
  async check(modelName: string, version: number): Promise<void> {
    const cached = this.entries.get(modelName);
    if (cached && this.now() - cached.checkedAt > this.options.refreshMs) void this.refresh(modelName);
    const { policy, served } = cached ?? (await this.refresh(modelName));
    if (served && !served.includes(version)) {
      throw NotFoundError.of(
        'model version',
        `${modelName}@${version}`,
        `the model's version policy serves ${describeVersionPolicy(policy)} (${served.join(', ') || 'none registered'}); ask for one of those or an alias, or change the policy`,
      );
    }
  }

  /** The versions the model's policy keeps loaded here (none when it serves every version on demand). */
  kept(modelName: string): readonly number[] {
    return this.entries.get(modelName)?.served ?? [];
  }

  /** The registry announced a policy change or a new version: re-read the model's policy (if this replica has used it). */
  changed(modelName: string): void {
    if (this.entries.has(modelName)) void this.refresh(modelName);
  }

  private refresh(modelName: string): Promise<Entry> {
    return this.reading.run(modelName, () => this.readAndApply(modelName));
  }

  private async readAndApply(modelName: string): Promise<Entry> {
    const previous = this.entries.get(modelName);
    let entry: Entry;
    try {
      const { policy, registered } = await this.options.read(modelName);
      entry = { policy, served: versionsServed(policy, registered), checkedAt: this.now() };
    } catch (error) {
      if (!previous) throw error;
      this.options.logger.warn('could not re-read a version policy; keeping the one this replica had', { model: modelName, error: String(error) });
      entry = { ...previous, checkedAt: this.now() };
    }
    this.entries.set(modelName, entry);
    for (const version of entry.served ?? []) {
      if (previous?.served?.includes(version)) continue;
      this.options.prepare(modelName, version).catch((error: unknown) =>
        this.options.logger.warn('a version the version policy serves failed to load; it loads on its first request instead', { model: modelName, version, error: String(error) }),
      );
    }
    for (const version of previous?.served ?? []) if (!entry.served?.includes(version)) this.options.retire(modelName, version);
    return entry;
  }
}
