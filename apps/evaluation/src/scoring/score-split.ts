import type { SplitData } from '@aiaas/data';
import { FailedPreconditionError, InvalidArgumentError } from '@aiaas/errors';
import type { ModelVersionRecord } from '@aiaas/registry';
import { splitInputs } from '../split-inputs';
import type { SliceScores } from './slice-scores';
import type { TaskScores } from './task-scores';
import type { VersionPredictor } from './version-predictor';

/** Rows predicted at a time: bounds memory whatever the split's size. */
export const SCORING_CHUNK_ROWS = 4_096;

/** Slice names of a split's rows, by source row number (one name per slice column). */
export type SliceNamesOf = (rowNumber: number) => readonly string[];

/**
 * Scores a stored split chunk by chunk — exactly the tensors the version trained and was
 * tested on — into `scores`, and into `slices` by each row's slice names.
 */
export async function scoreSplit(
  predictor: VersionPredictor,
  record: ModelVersionRecord,
  split: SplitData,
  scores: TaskScores,
  slices?: { readonly scores: SliceScores; readonly namesOf: SliceNamesOf },
): Promise<void> {
  const inputs = splitInputs(record, split, 'test', predictor.inputs);
  const labelWidth = split.rows === 0 ? 1 : split.labels.length / split.rows;
  for (let start = 0; start < split.rows; start += SCORING_CHUNK_ROWS) {
    const rows = Math.min(SCORING_CHUNK_ROWS, split.rows - start);
    const chunk = inputs.map((values, index) => {
      const width = predictor.inputs[index]!.width;
      return values.subarray(start * width, (start + rows) * width);
    });
    const outputs = await predictor.predict(chunk, rows, (row) => `test row ${start + row}`);
    const scored = { rows, outputs: outputs.values, outputWidth: outputs.width, labels: split.labels.subarray(start * labelWidth, (start + rows) * labelWidth), labelWidth };
    try {
      scores.add(scored);
    } catch (error) {
      // The split's labels are preprocessing's output: bad ones mean the split is broken, not the request.
      if (error instanceof InvalidArgumentError) throw new FailedPreconditionError(`the test split cannot be scored (${error.message}); rerun the pipeline`, { cause: error });
      throw error;
    }
    if (slices) slices.scores.add(scored, Array.from(split.rowNumbers.subarray(start, start + rows), (rowNumber) => slices.namesOf(rowNumber)));
  }
}
