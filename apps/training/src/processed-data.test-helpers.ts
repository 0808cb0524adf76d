import { encodeRecords, TransformEncoder, TransformFitter, storeSplits, type RawValue, type SplitData, type TransformPlanInput } from '@aiaas/data';
import type { StageResult } from '@aiaas/queue';
import { putJson, type ArtifactStore } from '@aiaas/storage';

/** A raw record as a test writes it. */
export type TestRecord = Readonly<Record<string, RawValue>>;

/** Raw records of each split. */
export interface TestSplits {
  readonly train: readonly TestRecord[];
  readonly validation?: readonly TestRecord[];
  readonly test: readonly TestRecord[];
}

function encodeSplit(encoder: TransformEncoder, records: readonly TestRecord[], target: string): SplitData {
  const batch = encodeRecords(encoder, records, (record, column) => record[column], (index, column) => `records[${index}].${column}`);
  const labelValues = records.length * encoder.labelWidth;
  const labels = encoder.labelDtype === 'float32' ? new Float32Array(labelValues) : new Int32Array(labelValues);
  records.forEach((record, index) => encoder.writeLabel(record[target], `records[${index}].${target}`, labels, index));
  return { rows: records.length, tensors: batch.tensors, labels, rowNumbers: Int32Array.from(records, (_, index) => index + 1) };
}

/**
 * What the preprocess stage would hand training for these records: the transform fitted on
 * the training records by the real fitter, and the splits encoded by the real encoder, stored.
 */
export async function storeProcessedData(store: ArtifactStore, plan: TransformPlanInput, splits: TestSplits): Promise<StageResult<'preprocess'>> {
  const fitter = new TransformFitter(plan);
  const transform = fitter.fit(() => splits.train.map((record, index) => ({ row: { read: (column) => record[column], describe: (column) => `row ${index + 1}, ${column}` }, isTrain: true })));
  const encoder = new TransformEncoder(transform);
  const target = transform.target.column;
  const classLabels = transform.target.task === 'classification' ? transform.target.classes : [];
  const [train, test] = [encodeSplit(encoder, splits.train, target), encodeSplit(encoder, splits.test, target)];
  const validation = splits.validation && encodeSplit(encoder, splits.validation, target);
  const splitsRef = await storeSplits(store, {
    outputs: transform.outputs,
    labelDtype: encoder.labelDtype,
    labelWidth: encoder.labelWidth,
    classLabels,
    train,
    test,
    ...(validation ? { validation } : {}),
  });
  return {
    datasetId: 'ds_test',
    targetColumn: target,
    task: transform.target.task,
    classLabels,
    inputColumns: transform.inputColumns,
    outputs: transform.outputs,
    featureCount: transform.outputs.find((output) => output.name === 'features')?.width ?? 0,
    trainRows: train.rows,
    validationRows: validation?.rows ?? 0,
    testRows: test.rows,
    dropped: { missingTarget: 0, anomalies: 0, duplicates: 0, missingSplitKey: 0 },
    transform: (await putJson(store, transform)).ref,
    splits: splitsRef,
  };
}
