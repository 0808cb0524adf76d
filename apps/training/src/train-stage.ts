import * as tf from '@tensorflow/tfjs';
import { createSeededRandom, loadSplit, loadSplitsManifest, shuffleInPlace, type SplitData, type SplitsManifest } from '@aiaas/data';
import { FailedPreconditionError, InvalidArgumentError } from '@aiaas/errors';
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

/** Without a validation split from preprocessing, training holds out a slice when there is enough data. */
const MIN_ROWS_FOR_VALIDATION = 50;
const VALIDATION_FRACTION = 0.1;

/** A classification split as the MLP consumes it: dense features and class indexes. */
interface DenseSplit {
  readonly rows: number;
  readonly features: Float32Array;
  readonly labels: Int32Array;
}

/**
 * The dense features and class labels of a split; what the MLP cannot consume (regression
 * targets, integer-index outputs for embeddings) is a FailedPreconditionError.
 */
export function denseClassificationSplit(manifest: SplitsManifest, split: SplitData): DenseSplit & { featureCount: number } {
  if (manifest.labelDtype !== 'int32' || manifest.classLabels.length < 2) {
    throw new FailedPreconditionError('the MLP trainer fits classifiers; this preprocessing run produced a regression target');
  }
  const others = manifest.outputs.filter((output) => output.name !== 'features').map((output) => output.name);
  if (others.length > 0) throw new FailedPreconditionError(`the MLP trainer takes dense features only, but the preprocessing run also produced ${others.join(', ')}`);
  const featureCount = manifest.outputs.find((output) => output.name === 'features')?.width ?? 0;
  if (featureCount === 0) throw new FailedPreconditionError('the preprocessing run produced no dense features to train on');
  return { rows: split.rows, features: split.tensors['features'] as Float32Array, labels: split.labels as Int32Array, featureCount };
}

/** Rows in a seeded order: TF.js's own shuffle is not seedable, so training does not use it. */
function shuffled(split: DenseSplit, featureCount: number, seed: number): DenseSplit {
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
    const { featureCount, ...loaded } = denseClassificationSplit(manifest, await loadSplit(dependencies.store, manifest, 'train'));
    const train = shuffled(loaded, featureCount, training.seed);
    const validation = manifest.validation.rows > 0 ? denseClassificationSplit(manifest, await loadSplit(dependencies.store, manifest, 'validation')) : undefined;
    const classes = manifest.classLabels.length;
    const tensorsBefore = tf.memory().numTensors;
    const model = buildMlpClassifier({
      inputSize: featureCount,
      classes,
      hiddenUnits: training.hiddenUnits,
      dropout: training.dropout,
      learningRate: training.learningRate,
      seed: training.seed,
    });
    const x = tf.tensor2d(train.features, [train.rows, featureCount]);
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d(train.labels, 'int32'), classes));
    const validationData = validation
      ? ([tf.tensor2d(validation.features, [validation.rows, featureCount]), tf.tidy(() => tf.oneHot(tf.tensor1d(validation.labels, 'int32'), classes))] as [tf.Tensor, tf.Tensor])
      : undefined;
    const started = now();
    let finalLoss = Number.NaN;
    try {
      const history = await model.fit(x, y, {
        epochs: training.epochs,
        batchSize: training.batchSize,
        shuffle: false,
        ...(validationData ? { validationData } : { validationSplit: train.rows >= MIN_ROWS_FOR_VALIDATION ? VALIDATION_FRACTION : 0 }),
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
        featureCount,
        backend: dependencies.backend.name,
        training: { ...training, trainRows: train.rows, finalLoss },
        artifacts: { ...artifacts, transform: processed.transform, splits: processed.splits },
        createdAt: now(),
      });
    } finally {
      tf.dispose([x, y, ...(validationData ?? [])]);
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
