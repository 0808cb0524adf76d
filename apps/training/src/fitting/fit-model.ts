import * as tf from '@tensorflow/tfjs';
import { learningRateAt, type MonitoredMetric, type TrainingPlan } from '@aiaas/model-spec';
import { setTrainingStep } from '@aiaas/models';
import { EventLoopYield } from './event-loop-yield';
import type { EpochMetrics, FitState } from './fit-state';
import { countCorrect, createLoss } from './losses';
import { createValidationMetrics } from './validation-metrics';
import { setLearningRate } from './optimizers';
import { epochOrder, type RowBatch, type TrainingRows } from './training-rows';

/** Rows to train on in an epoch: the same every epoch, or freshly sampled (implicit feedback). */
export interface RowSource {
  forEpoch(epoch: number): TrainingRows;
}

/** Mid-epoch progress, every `progressEveryBatches` batches. */
export interface BatchProgress {
  /** 1-based. */
  readonly epoch: number;
  /** Batches done in this epoch. */
  readonly batch: number;
  readonly batches: number;
  /** Running means over the epoch so far. */
  readonly metrics: EpochMetrics;
}

/** What the fit reports and asks as it goes; the stage turns these into progress and checkpoints. */
export interface FitHooks {
  /** After each epoch, with the state to checkpoint; `bestWeights` when they changed this epoch. */
  epochEnded(state: FitState, bestWeights: readonly tf.Tensor[] | undefined): Promise<void>;
  batchProgress?(progress: BatchProgress): Promise<void>;
  /** Checked at every batch boundary: true stops the fit there. */
  stopRequested(): boolean;
}

export interface FitModelOptions {
  readonly plan: TrainingPlan;
  readonly model: tf.LayersModel;
  readonly optimizer: tf.Optimizer;
  readonly train: RowSource;
  readonly validation: TrainingRows | undefined;
  /** Loss weight per class index (classification only). */
  readonly classWeights: readonly number[] | undefined;
  /** Where to start: a fresh state or one restored from a checkpoint. */
  readonly state: FitState;
  /** Best weights restored from a checkpoint, when early stopping restores them. */
  readonly bestWeights?: readonly tf.Tensor[];
  readonly hooks: FitHooks;
  readonly now?: () => number;
  /**
   * At most how many milliseconds of batches run between turns of the event loop (timers, I/O:
   * BullMQ renews the job's lock on a timer). Default 20; 0 yields after every batch.
   */
  readonly yieldEveryMs?: number;
}

/** How a fit ended. */
export interface FitOutcome {
  readonly state: FitState;
  readonly ending: 'completed' | 'stopped-early' | 'stop-requested';
}

/** See `FitModelOptions.yieldEveryMs`: ~1% of the time at ~0.2 ms a turn. */
const DEFAULT_YIELD_EVERY_MS = 20;

function monitorImproved(monitor: MonitoredMetric, value: number, best: number, minDelta: number): boolean {
  return monitor.endsWith('accuracy') ? value > best + minDelta : value < best - minDelta;
}

/** Sums of loss and correct predictions over an epoch, kept as tensors so batches need no sync. */
class RunningTotals {
  private loss: tf.Scalar = tf.scalar(0);
  private correct: tf.Scalar = tf.scalar(0);
  rows = 0;

  /** Adds a batch's mean loss and correct count; the caller keeps ownership of both. */
  add(meanLoss: tf.Scalar, correct: tf.Scalar | undefined, rows: number): void {
    const previousLoss = this.loss;
    this.loss = tf.tidy(() => tf.add(previousLoss, tf.mul(meanLoss, rows)));
    previousLoss.dispose();
    if (correct) {
      const previousCorrect = this.correct;
      this.correct = tf.add(previousCorrect, correct);
      previousCorrect.dispose();
    }
    this.rows += rows;
  }

  /** Means over the rows added, read back from the backend (one sync). */
  async means(withAccuracy: boolean, prefix = ''): Promise<Record<string, number>> {
    const [loss, correct] = await Promise.all([this.loss.data(), this.correct.data()]);
    const rows = Math.max(this.rows, 1);
    return withAccuracy ? { [`${prefix}loss`]: loss[0]! / rows, [`${prefix}accuracy`]: correct[0]! / rows } : { [`${prefix}loss`]: loss[0]! / rows };
  }

  dispose(): void {
    tf.dispose([this.loss, this.correct]);
  }
}

/**
 * Fits `model` epoch by epoch with its own loop rather than `model.fit`, for what `fit` cannot
 * do: a seeded order and dropout per epoch (so a resumed fit repeats an uninterrupted one),
 * learning-rate schedules within an epoch, class weights with every loss, stopping at a batch
 * boundary, and no backend sync per batch. Tensors it creates are freed before it returns.
 */
export async function fitModel(options: FitModelOptions): Promise<FitOutcome> {
  const { plan, model, optimizer, hooks } = options;
  const { spec } = plan;
  const now = options.now ?? Date.now;
  const loss = createLoss(plan);
  const withAccuracy = plan.labels !== 'value';
  const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
  const weightsByClass = options.classWeights ? tf.tensor1d(options.classWeights as number[], 'float32') : undefined;
  let state = options.state;
  let bestWeights = options.bestWeights?.map((weight) => tf.clone(weight));
  let ending: FitOutcome['ending'] = state.stoppedEarly ? 'stopped-early' : 'completed';
  const eventLoop = new EventLoopYield(options.yieldEveryMs ?? DEFAULT_YIELD_EVERY_MS);

  const labelTensor = (batch: RowBatch) => (batch.labels instanceof Int32Array ? tf.tensor1d(batch.labels, 'int32') : tf.tensor1d(batch.labels, 'float32'));
  const inputTensors = (batch: RowBatch) =>
    batch.inputs.map((values, index) => tf.tensor2d(values, [batch.rows, plan.inputs[index]!.width], values instanceof Int32Array ? 'int32' : 'float32'));

  try {
    while (ending === 'completed' && state.epochsDone < spec.epochs) {
      const epoch = state.epochsDone; // 0-based index of the epoch being run
      const started = now();
      const rows = options.train.forEpoch(epoch);
      const order = epochOrder(rows.rows, spec.seed, epoch);
      const batches = Math.ceil(rows.rows / spec.batchSize);
      const totals = new RunningTotals();
      try {
        for (let batchIndex = 0; batchIndex < batches; batchIndex++) {
          if (hooks.stopRequested()) {
            ending = 'stop-requested';
            break;
          }
          const start = batchIndex * spec.batchSize;
          const batch = rows.batch(order, start, Math.min(start + spec.batchSize, rows.rows));
          setTrainingStep(model, epoch * batches + batchIndex);
          setLearningRate(optimizer, learningRateAt(spec.schedule, spec.learningRate, epoch + batchIndex / batches, spec.epochs));
          const step = tf.tidy(() => {
            const inputs = inputTensors(batch);
            const labels = labelTensor(batch);
            const sampleWeights = weightsByClass && tf.gather(weightsByClass, labels);
            let kept: tf.Tensor | undefined;
            try {
              const cost = optimizer.minimize(
                () => {
                  const predictions = model.apply(inputs, { training: true }) as tf.Tensor;
                  // Counted after the step, off the gradient tape, which would record (and
                  // save tensors for) every operation of the count.
                  if (withAccuracy) kept = tf.keep(predictions);
                  return model.calculateLosses().reduce((total: tf.Scalar, penalty) => tf.add(total, penalty), loss(labels, predictions, sampleWeights));
                },
                true,
                variables,
              )!;
              return kept ? { cost, correct: countCorrect(plan, labels, kept) } : { cost };
            } finally {
              kept?.dispose();
            }
          });
          totals.add(step.cost, step.correct, batch.rows);
          tf.dispose([step.cost, ...(step.correct ? [step.correct] : [])]);
          const every = spec.progressEveryBatches;
          if (hooks.batchProgress && every > 0 && (batchIndex + 1) % every === 0 && batchIndex + 1 < batches) {
            await hooks.batchProgress({ epoch: epoch + 1, batch: batchIndex + 1, batches, metrics: await totals.means(withAccuracy) });
          }
          if (eventLoop.due) await eventLoop.yield();
        }
        if (ending === 'stop-requested') break;
        const metrics: Record<string, number> = { ...(await totals.means(withAccuracy)) };
        if (options.validation) Object.assign(metrics, await evaluateRows(options.validation, plan, model, loss, withAccuracy, inputTensors, labelTensor, eventLoop));
        metrics['learning_rate'] = learningRateAt(spec.schedule, spec.learningRate, epoch + 1, spec.epochs);
        if (!Number.isFinite(metrics['loss'])) {
          throw new DivergedError(epoch + 1, metrics['loss']!);
        }
        let improvedWeights: tf.Tensor[] | undefined;
        let { best, epochsWithoutImprovement, stoppedEarly } = state;
        const stopping = spec.earlyStopping;
        if (stopping) {
          const value = metrics[stopping.monitor];
          if (value !== undefined && (best === undefined || monitorImproved(stopping.monitor, value, best.value, stopping.minDelta))) {
            best = { epoch: epoch + 1, value };
            epochsWithoutImprovement = 0;
            if (stopping.restoreBest) {
              tf.dispose(bestWeights ?? []);
              bestWeights = model.getWeights().map((weight) => tf.clone(weight));
              improvedWeights = bestWeights;
            }
          } else {
            epochsWithoutImprovement += 1;
            stoppedEarly = epochsWithoutImprovement >= stopping.patience;
          }
        }
        state = { epochsDone: epoch + 1, history: [...state.history, metrics], best, epochsWithoutImprovement, stoppedEarly, seconds: state.seconds + (now() - started) / 1_000 };
        await hooks.epochEnded(state, improvedWeights);
        if (stoppedEarly) ending = 'stopped-early';
      } finally {
        totals.dispose();
      }
    }
    if (ending !== 'stop-requested' && spec.earlyStopping?.restoreBest && bestWeights && state.best && state.best.epoch !== state.epochsDone) {
      model.setWeights(bestWeights);
    }
    return { state, ending };
  } finally {
    tf.dispose([...(bestWeights ?? []), ...(weightsByClass ? [weightsByClass] : [])]);
  }
}

/**
 * Validation loss (with the model's penalties, as in training) and accuracy, in batches, and
 * the task's other validation metrics (macro-F1 and ROC-AUC, or RMSE, MAE and R²) from
 * libs/metrics, which reads each batch's outputs back (one read per validation batch).
 */
async function evaluateRows(
  rows: TrainingRows,
  plan: TrainingPlan,
  model: tf.LayersModel,
  loss: ReturnType<typeof createLoss>,
  withAccuracy: boolean,
  inputTensors: (batch: RowBatch) => tf.Tensor[],
  labelTensor: (batch: RowBatch) => tf.Tensor,
  eventLoop: EventLoopYield,
): Promise<Record<string, number>> {
  const totals = new RunningTotals();
  const order = Int32Array.from({ length: rows.rows }, (_, row) => row);
  const batchSize = Math.max(plan.spec.batchSize, 256);
  const metrics = createValidationMetrics(plan);
  try {
    for (let start = 0; start < rows.rows; start += batchSize) {
      const batch = rows.batch(order, start, Math.min(start + batchSize, rows.rows));
      const scored = tf.tidy((): { batchLoss: tf.Scalar; correct?: tf.Scalar; predictions?: tf.Tensor } => {
        const labels = labelTensor(batch);
        const predictions = model.apply(inputTensors(batch), { training: false }) as tf.Tensor;
        return {
          batchLoss: loss(labels, predictions),
          ...(withAccuracy ? { correct: countCorrect(plan, labels, predictions) } : {}),
          ...(metrics ? { predictions } : {}),
        };
      });
      totals.add(scored.batchLoss, scored.correct, batch.rows);
      if (scored.predictions) metrics!.add(batch.labels, (await scored.predictions.data()) as Float32Array);
      tf.dispose([scored.batchLoss, ...(scored.correct ? [scored.correct] : []), ...(scored.predictions ? [scored.predictions] : [])]);
      if (eventLoop.due) await eventLoop.yield();
    }
    const means = { ...(await totals.means(withAccuracy, 'val_')), ...metrics?.result() };
    const penalties = tf.tidy(() => model.calculateLosses().reduce((total: tf.Scalar, penalty) => tf.add(total, penalty), tf.scalar(0)));
    means['val_loss'] = means['val_loss']! + (await penalties.data())[0]!;
    penalties.dispose();
    return means;
  } finally {
    totals.dispose();
  }
}

/** The loss stopped being a number: the learning rate is too high for this model and data. */
export class DivergedError extends Error {
  constructor(
    readonly epoch: number,
    readonly loss: number,
  ) {
    super(`training diverged in epoch ${epoch} (loss ${loss})`);
  }
}
