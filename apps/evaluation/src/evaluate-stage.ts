import { loadSplit, loadSplitsManifest } from '@aiaas/data';
import { FailedPreconditionError } from '@aiaas/errors';
import { argMaxRows, loadModel, predictProbabilities } from '@aiaas/models';
import type { StageContext, StageOutcome } from '@aiaas/queue';
import type { ModelRegistry } from '@aiaas/registry';
import type { ArtifactStore } from '@aiaas/storage';
import { classificationMetrics } from './classification-metrics';

export interface EvaluateDependencies {
  readonly models: ModelRegistry;
  readonly store: ArtifactStore;
  readonly now?: () => number;
}

const round = (value: number) => value.toFixed(3);

/**
 * The evaluate stage: scores the new version on the held-out test split, records the metrics,
 * and blesses the version when its accuracy reaches the pipeline's threshold.
 */
export function createEvaluateProcessor(dependencies: EvaluateDependencies) {
  const now = dependencies.now ?? Date.now;
  return async (context: StageContext<'evaluate'>): Promise<StageOutcome<'evaluate'>> => {
    const { modelName, version } = await context.previousResult();
    const record = await dependencies.models.getVersion(modelName, version);
    const manifest = await loadSplitsManifest(dependencies.store, record.artifacts.splits);
    const test = await loadSplit(dependencies.store, manifest, 'test');
    const features = test.tensors['features'];
    const featureCount = manifest.outputs.find((output) => output.name === 'features')?.width ?? 0;
    if (!(features instanceof Float32Array) || featureCount === 0 || !(test.labels instanceof Int32Array)) {
      throw new FailedPreconditionError(`version ${version} of ${modelName} has no dense features and class labels to evaluate a classifier on`);
    }
    const model = await loadModel(dependencies.store, record.artifacts);
    let predicted: Int32Array;
    try {
      const probabilities = await predictProbabilities(model, features, test.rows, featureCount);
      predicted = argMaxRows(probabilities, manifest.classLabels.length);
    } finally {
      model.dispose();
    }
    const metrics = classificationMetrics(test.labels, predicted, manifest.classLabels);
    const { minAccuracy } = context.payload;
    const blessed = metrics.accuracy >= minAccuracy;
    const reason = `test accuracy ${round(metrics.accuracy)} ${blessed ? '>=' : '<'} min_accuracy ${round(minAccuracy)}`;
    await dependencies.models.recordEvaluation(modelName, version, { status: blessed ? 'blessed' : 'rejected', reason, metrics, evaluatedAt: now() });
    return {
      result: { modelName, version, blessed, reason },
      summary: `accuracy ${round(metrics.accuracy)}, macro-F1 ${round(metrics.macroF1)} on ${metrics.testRows} test rows: ${blessed ? 'blessed' : 'rejected'} (${reason})`,
    };
  };
}
