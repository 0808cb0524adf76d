import { InvalidArgumentError } from '@aiaas/errors';
import { PostponeTask, type TaskContext, type TaskResult, type TenantSlots } from '@aiaas/queue';
import { runTraining, type TrainingRunDependencies } from '../training-run';

/** How long a trial waits before asking again for one of its tenant's slots. */
const SLOT_RETRY_MS = 1_000;

export interface TrialDependencies extends TrainingRunDependencies {
  /** Limits the trials each tenant runs at once across all replicas. */
  readonly slots: TenantSlots;
}

/** Fits the trial's spec and reports the search's objective at the kept epoch. */
async function trainTrial(dependencies: TrainingRunDependencies, context: TaskContext<'trainTrial'>): Promise<TaskResult<'trainTrial'>> {
  const { payload } = context;
  const checkpoint = context.checkpoint ?? (payload.resumeFrom ? { trainingCheckpoint: payload.resumeFrom } : undefined);
  const trained = await runTraining(dependencies, {
    spec: payload.training,
    processed: payload.processed,
    checkpoint,
    signal: context.signal,
    logger: context.logger,
    saveCheckpoint: (pointer) => context.saveCheckpoint(pointer),
  });
  const objective = trained.fit.metrics[payload.objective];
  if (objective === undefined) {
    const measured = Object.keys(trained.fit.metrics).join(', ');
    throw new InvalidArgumentError('tuning.objective', `${payload.objective} was not measured for this model (it reports ${measured}); rank trials by one of those`);
  }
  if (!trained.checkpoint) throw new Error(`trial ${payload.trial} finished without a checkpoint`);
  return {
    trial: payload.trial,
    rung: payload.rung,
    parameters: payload.parameters,
    objective,
    fit: trained.fit,
    preflight: trained.preflight,
    model: trained.artifacts,
    onnx: trained.onnx,
    head: trained.plan.head.kind,
    labels: trained.plan.labels,
    inputs: trained.plan.inputs.map((input) => ({ ...input })),
    checkpoint: trained.checkpoint.trainingCheckpoint,
  };
}

/**
 * One trial of a hyper-parameter search, run by any training replica once its tenant has a
 * free trial slot (else it goes back to the queue for a second): fits the trial's spec (from
 * the previous rung's checkpoint in successive halving, or from its own checkpoint after a
 * crash), saves the model, and reports the search's objective at the kept epoch.
 */
export function createTrialProcessor(dependencies: TrialDependencies) {
  return async (context: TaskContext<'trainTrial'>): Promise<TaskResult<'trainTrial'>> => {
    const { payload } = context;
    const lease = await dependencies.slots.acquire(payload.tenant, `${payload.jobId}:${payload.trial}:${payload.rung}`);
    if (!lease) throw new PostponeTask(SLOT_RETRY_MS, `tenant ${payload.tenant} has every trial slot in use`);
    try {
      return await trainTrial(dependencies, context);
    } finally {
      await lease.release();
    }
  };
}
