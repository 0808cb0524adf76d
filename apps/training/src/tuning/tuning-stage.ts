import { z } from 'zod';
import { InvalidArgumentError } from '@aiaas/errors';
import { isBetterObjective, rungsOf, trialParameters, withParameters, type TrainingSpec, type TuningSpec } from '@aiaas/model-spec';
import type { StageContext, StageOutcome, StageResult, TaskJob, TaskResult } from '@aiaas/queue';
import type { TuningRecord } from '@aiaas/registry';
import { describeMetrics, registerTrainedModel, type VersionRegistration } from '../register-version';

type TrialResult = TaskResult<'trainTrial'>;

/** Where a search is, kept in the job between waves of trials. */
const searchStateSchema = z.object({
  rung: z.number().int().nonnegative(),
  /** Trials (by index) that run in this rung, best of the previous rung first. */
  survivors: z.array(z.number().int().nonnegative()),
  /** How many of `survivors` have been dispatched. */
  dispatched: z.number().int().nonnegative(),
});
type SearchState = z.infer<typeof searchStateSchema>;

const STEP = 'trials';

const byObjective = (tuning: TuningSpec) => (a: TrialResult, b: TrialResult) =>
  isBetterObjective(tuning.objective, a.objective, b.objective) ? -1 : isBetterObjective(tuning.objective, b.objective, a.objective) ? 1 : a.trial - b.trial;

function describeParameters(parameters: TrialResult['parameters']): string {
  return Object.entries(parameters)
    .map(([name, value]) => `${name}=${typeof value === 'number' ? Number(value.toPrecision(3)) : value}`)
    .join(', ');
}

/** Every trial's last result, best first: the search's leaderboard. */
function leaderboard(results: readonly TrialResult[], tuning: TuningSpec): TrialResult[] {
  const latest = new Map<number, TrialResult>();
  for (const result of results) {
    const known = latest.get(result.trial);
    if (!known || result.rung > known.rung) latest.set(result.trial, result);
  }
  // Later rungs trained longer, so they rank first; within a rung, by objective.
  return [...latest.values()].sort((a, b) => b.rung - a.rung || byObjective(tuning)(a, b));
}

/**
 * A train stage with a hyper-parameter search: fans trials out as child tasks (at most
 * `maxConcurrentTrials` at a time, picked up by any training replica), keeps the best of each
 * successive-halving rung for the next, and registers the winner as the version, with the
 * leaderboard. Between waves the job holds no worker slot (BullMQ's waiting-children state).
 */
export async function runTuningStage(dependencies: VersionRegistration, context: StageContext<'train'>, tuning: TuningSpec): Promise<StageOutcome<'train'>> {
  const processed: StageResult<'preprocess'> = await context.previousResult();
  const { modelName, training: base } = context.payload;
  const version = await dependencies.models.reserveVersion(modelName, context.jobId);
  await context.modelVersionReserved(version);

  const trials = trialParameters(tuning);
  const specs = trials.map((parameters, trial) => {
    try {
      return withParameters(base, parameters);
    } catch (error) {
      throw new InvalidArgumentError('tuning.parameters', `trial ${trial}: ${(error as Error).message}`, { cause: error });
    }
  });
  const rungs = rungsOf(tuning, trials.length, base.epochs);
  const results = context.step ? await context.taskResults('trainTrial') : [];
  let state: SearchState = context.step ? searchStateSchema.parse(context.step.state) : { rung: 0, survivors: trials.map((_, trial) => trial), dispatched: 0 };

  for (;;) {
    const rung = rungs[state.rung]!;
    if (state.dispatched < state.survivors.length) {
      const wave = state.survivors.slice(state.dispatched, state.dispatched + tuning.maxConcurrentTrials);
      const previous = new Map(results.filter((result) => result.rung === state.rung - 1).map((result) => [result.trial, result.checkpoint]));
      const tasks: TaskJob[] = wave.map((trial) => {
        const resumeFrom = previous.get(trial);
        return {
          task: 'trainTrial',
          id: `${context.jobId}-trial-${trial}-rung-${state.rung}`,
          payload: {
            jobId: context.jobId,
            tenant: context.payload.tenant,
            trial,
            rung: state.rung,
            parameters: trials[trial]!,
            training: { ...specs[trial]!, epochs: rung.epochs } satisfies TrainingSpec,
            processed,
            objective: tuning.objective,
            ...(resumeFrom ? { resumeFrom } : {}),
          },
        };
      });
      const done = results.length;
      const total = rungs.reduce((sum, each) => sum + each.trials, 0);
      await context.progress(done / total, `rung ${state.rung + 1}/${rungs.length}: trials ${wave.join(', ')} for ${rung.epochs} epochs (${done}/${total} trial runs done)`);
      await context.waitForChildren(tasks, { name: STEP, state: { ...state, dispatched: state.dispatched + wave.length } });
    }
    const finished = results.filter((result) => result.rung === state.rung).sort(byObjective(tuning));
    const best = finished[0];
    if (best) await context.progress(Math.min(1, (state.rung + 1) / rungs.length), `rung ${state.rung + 1}/${rungs.length} done: best trial ${best.trial} ${tuning.objective} ${best.objective.toFixed(4)} (${describeParameters(best.parameters)})`);
    const next = rungs[state.rung + 1];
    if (!next) break;
    state = { rung: state.rung + 1, survivors: finished.slice(0, next.trials).map((result) => result.trial), dispatched: 0 };
  }

  const board = leaderboard(results, tuning);
  const winner = board[0];
  if (!winner) throw new Error('the search finished without a trial result');
  const spec = { ...specs[winner.trial]!, epochs: winner.fit.epochsRun };
  const tuningRecord: TuningRecord = {
    strategy: tuning.strategy,
    objective: tuning.objective,
    best: winner.trial,
    trials: board.map((result) => ({ trial: result.trial, parameters: result.parameters, rung: result.rung, epochs: result.fit.epochsRun, objective: result.objective })),
  };
  const trained = { head: winner.head, labels: winner.labels, inputs: winner.inputs, fit: winner.fit, preflight: winner.preflight, artifacts: winner.model, onnx: winner.onnx };
  await registerTrainedModel(dependencies, context.jobId, { modelName, version, spec, processed }, trained, tuningRecord);
  return {
    result: { modelName, version },
    summary: `${modelName} version ${version}: trial ${winner.trial} of ${trials.length} won the ${tuning.strategy} search (${describeParameters(winner.parameters)}): ${describeMetrics(winner.fit.metrics)}`,
  };
}
