import { loadSplit, loadSplitsManifest, type SplitData } from '@aiaas/data';
import type { StageContext, StageOutcome } from '@aiaas/queue';
import type { DatasetCatalog, ModelRegistry } from '@aiaas/registry';
import type { ArtifactStore } from '@aiaas/storage';
import { summarise } from './evaluation-report';
import { evaluationVerdict } from './evaluation-verdict';
import { evaluateTestSplit } from './scoring/evaluate-version';
import { loadVersion } from './scoring/loaded-version';

export interface EvaluateDependencies {
  readonly models: ModelRegistry;
  readonly datasets: DatasetCatalog;
  readonly store: ArtifactStore;
  /** Longest stored record read back for slices and comparisons. */
  readonly maxRecordBytes: number;
  readonly now?: () => number;
}

/**
 * The evaluate stage: scores the new version on its held-out test split with every metric of
 * its task (and top-k rankings for recommenders), per slice when asked, and against the
 * production version of the time on the same rows; renders and stores the report; and blesses
 * or rejects the version by the pipeline's min_accuracy, thresholds and tolerances.
 */
export function createEvaluateProcessor(dependencies: EvaluateDependencies) {
  const now = dependencies.now ?? Date.now;
  return async (context: StageContext<'evaluate'>): Promise<StageOutcome<'evaluate'>> => {
    const { payload } = context;
    const { modelName, version } = await context.previousResult();
    const record = await dependencies.models.getVersion(modelName, version);
    const manifest = await loadSplitsManifest(dependencies.store, record.artifacts.splits);
    const test = await loadSplit(dependencies.store, manifest, 'test');
    // Pairs users already have are neither recommendations nor sampled non-interactions.
    const known: SplitData[] =
      record.training.model.family === 'recommender' ? await Promise.all((['train', 'validation'] as const).map((split) => loadSplit(dependencies.store, manifest, split))) : [];
    const candidate = await loadVersion(dependencies.store, record);
    try {
      const evaluation = await evaluateTestSplit(dependencies, candidate, { test, known }, payload.sliceColumns);
      const verdict = evaluationVerdict(evaluation, record.labels, payload);
      const evaluatedAt = now();
      const summary = await summarise(dependencies.store, record, evaluation, { datasetId: record.datasetId, split: 'test', verdict, evaluatedAt });
      await dependencies.models.recordEvaluation(modelName, version, {
        status: verdict.blessed ? 'blessed' : 'rejected',
        reason: verdict.reason,
        metrics: evaluation.task.headline,
        summary,
        evaluatedAt,
      });
      return { result: { modelName, version, blessed: verdict.blessed, reason: verdict.reason }, summary: verdict.summary };
    } finally {
      candidate.model.dispose();
    }
  };
}
