import type { TransformEncoder } from '@aiaas/data';
import type { ModelVersionRecord } from '@aiaas/registry';
import type { DatasetRow } from '../dataset-rows';
import { encodeRows, type EncodedRows } from './encode-rows';
import { SCORING_CHUNK_ROWS } from './score-split';
import type { SliceColumn } from './slice-columns';
import type { SliceScores } from './slice-scores';
import type { TaskScores } from './task-scores';
import type { VersionPredictor } from './version-predictor';
import { gather } from './scored-rows';

/** A version ready to score raw rows, and where its scores go. */
export interface RowScorer {
  readonly record: ModelVersionRecord;
  readonly encoder: TransformEncoder;
  readonly predictor: VersionPredictor;
  readonly scores: TaskScores;
  readonly slices?: SliceScores;
}

/** How many rows were scored, how many skipped, and why the first one was. */
export interface RowScoring {
  readonly rows: number;
  readonly skipped: number;
  readonly firstProblem: string | undefined;
}

/** The rows of `encoded` at the given positions of the chunk, as inputs and labels. */
function pick(encoded: EncodedRows, inputs: ModelVersionRecord['inputs'], positions: readonly number[]) {
  const slot = new Map(encoded.kept.map((position, index) => [position, index]));
  const indexes = positions.map((position) => slot.get(position)!);
  return { inputs: encoded.inputs.map((values, index) => gather(values, inputs[index]!.width, indexes)), labels: gather(encoded.labels, encoded.labelWidth, indexes) };
}

/**
 * Scores raw rows with one or more versions, chunk by chunk, each through its own transform, on
 * the rows every one of them can encode (so versions compared see the same rows); slices go by
 * the rows' raw cells.
 */
export async function scoreRows(rows: AsyncIterable<DatasetRow>, scorers: readonly RowScorer[], sliceColumns: readonly SliceColumn[] = []): Promise<RowScoring> {
  let scored = 0;
  let skipped = 0;
  let firstProblem: string | undefined;
  let chunk: DatasetRow[] = [];
  const flush = async () => {
    const encoded = scorers.map((scorer) => encodeRows(scorer.encoder, scorer.predictor.inputs, chunk));
    const keptBy = encoded.map((each) => new Set(each.kept));
    const common = chunk.map((_, position) => position).filter((position) => keptBy.every((kept) => kept.has(position)));
    skipped += chunk.length - common.length;
    firstProblem ??= encoded.find((each) => each.firstProblem !== undefined)?.firstProblem;
    scored += common.length;
    if (common.length > 0) {
      const names = common.map((position) => sliceColumns.map((slice) => slice.sliceOf(chunk[position]!.reader.read(slice.column))));
      for (const [index, scorer] of scorers.entries()) {
        const { inputs, labels } = pick(encoded[index]!, scorer.predictor.inputs, common);
        const outputs = await scorer.predictor.predict(inputs, common.length, (row) => `row ${chunk[common[row]!]!.rowNumber}`);
        const rowsScored = { rows: common.length, outputs: outputs.values, outputWidth: outputs.width, labels, labelWidth: encoded[index]!.labelWidth };
        scorer.scores.add(rowsScored);
        scorer.slices?.add(rowsScored, names);
      }
    }
    chunk = [];
  };
  for await (const row of rows) {
    chunk.push(row);
    if (chunk.length >= SCORING_CHUNK_ROWS) await flush();
  }
  if (chunk.length > 0) await flush();
  return { rows: scored, skipped, firstProblem };
}
