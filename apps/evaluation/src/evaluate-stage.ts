import { loadSplit, loadSplitsManifest } from '@aiaas/data';
import { loadModel } from '@aiaas/models';
import type { StageContext, StageOutcome } from '@aiaas/queue';
import type { ModelRegistry } from '@aiaas/registry';
import type { ArtifactStore } from '@aiaas/storage';
import { evaluationVerdict } from './evaluation-verdict';
import { scoreVersion, type VersionScore } from './score-version';

export interface EvaluateDependencies {
  readonly models: ModelRegistry;
  readonly store: ArtifactStore;
  readonly now?: () => number;
}

/**
 * The evaluate stage: scores the new version on the held-out test split as its labels say
 * (classes, values or interactions), records the metrics, and blesses the version — by the
 * pipeline's accuracy threshold for classifiers and implicit-feedback recommenders, always for
 * regressors.
 */
export function createEvaluateProcessor(dependencies: EvaluateDependencies) {
  const now = dependencies.now ?? Date.now;
  return async (context: StageContext<'evaluate'>): Promise<StageOutcome<'evaluate'>> => {
    const { modelName, version } = await context.previousResult();
    const record = await dependencies.models.getVersion(modelName, version);
    const manifest = await loadSplitsManifest(dependencies.store, record.artifacts.splits);
    const test = await loadSplit(dependencies.store, manifest, 'test');
    // Interactions of the other splits are not non-interactions: sampling must avoid them too.
    const otherSplits = record.labels === 'interaction' ? await Promise.all((['train', 'validation'] as const).map((split) => loadSplit(dependencies.store, manifest, split))) : [];
    const model = await loadModel(dependencies.store, record.artifacts);
    let score: VersionScore;
    try {
      score = await scoreVersion(model, record, test, otherSplits);
    } finally {
      model.dispose();
    }
    const { blessed, reason, summary } = evaluationVerdict(score, context.payload.minAccuracy);
    await dependencies.models.recordEvaluation(modelName, version, { status: blessed ? 'blessed' : 'rejected', reason, metrics: score.metrics, evaluatedAt: now() });
    return { result: { modelName, version, blessed, reason }, summary };
  };
}
