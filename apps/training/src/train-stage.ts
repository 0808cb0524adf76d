import * as tf from '@tensorflow/tfjs';
import { createSeededRandom, loadSplit, loadSplitsManifest, shuffleInPlace, type Split } from '@aiaas/data';
import { InvalidArgumentError } from '@aiaas/errors';
import { buildMlpClassifier, saveModel, type ComputeBackend } from '@aiaas/models';
import type { StageContext, StageOutcome } from '@aiaas/queue';
import type { ModelRegistry } from '@aiaas/registry';
import type { ArtifactStore } from '@aiaas/storage';

export interface TrainDependencies {
  readonly models: ModelRegistry;
  readonly store: ArtifactStore;
  readonly backend: ComputeBackend;
  readonly now?: () => number;
}

/** Training keeps a validation slice only when there is enough data for it to mean anything. */
const MIN_ROWS_FOR_VALIDATION = 50;
const VALIDATION_FRACTION = 0.1;

/** Rows in a seeded order: TF.js's own shuffle is not seedable, so training does not use it. */
function shuffled(split: Split, featureCount: number, seed: number): Split {
  const order = shuffleInPlace(Array.from({ length: split.rows }, (_, row) => row), createSeededRandom(seed));
  const features = new Float32Array(split.features.length);
  const labels = new Int32Array(split.rows);
  order.forEach((from, to) => {
    features.set(split.features.subarray(from * featureCount, (from + 1) * featureCount), to * featureCount);
    labels[to] = split.labels[from]!;
  });
  return { rows: split.rows, features, labels };
}

/**
 * The train stage: fits an MLP classifier on the preprocessed training split, reporting every
 * epoch, then saves it to the artifact store and registers it as a new version of the model.
 */
export function createTrainProcessor(dependencies: TrainDependencies) {
  const now = dependencies.now ?? Date.now;
  return async (context: StageContext<'train'>): Promise<StageOutcome<'train'>> => {
    const processed = await context.previousResult();
    const { modelName, training } = context.payload;
    const version = await dependencies.models.reserveVersion(modelName, context.jobId);
    await context.modelVersionReserved(version);

    const manifest = await loadSplitsManifest(dependencies.store, processed.splits);
    const train = shuffled(await loadSplit(dependencies.store, manifest, 'train'), manifest.featureCount, training.seed);
    const classes = manifest.classLabels.length;
    const tensorsBefore = tf.memory().numTensors;
    const model = buildMlpClassifier({
      inputSize: manifest.featureCount,
      classes,
      hiddenUnits: training.hiddenUnits,
      dropout: training.dropout,
      learningRate: training.learningRate,
      seed: training.seed,
    });
    const x = tf.tensor2d(train.features, [train.rows, manifest.featureCount]);
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d(train.labels, 'int32'), classes));
    const started = now();
    let finalLoss = Number.NaN;
    try {
      const history = await model.fit(x, y, {
        epochs: training.epochs,
        batchSize: training.batchSize,
        shuffle: false,
        validationSplit: train.rows >= MIN_ROWS_FOR_VALIDATION ? VALIDATION_FRACTION : 0,
        verbose: 0,
        callbacks: {
          onEpochEnd: async (epoch, logs) => {
            const metrics = Object.fromEntries(Object.entries(logs ?? {}).filter(([, value]) => Number.isFinite(value)));
            await context.epochEnded(epoch + 1, training.epochs, metrics);
          },
        },
      });
      const losses = history.history.loss ?? [];
      finalLoss = Number(losses[losses.length - 1]);
      if (!Number.isFinite(finalLoss)) {
        throw new InvalidArgumentError('training.learning_rate', `training diverged (loss ${finalLoss}); try a smaller learning rate than ${training.learningRate}`);
      }
      const artifacts = await saveModel(model, dependencies.store);
      await dependencies.models.registerVersion({
        modelName,
        version,
        jobId: context.jobId,
        datasetId: processed.datasetId,
        targetColumn: processed.targetColumn,
        classLabels: manifest.classLabels,
        inputColumns: processed.inputColumns,
        featureCount: manifest.featureCount,
        backend: dependencies.backend.name,
        training: { ...training, trainRows: train.rows, finalLoss },
        artifacts: { ...artifacts, transform: processed.transform, splits: processed.splits },
        createdAt: now(),
      });
    } finally {
      tf.dispose([x, y]);
      // The optimizer was passed in, so the model does not own (or dispose) its slot variables.
      model.optimizer.dispose();
      model.dispose();
    }
    const leaked = tf.memory().numTensors - tensorsBefore;
    if (leaked > 0) context.logger.warn('training left tensors allocated', { leaked });
    const seconds = (now() - started) / 1000;
    const samplesPerSecond = Math.round((train.rows * training.epochs) / Math.max(seconds, 1e-3));
    return {
      result: { modelName, version },
      summary: `${modelName} version ${version}: loss ${finalLoss.toFixed(4)} after ${training.epochs} epochs on ${train.rows} rows (${samplesPerSecond} samples/s on ${dependencies.backend.name})`,
    };
  };
}
