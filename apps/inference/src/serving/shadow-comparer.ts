import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import type { Logger } from '@aiaas/observability';
import type { MirroredEntry, ShadowComparison, ShadowDeployments, ShadowRecord } from '@aiaas/registry';
import type { LoadedVersion, ModelRepository } from '../model-repository';
import { answerMirrored } from '../predictor';
import { requestInputs } from '../sequence-decoding';
import { decodeMirroredRequest, type MirroredRequest } from './mirrored-request';
import { compareAnswers, judgeShadow, type TimedAnswer } from './shadow-judgement';

export interface ShadowComparerOptions {
  readonly shadows: ShadowDeployments;
  readonly repository: ModelRepository;
  /** A connection of its own: reading the stream blocks it. */
  readonly connection: Redis;
  /** This replica's name in the consumer group; unique across replicas. */
  readonly consumer: string;
  /** Most rows a request may carry (MAX_BATCH_ROWS). */
  readonly maxRows: number;
  readonly logger: Logger;
  /** How long a read waits for mirrored requests, and the pause when no shadow runs. Default 1 s. */
  readonly idleMs?: number;
  /** How long a mirrored request another replica read may stay unacknowledged before this one takes it over. Default 60 s. */
  readonly abandonedAfterMs?: number;
}

/** Mirrored requests read at once. */
const READ_COUNT = 16;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Whether a version takes the tensors its baseline was fed: the same transform, and the same inputs. */
function takesSameInputs(baseline: LoadedVersion, candidate: LoadedVersion): boolean {
  const signature = (version: LoadedVersion) => JSON.stringify(requestInputs(version.record).map(({ name, dtype, width }) => [name, dtype, width]));
  return baseline.record.artifacts.transform === candidate.record.artifacts.transform && signature(baseline) === signature(candidate);
}

/**
 * The comparing side of shadow deployments, one per replica: reads mirrored requests from the
 * stream (each goes to one replica, and what a vanished replica read goes to another once it
 * has waited `abandonedAfterMs`), answers each with the baseline version and the candidate,
 * adds the comparison to the shared tally, and concludes the deployment once enough requests
 * were tried — moving the alias to the candidate, which is loaded and warm here, when every
 * tolerance holds.
 */
export class ShadowComparer {
  private closed = false;
  private running: Promise<void> | undefined;
  private turn = 0;

  constructor(private readonly options: ShadowComparerOptions) {}

  start(): void {
    this.running ??= this.loop();
  }

  /** Stops reading; waits for the request being compared. */
  async close(): Promise<void> {
    this.closed = true;
    this.options.connection.disconnect();
    await this.running;
  }

  private async loop(): Promise<void> {
    const idleMs = this.options.idleMs ?? 1_000;
    while (!this.closed) {
      try {
        const models = await this.options.shadows.shadowingModels();
        if (models.length === 0) {
          await new Promise((resolve) => setTimeout(resolve, idleMs));
          continue;
        }
        const { shadows, consumer, connection } = this.options;
        const abandoned = await shadows.claimAbandoned(consumer, models, this.options.abandonedAfterMs ?? 60_000, READ_COUNT);
        const entries = abandoned.length > 0 ? abandoned : await shadows.readMirrored(connection, consumer, models, READ_COUNT, idleMs);
        for (const entry of entries) await this.take(entry);
      } catch (error) {
        if (this.closed) return;
        this.options.logger.warn('shadow comparison interrupted; trying again', { error: message(error) });
        await new Promise((resolve) => setTimeout(resolve, idleMs));
      }
    }
  }

  /** Compares one mirrored request, if it belongs to the model's running shadow deployment, and judges the deployment. */
  private async take(entry: MirroredEntry): Promise<void> {
    const { shadows } = this.options;
    const shadow = await shadows.record(entry.modelName);
    if (shadow?.state !== 'shadowing' || shadow.id !== entry.shadowId) {
      await shadows.discard(entry);
      return;
    }
    const tried = await shadows.addComparison(entry, await this.compare(entry, shadow));
    // Another replica took this request over (this one was too slow) and counted it already.
    if (tried === undefined) return;
    // The whole tally (latency percentiles over up to 20,000 samples) only once a verdict is possible.
    const verdict = tried >= shadow.minRequests ? judgeShadow(shadow, await shadows.tally(entry.modelName)) : undefined;
    if (verdict && (await shadows.conclude(entry.modelName, shadow, verdict))) {
      const log = verdict.state === 'promoted' ? this.options.logger.info : this.options.logger.warn;
      log.call(this.options.logger, `shadow candidate ${verdict.state}`, { model: entry.modelName, alias: shadow.alias, candidate: shadow.candidateVersion, reason: verdict.reason });
    }
  }

  private async compare(entry: MirroredEntry, shadow: ShadowRecord): Promise<ShadowComparison> {
    let request: MirroredRequest;
    try {
      request = decodeMirroredRequest(entry.body);
    } catch (error) {
      this.options.logger.warn('skipped a damaged mirrored request', { model: entry.modelName, entry: entry.entryId, error: message(error) });
      return { outcome: 'skipped' };
    }
    const { repository } = this.options;
    const tryCandidate = (baseline: LoadedVersion) =>
      repository
        .use(entry.modelName, { version: shadow.candidateVersion }, (candidate) => this.compareOn(baseline, candidate, request))
        .catch((error: unknown): ShadowComparison => ({ outcome: 'failed', error: `version ${shadow.candidateVersion} could not be used: ${message(error)}` }));
    // The baseline answered this request live; if it cannot be used now (retired meanwhile), the request is not counted.
    return repository.use(entry.modelName, { version: entry.baselineVersion }, tryCandidate).catch((): ShadowComparison => ({ outcome: 'skipped' }));
  }

  private async compareOn(baseline: LoadedVersion, candidate: LoadedVersion, request: MirroredRequest): Promise<ShadowComparison> {
    if (request.kind === 'inputs' && !takesSameInputs(baseline, candidate)) return { outcome: 'skipped' };
    // Alternated, so neither version is always the one that runs on a warm cache.
    const candidateFirst = this.turn++ % 2 === 1;
    const first = await this.timedAnswer(candidateFirst ? candidate : baseline, request);
    const second = await this.timedAnswer(candidateFirst ? baseline : candidate, request);
    const [base, cand] = candidateFirst ? [second, first] : [first, second];
    if (base instanceof Error) return { outcome: 'skipped' };
    if (cand instanceof Error) return { outcome: 'failed', error: cand.message };
    return compareAnswers(base, cand, request.kind === 'records' ? request.records.length : request.rows);
  }

  private async timedAnswer(version: LoadedVersion, request: MirroredRequest): Promise<TimedAnswer | Error> {
    const started = performance.now();
    try {
      const fields = await answerMirrored(version, request, this.options.maxRows);
      return { fields, ms: performance.now() - started };
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }
}
