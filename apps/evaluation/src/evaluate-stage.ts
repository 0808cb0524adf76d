import { fittedTransformSchema, loadSplit, loadSplitsManifest, type SequenceTarget } from '@aiaas/data';
import { loadModel } from '@aiaas/models';
import type { StageContext, StageOutcome } from '@aiaas/queue';
import type { ModelRegistry } from '@aiaas/registry';
import { getJson, type ArtifactRef, type ArtifactStore } from '@aiaas/storage';
import { evaluationVerdict } from './evaluation-verdict';
import { scoreVersion, type VersionScore } from './score-version';

export interface EvaluateDependencies {
  readonly models: ModelRegistry;
  readonly store: ArtifactStore;
  readonly now?: () => number;
}

/** The fitted target of a transform, when it is a token sequence. */
async function sequenceTargetOf(store: ArtifactStore, transform: ArtifactRef): Promise<SequenceTarget | undefined> {
  const { target } = await getJson(store, transform, (value) => fittedTransformSchema.parse(value));
  return target.task === 'sequence' ? target : undefined;
}

/**
 * The evaluate stage: scores the new version on the held-out test split as its labels say
 * (classes, values, interactions or decoded sequences), records the metrics, and blesses the
 * version — by the pipeline's accuracy threshold for classifiers, implicit-feedback
 * recommenders and seq2seq models (exact matches), always for regressors.
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
    const sequenceTarget = record.labels === 'token-sequence' ? await sequenceTargetOf(dependencies.store, record.artifacts.transform) : undefined;
    const model = await loadModel(dependencies.store, record.artifacts);
    let score: VersionScore;
    try {
      score = await scoreVersion(model, record, test, { otherSplits, ...(sequenceTarget ? { sequenceTarget } : {}) });
    } finally {
      model.dispose();
    }
    const { blessed, reason, summary } = evaluationVerdict(score, context.payload.minAccuracy);
    await dependencies.models.recordEvaluation(modelName, version, { status: blessed ? 'blessed' : 'rejected', reason, metrics: score.metrics, evaluatedAt: now() });
    return { result: { modelName, version, blessed, reason }, summary };
  };
}
