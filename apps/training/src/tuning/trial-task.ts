import { InvalidArgumentError } from '@aiaas/errors';
import type { TaskContext, TaskResult } from '@aiaas/queue';
import { runTraining, type TrainingRunDependencies } from '../training-run';

/**
 * One trial of a hyper-parameter search, run by any training replica: fits the trial's spec
 * (from the previous rung's checkpoint in successive halving, or from its own checkpoint after a
 * crash), saves the model, and reports the search's objective at the kept epoch.
 */
export function createTrialProcessor(dependencies: TrainingRunDependencies) {
  return async (context: TaskContext<'trainTrial'>): Promise<TaskResult<'trainTrial'>> => {
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
      head: trained.plan.head.kind,
      labels: trained.plan.labels,
      inputs: trained.plan.inputs.map((input) => ({ ...input })),
      checkpoint: trained.checkpoint.trainingCheckpoint,
    };
  };
}
