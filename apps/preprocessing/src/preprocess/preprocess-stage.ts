import { SPLITS, storeSplitsManifest, TransformEncoder, TransformFitter, type CleaningFit, type FittedTransform, type SplitName, type SplitPart } from '@aiaas/data';
import { InvalidArgumentError } from '@aiaas/errors';
import type { ShardPhase, StageContext, StageOutcome, TaskJob } from '@aiaas/queue';
import type { DatasetCatalog } from '@aiaas/registry';
import { getJson, isArtifactRef, putJson, type ArtifactRef, type ArtifactStore } from '@aiaas/storage';
import { applyPass, cleaningPass, encodingPass, type ShardOutput } from './shard-passes';
import { addDropCounts, emptyDropCounts, preprocessWorkSchema, type PreprocessWork } from './preprocess-work';
import { fitCleaningFrom, fitTransformFrom, shardOutputSchema, type StoredShardOutput } from './shard-outputs';
import { buildPreprocessWork } from './work-builder';

export interface PreprocessDependencies {
  readonly datasets: DatasetCatalog;
  readonly store: ArtifactStore;
  readonly maxRecordBytes: number;
}

/** Steps of a sharded run, each after one fan-out of shard tasks. */
const STEPS = { cleaned: 'cleaning-pass-done', encoded: 'encoding-pass-done', applied: 'apply-pass-done' } as const;

function workRefOf(state: Record<string, unknown>): ArtifactRef {
  const ref = state['work'];
  if (typeof ref !== 'string' || !isArtifactRef(ref)) throw new Error('the job step lost its work reference');
  return ref;
}

/** The stage's result from the fitted transform and the written parts of every shard. */
async function finish(
  store: ArtifactStore,
  work: PreprocessWork,
  transform: FittedTransform,
  transformRef: ArtifactRef,
  outputs: readonly ShardOutput[],
): Promise<StageOutcome<'preprocess'>> {
  const parts = Object.fromEntries(SPLITS.map((split) => [split, outputs.map((output) => output.parts[split])])) as Record<SplitName, SplitPart[]>;
  const rows = (split: SplitName) => parts[split].reduce((sum, part) => sum + part.rows, 0);
  const dropped = emptyDropCounts();
  outputs.forEach((output) => addDropCounts(dropped, output.dropped));
  const droppedTotal = dropped.missingTarget + dropped.anomalies + dropped.duplicates + dropped.missingSplitKey;
  if (rows('train') === 0 || rows('test') === 0) {
    throw new InvalidArgumentError(
      'split.test_fraction',
      `the split left ${rows('train')} training and ${rows('test')} test rows (${droppedTotal} rows dropped); both need rows — upload more data or change the split`,
    );
  }
  const target = transform.target;
  const classLabels = target.task === 'classification' ? target.classes : [];
  // The encoder that wrote the labels says how they are laid out.
  const { labelDtype, labelWidth } = new TransformEncoder(transform);
  const splits = await storeSplitsManifest(store, {
    outputs: transform.outputs,
    labelDtype,
    labelWidth,
    classLabels,
    parts,
  });
  const featureOutput = transform.outputs.find((output) => output.name === 'features');
  return {
    result: {
      datasetId: work.datasetId,
      targetColumn: work.targetColumn,
      task: target.task,
      classLabels,
      inputColumns: transform.inputColumns,
      outputs: transform.outputs,
      featureCount: featureOutput?.width ?? 0,
      trainRows: rows('train'),
      validationRows: rows('validation'),
      testRows: rows('test'),
      dropped,
      transform: transformRef,
      splits,
    },
    summary: `${rows('train')} train / ${rows('validation')} validation / ${rows('test')} test rows, ${featureOutput?.width ?? 0} features${
      droppedTotal > 0 ? `, ${droppedTotal} rows dropped` : ''
    }${work.shards.length > 1 ? `, in ${work.shards.length} shards` : ''}`,
  };
}

/**
 * The preprocess stage: validates, cleans, fits the transform on the training split and writes
 * the encoded splits, in three passes over the stored dataset (statistics for cleaning, then
 * for encoders, then encoding), holding no more than a batch of rows in memory. A dataset of
 * several shards is processed by shard tasks that any replica picks up, each pass fanned out
 * and merged here: one BullMQ flow, this job its parent.
 */
export function createPreprocessProcessor(dependencies: PreprocessDependencies) {
  const { store } = dependencies;

  const fanOut = async (context: StageContext<'preprocess'>, work: PreprocessWork, phase: ShardPhase, next: string) => {
    const workRef = (await putJson(store, work)).ref;
    const tasks: TaskJob[] = work.shards.map((_, shardIndex) => ({
      task: 'preprocessShard',
      id: `${context.jobId}-preprocess-${phase}-${shardIndex}`,
      payload: { jobId: context.jobId, shardIndex, phase, work: workRef },
    }));
    await context.progress(SHARD_PROGRESS[phase], `${phase} pass: ${work.shards.length} shard tasks queued`);
    return context.waitForChildren(tasks, { name: next, state: { work: workRef } });
  };

  const shardOutputs = async (context: StageContext<'preprocess'>, phase: ShardPhase) => {
    const results = (await context.taskResults('preprocessShard')).filter((result) => result.phase === phase).sort((a, b) => a.shardIndex - b.shardIndex);
    return Promise.all(results.map((result) => getJson(store, result.output, (value) => shardOutputSchema.parse(value))));
  };

  const loadWork = async (context: StageContext<'preprocess'>) => getJson(store, workRefOf(context.step!.state), (value) => preprocessWorkSchema.parse(value));

  return async (context: StageContext<'preprocess'>): Promise<StageOutcome<'preprocess'>> => {
    const fitter = new TransformFitter(context.payload.plan, { field: 'preprocessing' });
    switch (context.step?.name) {
      case undefined: {
        const dataset = await dependencies.datasets.get(context.payload.datasetId);
        const work = await buildPreprocessWork(store, dataset, context.payload, fitter.plan, dependencies.maxRecordBytes);
        if (work.shards.length === 1) return runInProcess(context, work, fitter);
        if (fitter.needsCleaningPass) return fanOut(context, work, 'clean', STEPS.cleaned);
        return fanOut(context, { ...work, cleaning: fitter.fitCleaning(fitter.createCleaningAccumulator()) }, 'encode', STEPS.encoded);
      }
      case STEPS.cleaned: {
        const work = await loadWork(context);
        const cleaning = fitCleaningFrom(fitter, await shardOutputs(context, 'clean'));
        return fanOut(context, { ...work, cleaning }, 'encode', STEPS.encoded);
      }
      case STEPS.encoded: {
        const work = await loadWork(context);
        const transform = fitTransformFrom(fitter, work.cleaning!, await shardOutputs(context, 'encode'));
        return fanOut(context, { ...work, transform }, 'apply', STEPS.applied);
      }
      case STEPS.applied: {
        const work = await loadWork(context);
        const outputs = (await shardOutputs(context, 'apply')).map((output) => {
          if (output.kind !== 'apply') throw new Error('an apply task returned no split parts');
          return output;
        });
        if (outputs.length !== work.shards.length) throw new Error(`expected ${work.shards.length} shard outputs, found ${outputs.length}`);
        const transformRef = (await putJson(store, work.transform)).ref;
        return finish(store, work, work.transform!, transformRef, outputs);
      }
      default:
        throw new Error(`unknown preprocess step "${String(context.step?.name)}"`);
    }
  };

  /** A single-shard dataset: the three passes here, one after the other. */
  async function runInProcess(context: StageContext<'preprocess'>, work: PreprocessWork, fitter: TransformFitter): Promise<StageOutcome<'preprocess'>> {
    let cleaning: CleaningFit;
    if (fitter.needsCleaningPass) {
      cleaning = fitter.fitCleaning(await cleaningPass(store, work, 0, fitter));
      await context.progress(0.3, 'fitted imputation and clipping on the training split');
    } else {
      cleaning = fitter.fitCleaning(fitter.createCleaningAccumulator());
    }
    const transform = fitter.fitEncoding(cleaning, await encodingPass(store, work, 0, fitter, cleaning));
    await context.progress(0.6, `fitted the transform: ${transform.outputs.map((output) => `${output.name}[${output.width}]`).join(', ')}`);
    const transformRef = (await putJson(store, transform)).ref;
    const output = await applyPass(store, { ...work, cleaning, transform }, 0);
    return finish(store, work, transform, transformRef, [output]);
  }
}

const SHARD_PROGRESS: Readonly<Record<ShardPhase, number>> = { clean: 0.1, encode: 0.4, apply: 0.7 };

/** Runs one shard's pass for a shard task and stores what it produced. */
export async function runShardPhase(store: ArtifactStore, work: PreprocessWork, shardIndex: number, phase: ShardPhase): Promise<ArtifactRef> {
  const fitter = new TransformFitter(work.plan, { field: 'preprocessing' });
  const needs = (fitted: string) => new Error(`the ${phase} pass needs the ${fitted} of the pass before it`);
  let output: StoredShardOutput;
  if (phase === 'clean') output = { kind: 'clean', state: (await cleaningPass(store, work, shardIndex, fitter)).toJSON() };
  else if (phase === 'encode') {
    if (!work.cleaning) throw needs('cleaning fit');
    output = { kind: 'encode', state: (await encodingPass(store, work, shardIndex, fitter, work.cleaning)).toJSON() };
  } else output = { kind: 'apply', ...(await applyPass(store, work, shardIndex)) };
  return (await putJson(store, output)).ref;
}
