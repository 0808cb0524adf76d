import { datasetProfileSchema, type SplitData } from '@aiaas/data';
import { FailedPreconditionError, NotFoundError } from '@aiaas/errors';
import type { ComparisonRecord, DatasetCatalog, DatasetRecord, ModelRegistry, ModelVersionRecord, SliceRecord } from '@aiaas/registry';
import { getJson, type ArtifactStore } from '@aiaas/storage';
import type { MetricValues } from '../blessing-checks';
import { datasetRows, type DatasetRow } from '../dataset-rows';
import { loadVersion, type LoadedVersion } from './loaded-version';
import { rankingValues, scoreInteractionPairs } from './recommender-scores';
import { scoreRows, type RowScorer } from './score-rows';
import { scoreSplit } from './score-split';
import { sliceColumnsOf, type SliceColumn } from './slice-columns';
import { SliceScores } from './slice-scores';
import type { TaskResult } from './task-scores';

/** Where evaluation reads datasets, versions and artifacts from. */
export interface EvaluationSources {
  readonly store: ArtifactStore;
  readonly models: ModelRegistry;
  readonly datasets: DatasetCatalog;
  readonly maxRecordBytes: number;
}

/** A version scored: its task's metrics (and ranking metrics for recommenders), slices, and the comparison with production. */
export interface VersionEvaluation {
  readonly task: TaskResult;
  /** Every metric: the task's, and for recommenders the top-k ranking ones. */
  readonly values: MetricValues;
  readonly rows: number;
  readonly skippedRows: number;
  /** Test interactions, for implicit-feedback recommenders (each paired with a sampled non-interaction). */
  readonly interactions?: number;
  readonly slices: SliceRecord[];
  readonly comparison?: ComparisonRecord;
}

const merge = (...all: MetricValues[]): MetricValues => ({
  metrics: Object.assign({}, ...all.map((values) => values.metrics)),
  undefinedMetrics: Object.assign({}, ...all.map((values) => values.undefinedMetrics)),
});

/** The slicing of `columns`, from the dataset's profile. */
async function slicingOf(sources: EvaluationSources, dataset: DatasetRecord, columns: readonly string[]): Promise<SliceColumn[]> {
  if (columns.length === 0) return [];
  const profile = await getJson(sources.store, dataset.profile, (value) => datasetProfileSchema.parse(value));
  return sliceColumnsOf(profile, columns);
}

/** The version the production alias points at, when it is another version comparable with `record` (same target and kind of labels). */
async function productionBaseline(sources: EvaluationSources, record: ModelVersionRecord): Promise<ModelVersionRecord | undefined> {
  let production: ModelVersionRecord;
  try {
    production = await sources.models.resolve(record.modelName, { alias: 'production' });
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
  const comparable = production.version !== record.version && production.targetColumn === record.targetColumn && production.labels === record.labels && record.labels !== 'interaction';
  return comparable ? production : undefined;
}

/** Both versions' metrics on the rows both could score, as a comparison record; undefined when they share no row. */
async function compare(rows: () => AsyncIterable<DatasetRow>, candidate: LoadedVersion, baseline: LoadedVersion): Promise<ComparisonRecord | undefined> {
  const scorers: RowScorer[] = await Promise.all([candidate, baseline].map(async (version) => ({ ...version, encoder: await version.encoder(), scores: version.createScores() })));
  const scoring = await scoreRows(rows(), scorers);
  if (scoring.rows === 0) return undefined;
  const [mine, theirs] = scorers.map((scorer) => scorer.scores.result());
  const deltas: Record<string, number> = {};
  for (const [name, value] of Object.entries(mine!.metrics)) {
    const other = theirs!.metrics[name];
    if (other !== undefined) deltas[name] = value - other;
  }
  return { baselineVersion: baseline.record.version, rows: scoring.rows, baseline: { ...theirs!.metrics }, deltas };
}

async function withBaseline<T>(sources: EvaluationSources, record: ModelVersionRecord, use: (baseline: LoadedVersion | undefined) => Promise<T>): Promise<T> {
  const production = await productionBaseline(sources, record);
  const baseline = production && (await loadVersion(sources.store, production));
  try {
    return await use(baseline);
  } finally {
    baseline?.model.dispose();
  }
}

/**
 * The evaluate stage's scoring: the candidate on its stored test split (the tensors it was
 * trained and tested with), sliced by the raw values of `sliceColumns` in the same rows, plus
 * top-k rankings for recommenders; then the candidate and the production version of the time
 * on the raw test rows, each through its own transform, for the comparison.
 */
export async function evaluateTestSplit(
  sources: EvaluationSources,
  candidate: LoadedVersion,
  splits: { readonly test: SplitData; readonly known: readonly SplitData[] },
  sliceColumns: readonly string[],
): Promise<VersionEvaluation> {
  const { record } = candidate;
  const { test, known } = splits;
  if (test.rows === 0) {
    throw new FailedPreconditionError(`the test split of version ${record.version} of ${record.modelName} is empty, so it cannot be evaluated; rerun the pipeline with a larger test fraction`);
  }
  // Read only when slices or a comparison need the raw rows.
  let dataset: DatasetRecord | undefined;
  const sourceDataset = async () => (dataset ??= await sources.datasets.get(record.datasetId));
  const scores = candidate.createScores();
  let interactions: number | undefined;
  let slices: SliceRecord[] = [];
  const testRows = async function* () {
    yield* datasetRows(sources.store, await sourceDataset(), { maxRecordBytes: sources.maxRecordBytes, rowNumbers: new Set(test.rowNumbers) });
  };
  if (record.labels === 'interaction') interactions = await scoreInteractionPairs(candidate.predictor, record, test, known, scores);
  else {
    const slicing = sliceColumns.length > 0 ? await slicingOf(sources, await sourceDataset(), sliceColumns) : [];
    const names = new Map<number, string[]>();
    if (slicing.length > 0) for await (const row of testRows()) names.set(row.rowNumber, slicing.map((slice) => slice.sliceOf(row.reader.read(slice.column))));
    const sliceScores = new SliceScores(sliceColumns, () => candidate.createScores('slice'));
    await scoreSplit(candidate.predictor, record, test, scores, slicing.length > 0 ? { scores: sliceScores, namesOf: (rowNumber) => names.get(rowNumber) ?? slicing.map(() => '(unread)') } : undefined);
    slices = sliceScores.result();
  }
  const task = scores.result();
  const ranking = record.training.model.family === 'recommender' ? await rankingValues(candidate.predictor, record, test, known) : undefined;
  const comparison = await withBaseline(sources, record, (baseline) => (baseline ? compare(testRows, candidate, baseline) : Promise.resolve(undefined)));
  return {
    task,
    values: ranking ? merge(task, ranking) : merge(task),
    rows: task.rows,
    skippedRows: 0,
    ...(interactions === undefined ? {} : { interactions }),
    slices,
    ...(comparison ? { comparison } : {}),
  };
}

/**
 * EvaluateModel's scoring: every row of a dataset through the version's transform, sliced by
 * the raw values of `sliceColumns`; and, when production is another version, both on the rows
 * both can score.
 */
export async function evaluateDataset(sources: EvaluationSources, version: LoadedVersion, dataset: DatasetRecord, sliceColumns: readonly string[]): Promise<VersionEvaluation> {
  const { record } = version;
  const slicing = await slicingOf(sources, dataset, sliceColumns);
  const rows = () => datasetRows(sources.store, dataset, { maxRecordBytes: sources.maxRecordBytes });
  const scorer: RowScorer = { ...version, encoder: await version.encoder(), scores: version.createScores(), slices: new SliceScores(sliceColumns, () => version.createScores('slice')) };
  const scoring = await scoreRows(rows(), [scorer], slicing);
  if (scoring.rows === 0) {
    const why = scoring.firstProblem ? `; the first could not because ${scoring.firstProblem}` : '';
    throw new FailedPreconditionError(`none of the ${scoring.skipped} rows of dataset ${dataset.id} could be scored by version ${record.version} of ${record.modelName}${why}`);
  }
  const task = scorer.scores.result();
  const comparison = await withBaseline(sources, record, (baseline) => (baseline ? compare(rows, version, baseline) : Promise.resolve(undefined)));
  return { task, values: merge(task), rows: scoring.rows, skippedRows: scoring.skipped, slices: scorer.slices!.result(), ...(comparison ? { comparison } : {}) };
}
