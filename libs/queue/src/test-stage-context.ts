import { silentLogger } from '@aiaas/observability';
import type { StagePayload } from './stage-contracts';
import type { StageContext } from './stage-worker';
import type { StageName } from '@aiaas/registry';

/** What a processor reported through a test context. */
export interface RecordedReports {
  readonly progress: Array<{ fraction: number; message: string }>;
  readonly epochs: Array<{ epoch: number; epochs: number; metrics: Readonly<Record<string, number>>; etaSeconds?: number }>;
  readonly versions: number[];
  readonly checkpoints: Array<Readonly<Record<string, unknown>>>;
}

/**
 * A StageContext for calling a stage processor directly, outside BullMQ: `previous` is what
 * `previousResult()` returns, `options.checkpoint` what an earlier attempt saved, `options.signal`
 * the cancellation signal, and every report is recorded for assertions.
 */
export function createTestStageContext<S extends StageName>(
  payload: StagePayload<S>,
  previous?: unknown,
  options: { readonly checkpoint?: Readonly<Record<string, unknown>>; readonly signal?: AbortSignal } = {},
): { context: StageContext<S>; reports: RecordedReports } {
  const reports: RecordedReports = { progress: [], epochs: [], versions: [], checkpoints: [] };
  const context: StageContext<S> = {
    jobId: payload.jobId,
    payload,
    attempt: 1,
    logger: silentLogger,
    previousResult: async () => {
      if (previous === undefined) throw new Error('this test gave the stage no previous result');
      return previous as never;
    },
    progress: async (fraction, message) => {
      reports.progress.push({ fraction, message });
    },
    epochEnded: async (epoch, epochs, metrics, etaSeconds) => {
      reports.epochs.push({ epoch, epochs, metrics, ...(etaSeconds === undefined ? {} : { etaSeconds }) });
    },
    modelVersionReserved: async (version) => {
      reports.versions.push(version);
    },
    step: undefined,
    waitForChildren: async () => {
      throw new Error('a test stage context runs no child tasks; run the stage through a StageWorker');
    },
    taskResults: async () => [],
    checkpoint: options.checkpoint,
    saveCheckpoint: async (saved) => {
      reports.checkpoints.push(saved);
    },
    signal: options.signal ?? new AbortController().signal,
  };
  return { context, reports };
}
