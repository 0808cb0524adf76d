import type { Logger } from '@aiaas/observability';
import { SingleFlight } from './single-flight';

/** How an AliasTable reads aliases and readies versions. */
export interface AliasTableOptions {
  /** The version an alias points at in the registry. */
  resolve(modelName: string, alias: string): Promise<number>;
  /** Loads and warms a version up, so it can take traffic; rejects when it cannot. */
  prepare(modelName: string, version: number): Promise<void>;
  /** Called once an alias has moved on this replica. */
  moved?(modelName: string, alias: string, from: number, to: number): void;
  /** How old a reading may be before it is checked again (catches missed events). */
  readonly refreshMs: number;
  /** First and longest wait before retrying a move whose version failed to load. */
  readonly retryMs: { readonly first: number; readonly max: number };
  readonly logger: Logger;
  readonly now?: () => number;
}

/** A move that has not happened: its version failed to load, and when it will be tried again. */
export interface PendingMove {
  readonly modelName: string;
  readonly alias: string;
  readonly version: number;
  readonly attempts: number;
  readonly error: string | undefined;
}

interface Entry {
  version: number;
  checkedAt: number;
  pending?: { version: number; attempts: number; error?: string; timer?: NodeJS.Timeout };
}

const keyOf = (modelName: string, alias: string) => `${modelName}\u0000${alias}`;

/**
 * Which version each alias serves on this replica. An alias is read from the registry on first
 * use; after that it moves only once the new version is loaded and warm, so a swap drops no
 * request: the old version keeps answering until then. Moves come from alias events and from
 * re-reading an alias older than `refreshMs` (events can be missed). A version that fails to
 * load leaves the alias where it was, and the move is retried with exponential backoff.
 */
export class AliasTable {
  private readonly entries = new Map<string, Entry>();
  private readonly reading = new SingleFlight<number>();
  private readonly now: () => number;
  private closed = false;

  constructor(private readonly options: AliasTableOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The version `alias` serves here; reads the registry only the first time (or after a refresh period, in the background). */
  async versionOf(modelName: string, alias: string): Promise<number> {
    const key = keyOf(modelName, alias);
    const entry = this.entries.get(key);
    if (entry) {
      if (this.now() - entry.checkedAt > this.options.refreshMs) this.refresh(modelName, alias, entry);
      return entry.version;
    }
    const version = await this.reading.run(key, () => this.options.resolve(modelName, alias));
    if (!this.entries.has(key)) this.entries.set(key, { version, checkedAt: this.now() });
    return this.entries.get(key)!.version;
  }

  /** Aliases that point at `version` here. */
  aliasesOf(modelName: string, version: number): string[] {
    const aliases: string[] = [];
    for (const [key, entry] of this.entries) {
      const [model, alias] = key.split('\u0000') as [string, string];
      if (model === modelName && entry.version === version) aliases.push(alias);
    }
    return aliases;
  }

  /** Moves that are waiting on a version that failed to load. */
  get pending(): PendingMove[] {
    return [...this.entries].flatMap(([key, entry]) => {
      if (!entry.pending) return [];
      const [modelName, alias] = key.split('\u0000') as [string, string];
      return [{ modelName, alias, version: entry.pending.version, attempts: entry.pending.attempts, error: entry.pending.error }];
    });
  }

  /**
   * The registry moved `alias` to `version`: prepare the version, then serve it. Aliases this
   * replica has never served are left to be read on first use.
   */
  moveTo(modelName: string, alias: string, version: number): void {
    const entry = this.entries.get(keyOf(modelName, alias));
    if (!entry || this.closed) return;
    entry.checkedAt = this.now();
    if (entry.version === version) {
      this.cancelPending(entry);
      return;
    }
    if (entry.pending?.version === version) return;
    this.cancelPending(entry);
    entry.pending = { version, attempts: 0 };
    void this.attempt(modelName, alias, entry, version);
  }

  /** Stops retries; for shutdown. */
  close(): void {
    this.closed = true;
    for (const entry of this.entries.values()) this.cancelPending(entry);
  }

  private refresh(modelName: string, alias: string, entry: Entry): void {
    entry.checkedAt = this.now();
    this.options.resolve(modelName, alias).then(
      (version) => this.moveTo(modelName, alias, version),
      (error: unknown) => this.options.logger.warn('could not re-read an alias; serving the version it had', { model: modelName, alias, version: entry.version, error: String(error) }),
    );
  }

  private cancelPending(entry: Entry): void {
    if (entry.pending?.timer) clearTimeout(entry.pending.timer);
    delete entry.pending;
  }

  private async attempt(modelName: string, alias: string, entry: Entry, version: number): Promise<void> {
    const pending = entry.pending;
    if (!pending || pending.version !== version || this.closed) return;
    pending.attempts += 1;
    try {
      await this.options.prepare(modelName, version);
    } catch (error) {
      if (entry.pending !== pending || this.closed) return;
      pending.error = error instanceof Error ? error.message : String(error);
      const wait = Math.min(this.options.retryMs.max, this.options.retryMs.first * 2 ** (pending.attempts - 1));
      this.options.logger.error('a version failed to load; the alias keeps serving the one it had', {
        model: modelName,
        alias,
        serving: entry.version,
        failed: version,
        attempts: pending.attempts,
        retryInMs: wait,
        error: pending.error,
      });
      pending.timer = setTimeout(() => void this.attempt(modelName, alias, entry, version), wait);
      pending.timer.unref();
      return;
    }
    if (entry.pending !== pending) return;
    const from = entry.version;
    entry.version = version;
    delete entry.pending;
    this.options.logger.info('alias moved', { model: modelName, alias, from, to: version });
    this.options.moved?.(modelName, alias, from, version);
  }
}
