import { FailedPreconditionError } from '@aiaas/errors';
import type { StageContext, StageOutcome } from '@aiaas/queue';
import type { ModelRegistry } from '@aiaas/registry';
import type { ModelRepository } from './model-repository';

/**
 * The deploy stage: loads a blessed version into this replica (other replicas load it on first
 * use), which warms it up with one prediction over every input it takes, and points the
 * pipeline's alias at it. An unblessed version fails the stage for good, and so does one that
 * fails its warm-up (its model does not take the inputs or give the outputs its record lists):
 * the alias then stays where it was.
 */
export function createDeployProcessor(dependencies: { readonly models: ModelRegistry; readonly repository: ModelRepository }) {
  return async (context: StageContext<'deploy'>): Promise<StageOutcome<'deploy'>> => {
    const evaluated = await context.previousResult();
    const { modelName, version } = evaluated;
    if (!evaluated.blessed) {
      throw new FailedPreconditionError(`${modelName} version ${version} was not deployed: evaluation rejected it (${evaluated.reason})`);
    }
    await dependencies.repository.load(modelName, version);
    await dependencies.models.setAlias(modelName, context.payload.alias, version);
    return {
      result: { modelName, version, alias: context.payload.alias },
      summary: `${modelName} version ${version} serves as "${context.payload.alias}"`,
    };
  };
}
