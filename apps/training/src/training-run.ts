import * as tf from '@tensorflow/tfjs';
import {
  fittedTransformSchema,
  InteractionSampler,
  loadSplit,
  loadSplitsManifest,
  outputContents,
  targetSequenceShape,
  type KnownPairs,
  type LabelledPairs,
  type SplitsManifest,
} from '@aiaas/data';
import { CancelledError, InvalidArgumentError } from '@aiaas/errors';
import { planTraining, type TrainingPlan, type TrainingSpec } from '@aiaas/model-spec';
import { buildModel, kernelPreflight, saveModel, type KernelPreflight, type ModelArtifactRefs } from '@aiaas/models';
import type { StageResult } from '@aiaas/queue';
import type { Logger } from '@aiaas/observability';
import type { FitSummary, OnnxExportRecord } from '@aiaas/registry';
import { getJson, type ArtifactStore } from '@aiaas/storage';
import { DivergedError, fitModel, type BatchProgress, type FitOutcome, type RowSource } from './fitting/fit-model';
import { INITIAL_FIT_STATE, type FitState } from './fitting/fit-state';
import { createOptimizer } from './fitting/optimizers';
import { balancedClassWeights, labelScale, splitRows } from './fitting/split-rows';
import { checkpointPointerSchema, TrainingCheckpoints, type CheckpointPointer } from './fitting/training-checkpoint';
import { storeOnnxExport } from './onnx-artifact';
import { TrainingRows } from './fitting/training-rows';

/** What a training run needs from its host: a store for data, checkpoints and the model. */
export interface TrainingRunDependencies {
  readonly store: ArtifactStore;
}

/** One fit of one spec on one preprocessed dataset, and how it reports. */
export interface TrainingRun {
  readonly spec: TrainingSpec;
  readonly processed: StageResult<'preprocess'>;
  /** The pointer `saveCheckpoint` last stored for this run, if any: the run resumes from it. */
  readonly checkpoint: unknown;
  /** Aborted to stop the fit at the next batch boundary (CancelledError). */
  readonly signal: AbortSignal;
  readonly logger: Logger;
  saveCheckpoint(pointer: CheckpointPointer): Promise<void>;
  epochEnded?(metrics: Readonly<Record<string, number>>, state: FitState, etaSeconds: number | undefined): Promise<void>;
  batchProgress?(progress: BatchProgress): Promise<void>;
}

/** A fitted model, saved, with what the registry records about it. */
export interface TrainedModel {
  readonly plan: TrainingPlan;
  readonly fit: FitSummary;
  readonly artifacts: ModelArtifactRefs;
  /** The model as ONNX, or why it has none. */
  readonly onnx: OnnxExportRecord;
  readonly preflight: KernelPreflight;
  /** Where the fit's last checkpoint is, to carry on training (successive halving). */
  readonly checkpoint: CheckpointPointer | undefined;
}

/** Training holds out validation rows itself only when there are enough to mean something. */
const MIN_ROWS_FOR_VALIDATION = 50;
/** Keeps validation negatives apart from any epoch's training negatives. */
const VALIDATION_SEED_OFFSET = 1_000_003;

/** Implicit-feedback rows (user, item, 0/1) as the recommender consumes them. */
function pairRows(pairs: LabelledPairs): TrainingRows {
  return new TrainingRows(
    pairs.users.length,
    [
      { values: pairs.users, width: 1 },
      { values: pairs.items, width: 1 },
    ],
    pairs.labels,
  );
}

/** An interaction sampler over a split's user and item inputs and its numeric target. */
function samplerOf(rows: TrainingRows, itemCount: number, negativesPerPositive: number, seed: number, known: readonly TrainingRows[] = []): InteractionSampler {
  const pairsOf = (of: TrainingRows): KnownPairs => ({ users: of.inputs[0]!.values as Int32Array, items: of.inputs[1]!.values as Int32Array });
  const { users, items } = pairsOf(rows);
  return new InteractionSampler(users, items, rows.labels, itemCount, negativesPerPositive, seed, known.map(pairsOf));
}

/** The rows of one fit: what it trains on each epoch and what it validates on. */
interface FitRows {
  readonly train: RowSource;
  readonly trainRows: number;
  readonly validation: TrainingRows | undefined;
  readonly targetScale: { mean: number; std: number } | undefined;
  readonly classWeights: readonly number[] | undefined;
}

async function loadFitRows(store: ArtifactStore, manifest: SplitsManifest, plan: TrainingPlan, holdOut: boolean): Promise<FitRows> {
  const { spec } = plan;
  let train = splitRows(await loadSplit(store, manifest, 'train'), plan);
  let validation = manifest.validation.rows > 0 ? splitRows(await loadSplit(store, manifest, 'validation'), plan) : undefined;
  if (holdOut) ({ train, validation } = train.holdOut(spec.validationFraction, spec.seed));
  const classWeights =
    spec.classWeights.kind === 'balanced' ? balancedClassWeights(train.labels as Int32Array, manifest.classLabels.length) : plan.classWeights;
  if (plan.labels === 'interaction') {
    const items = plan.inputs[1]!.cardinality!;
    const { negativesPerPositive } = spec.model.family === 'recommender' && spec.model.feedback.kind === 'implicit' ? spec.model.feedback : { negativesPerPositive: 1 };
    const sampler = samplerOf(train, items, negativesPerPositive, spec.seed);
    if (sampler.positives === 0) throw new InvalidArgumentError('target_column', 'no training row has a value above 0, so there are no interactions to learn from');
    // Training interactions are not validation non-interactions (the reverse would leak validation into training).
    const validationRows = validation && pairRows(samplerOf(validation, items, negativesPerPositive, spec.seed + VALIDATION_SEED_OFFSET, [train]).draw(0));
    return { train: { forEpoch: (epoch) => pairRows(sampler.draw(epoch)) }, trainRows: sampler.pairsPerDraw, validation: validationRows, targetScale: undefined, classWeights: undefined };
  }
  const fixed = train;
  return {
    train: { forEpoch: () => fixed },
    trainRows: fixed.rows,
    validation,
    targetScale: plan.labels === 'value' ? labelScale(fixed.labels) : undefined,
    classWeights,
  };
}

function summaryOf(outcome: FitOutcome, rows: FitRows, spec: TrainingSpec): FitSummary {
  const { state } = outcome;
  const keptEpoch = spec.earlyStopping?.restoreBest && state.best ? state.best.epoch : state.epochsDone;
  const history = state.history;
  return {
    trainRows: rows.trainRows,
    validationRows: rows.validation?.rows ?? 0,
    epochsRun: state.epochsDone,
    metrics: history[keptEpoch - 1] ?? {},
    lossHistory: history.map((metrics) => metrics['loss'] ?? Number.NaN),
    validationLossHistory: history.flatMap((metrics) => (metrics['val_loss'] === undefined ? [] : [metrics['val_loss']])),
    ending: outcome.ending === 'stopped-early' ? 'stopped-early' : 'completed',
    keptEpoch,
    seconds: state.seconds,
    samplesPerSecond: state.seconds > 0 ? Math.round((rows.trainRows * state.epochsDone) / state.seconds) : 0,
  };
}

const etaSeconds = (state: FitState, epochs: number) => (state.epochsDone > 0 ? (state.seconds / state.epochsDone) * (epochs - state.epochsDone) : undefined);


/**
 * Plans the model from the spec and the preprocessed data, builds it, fits it epoch by epoch
 * with a checkpoint after each (so whoever takes over resumes rather than restarts), checks
 * every op has a kernel on each target backend, and saves it. Permanent problems (a spec the
 * data cannot feed, a diverging fit) are InvalidArgumentErrors naming the field.
 */
export async function runTraining(dependencies: TrainingRunDependencies, run: TrainingRun): Promise<TrainedModel> {
  const { store } = dependencies;
  const { spec, processed } = run;
  const [manifest, transform] = await Promise.all([
    loadSplitsManifest(store, processed.splits),
    getJson(store, processed.transform, (value) => fittedTransformSchema.parse(value)),
  ]);
  const holdOut = manifest.validation.rows === 0 && spec.validationFraction > 0 && manifest.train.rows >= MIN_ROWS_FOR_VALIDATION;
  const plan = planTraining(spec, {
    task: processed.task,
    classLabels: manifest.classLabels,
    outputs: outputContents(transform),
    hasValidation: manifest.validation.rows > 0 || holdOut,
    ...(transform.target.task === 'sequence' ? { targetSequence: targetSequenceShape(transform.target) } : {}),
  });
  const rows = await loadFitRows(store, manifest, plan, holdOut);
  const tensorsBefore = tf.memory().numTensors;
  const model = buildModel(plan, rows.targetScale ? { targetScale: rows.targetScale } : {});
  const optimizer = createOptimizer(spec.optimizer, spec.learningRate);
  const checkpoints = new TrainingCheckpoints(store);
  let checkpoint: CheckpointPointer | undefined = checkpointPointerSchema.safeParse(run.checkpoint).data;
  try {
    const restored = await checkpoints.restore(run.checkpoint, model, optimizer);
    if (restored) run.logger.info('resuming training from a checkpoint', { epochsDone: restored.state.epochsDone });
    let outcome: FitOutcome;
    try {
      outcome = await fitModel({
        plan,
        model,
        optimizer,
        train: rows.train,
        validation: rows.validation,
        classWeights: rows.classWeights,
        state: restored?.state ?? INITIAL_FIT_STATE,
        ...(restored?.bestWeights ? { bestWeights: restored.bestWeights } : {}),
        hooks: {
          epochEnded: async (state, improvedBestWeights) => {
            checkpoint = await checkpoints.save(model, optimizer, state, improvedBestWeights);
            await run.saveCheckpoint(checkpoint);
            await run.epochEnded?.(state.history[state.history.length - 1] ?? {}, state, etaSeconds(state, spec.epochs));
          },
          ...(run.batchProgress ? { batchProgress: run.batchProgress } : {}),
          stopRequested: () => run.signal.aborted,
        },
      });
    } catch (error) {
      if (error instanceof DivergedError) {
        throw new InvalidArgumentError('training.learning_rate', `${error.message}; try a learning rate below ${spec.learningRate}`, { cause: error });
      } else throw error;
    } finally {
      tf.dispose(restored?.bestWeights ?? []);
    }
    if (outcome.ending === 'stop-requested') throw new CancelledError(`training was cancelled after ${outcome.state.epochsDone} of ${spec.epochs} epochs`);

    const fit = summaryOf(outcome, rows, spec);
    const samples = sampleInputs(plan);
    const preflight = await kernelPreflight(model, samples).finally(() => tf.dispose(samples));
    const artifacts = await saveModel(model, store);
    const onnx = await storeOnnxExport(model, store);
    return { plan, fit, artifacts, onnx, preflight, checkpoint };
  } finally {
    optimizer.dispose();
    model.dispose();
    const leaked = tf.memory().numTensors - tensorsBefore;
    if (leaked > 0) run.logger.warn('training left tensors allocated', { leaked });
  }
}

/** One row of zeros per input, for the kernel preflight's forward pass. */
function sampleInputs(plan: TrainingPlan): tf.Tensor[] {
  return plan.inputs.map((input) => tf.zeros([1, input.width], input.dtype));
}
