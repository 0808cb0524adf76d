import { createEncodedBatch, type TransformEncoder } from '@aiaas/data';
import { PlatformError } from '@aiaas/errors';
import type { ModelVersionRecord } from '@aiaas/registry';
import type { DatasetRow } from '../dataset-rows';

/** Raw rows encoded for one version: its model inputs and labels for the rows it could encode. */
export interface EncodedRows {
  /** Rows encoded, in the order given, skipping those that could not be. */
  readonly rows: number;
  /** Positions (in the rows given) of the rows encoded. */
  readonly kept: readonly number[];
  /** The version's inputs, in `inputs` order, row-major. */
  readonly inputs: (Float32Array | Int32Array)[];
  readonly labels: Float32Array | Int32Array;
  readonly labelWidth: number;
  /** Why the first skipped row was skipped, to tell the user. */
  readonly firstProblem: string | undefined;
}

/**
 * Encodes raw rows with a version's fitted transform — the same code as training and serving —
 * and their targets as its labels. A row whose cell the transform cannot read, or whose target
 * is missing or outside the version's classes, is skipped (client data, not a fault); anything
 * else is a bug and throws.
 */
export function encodeRows(encoder: TransformEncoder, inputs: ModelVersionRecord['inputs'], rows: readonly DatasetRow[]): EncodedRows {
  const batch = createEncodedBatch(encoder, rows.length);
  const labelWidth = encoder.labelWidth;
  const labels = encoder.labelDtype === 'int32' ? new Int32Array(rows.length * labelWidth) : new Float32Array(rows.length * labelWidth);
  const target = encoder.transform.target.column;
  const kept: number[] = [];
  let firstProblem: string | undefined;
  rows.forEach((row, position) => {
    try {
      // Encoded into the next free slot: a skipped row's slot is written over by the next one.
      encoder.encodeRow(row.reader, batch, kept.length);
      encoder.writeLabel(row.reader.read(target), row.reader.describe(target), labels, kept.length);
      kept.push(position);
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      firstProblem ??= error.message;
    }
  });
  const count = kept.length;
  const tensors = inputs.map((input) => {
    const values = batch.tensors[input.name];
    if (!values) throw new Error(`the transform produces no "${input.name}"`);
    return values.subarray(0, count * input.width);
  });
  return { rows: count, kept, inputs: tensors, labels: labels.subarray(0, count * labelWidth), labelWidth, firstProblem };
}
