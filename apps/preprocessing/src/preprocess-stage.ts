import { applyTransform, fitTransform, isMissing, storeSplits, type ColumnTypeName, type Split } from '@aiaas/data';
import { InvalidArgumentError } from '@aiaas/errors';
import type { StageContext, StageOutcome } from '@aiaas/queue';
import type { DatasetCatalog } from '@aiaas/registry';
import { putJson, type ArtifactStore } from '@aiaas/storage';
import { readCsv } from './csv-reader';
import { stratifiedSplit } from './stratified-split';

/** More classes than this is not what an MLP classifier over a CSV is for. */
export const MAX_CLASSES = 100;

export interface PreprocessDependencies {
  readonly datasets: DatasetCatalog;
  readonly store: ArtifactStore;
}

/**
 * The preprocess stage: reads a stored CSV, drops rows without a target, makes a stratified
 * seeded train/test split, fits the transform on the training rows only, and stores the
 * transform and both transformed splits.
 */
export function createPreprocessProcessor(dependencies: PreprocessDependencies) {
  return async (context: StageContext<'preprocess'>): Promise<StageOutcome<'preprocess'>> => {
    const { datasetId, targetColumn, split } = context.payload;
    const dataset = await dependencies.datasets.get(datasetId);
    const header = dataset.columns.map((column) => column.name);
    const targetIndex = header.indexOf(targetColumn);
    if (targetIndex < 0) {
      throw new InvalidArgumentError('target_column', `"${targetColumn}" is not a column of dataset ${datasetId}; columns are ${header.join(', ')}`);
    }
    if (header.length < 2) throw new InvalidArgumentError('dataset_id', `dataset ${datasetId} has no column besides the target to learn from`);

    const rows: string[][] = [];
    let dropped = 0;
    let first = true;
    for await (const record of readCsv(await dependencies.store.getStream(dataset.raw), dataset.delimiter)) {
      if (first) {
        first = false;
        continue;
      }
      if (isMissing(record.fields[targetIndex])) dropped += 1;
      else rows.push(record.fields);
    }
    await context.progress(0.3, `read ${rows.length} rows with a ${targetColumn} (${dropped} without)`);

    const classes = [...new Set(rows.map((row) => row[targetIndex]!.trim()))].sort();
    if (classes.length < 2) {
      throw new InvalidArgumentError(
        'target_column',
        `"${targetColumn}" has ${classes.length === 0 ? 'no values' : `only one class (${JSON.stringify(classes[0])})`}; a classifier needs at least two`,
      );
    }
    if (classes.length > MAX_CLASSES) {
      throw new InvalidArgumentError('target_column', `"${targetColumn}" has ${classes.length} distinct values; at most ${MAX_CLASSES} classes are supported (is it a numeric target?)`);
    }
    const classIndex = new Map(classes.map((label, index) => [label, index]));
    const labels = Int32Array.from(rows, (row) => classIndex.get(row[targetIndex]!.trim())!);

    const { train, test } = stratifiedSplit(labels, split.testFraction, split.seed);
    if (train.length === 0 || test.length === 0) {
      throw new InvalidArgumentError('split.test_fraction', `${rows.length} rows cannot be split into non-empty train and test sets; upload more rows`);
    }

    const types = new Map<string, ColumnTypeName>(dataset.columns.map((column) => [column.name, column.type]));
    const trainRows = train.map((row) => rows[row]!);
    const transform = fitTransform({ header, types, targetColumn, classes, rows: trainRows });
    const describe = (rowIndex: number, column: string) => `dataset ${datasetId} row ${rowIndex + 1}, column ${column}`;
    const columnIndex = new Map(header.map((column, index) => [column, index]));
    const read = (row: readonly string[], column: string) => row[columnIndex.get(column)!];
    const toSplit = (indices: number[]): Split => ({
      rows: indices.length,
      features: applyTransform(transform, indices.map((row) => rows[row]!), read, describe),
      labels: Int32Array.from(indices, (row) => labels[row]!),
    });
    const trainSplit = toSplit(train);
    const testSplit = toSplit(test);
    await context.progress(0.7, `fitted ${transform.featureCount} features on ${train.length} training rows`);

    const [transformArtifact, splits] = await Promise.all([
      putJson(dependencies.store, transform),
      storeSplits(dependencies.store, { featureCount: transform.featureCount, classLabels: classes, train: trainSplit, test: testSplit }),
    ]);
    return {
      result: {
        datasetId,
        targetColumn,
        classLabels: classes,
        inputColumns: transform.features.map((feature) => feature.column),
        featureCount: transform.featureCount,
        trainRows: train.length,
        testRows: test.length,
        droppedRows: dropped,
        transform: transformArtifact.ref,
        splits,
      },
      summary: `${train.length} train / ${test.length} test rows, ${transform.featureCount} features, ${classes.length} classes${dropped ? `, ${dropped} rows without ${targetColumn} dropped` : ''}`,
    };
  };
}
