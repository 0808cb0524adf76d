import {
  createEncodedBatch,
  SplitPartWriter,
  SPLITS,
  TransformEncoder,
  type CleaningAccumulator,
  type CleaningFit,
  type EncodingAccumulator,
  type SplitName,
  type SplitPart,
  type TransformFitter,
} from '@aiaas/data';
import type { ArtifactStore } from '@aiaas/storage';
import { keptRows } from './kept-rows';
import { emptyDropCounts, type DropCounts, type PreprocessWork } from './preprocess-work';

/** Rows encoded per write; bounds memory whatever the shard's size. */
const BATCH_ROWS = 2_048;

/** Pass 1 over a shard: what imputation, clipping, the target's classes or its vocabulary need. */
export async function cleaningPass(store: ArtifactStore, work: PreprocessWork, shardIndex: number, fitter: TransformFitter): Promise<CleaningAccumulator> {
  const accumulator = fitter.createCleaningAccumulator();
  for await (const row of keptRows(store, work, shardIndex, emptyDropCounts())) accumulator.add(row.reader, row.split === 'train');
  return accumulator;
}

/** Pass 2 over a shard: what the encoders need, from training rows cleaned by `cleaning`. */
export async function encodingPass(
  store: ArtifactStore,
  work: PreprocessWork,
  shardIndex: number,
  fitter: TransformFitter,
  cleaning: CleaningFit,
): Promise<EncodingAccumulator> {
  const accumulator = fitter.createEncodingAccumulator(cleaning);
  for await (const row of keptRows(store, work, shardIndex, emptyDropCounts())) accumulator.add(row.reader, row.split === 'train');
  return accumulator;
}

/** What pass 3 wrote for one shard. */
export interface ShardOutput {
  readonly parts: Record<SplitName, SplitPart>;
  readonly dropped: DropCounts;
}

interface SplitBuffer {
  readonly writer: SplitPartWriter;
  readonly batch: ReturnType<typeof createEncodedBatch>;
  readonly labels: Float32Array | Int32Array;
  readonly rowNumbers: Int32Array;
  filled: number;
}

/** Pass 3 over a shard: encodes every kept row into its split's tensors. */
export async function applyPass(store: ArtifactStore, work: PreprocessWork, shardIndex: number): Promise<ShardOutput> {
  if (!work.transform) throw new Error('the apply pass needs the fitted transform');
  const encoder = new TransformEncoder(work.transform);
  const buffers = new Map<SplitName, SplitBuffer>(
    SPLITS.map((split) => [
      split,
      {
        writer: new SplitPartWriter(store, encoder.outputs, encoder.labelDtype, encoder.labelWidth),
        batch: createEncodedBatch(encoder, BATCH_ROWS),
        labels: encoder.labelDtype === 'int32' ? new Int32Array(BATCH_ROWS * encoder.labelWidth) : new Float32Array(BATCH_ROWS * encoder.labelWidth),
        rowNumbers: new Int32Array(BATCH_ROWS),
        filled: 0,
      },
    ]),
  );
  const flush = async (buffer: SplitBuffer) => {
    await buffer.writer.append({ rows: buffer.filled, tensors: buffer.batch.tensors, labels: buffer.labels, rowNumbers: buffer.rowNumbers });
    buffer.filled = 0;
  };
  const dropped = emptyDropCounts();
  try {
    for await (const row of keptRows(store, work, shardIndex, dropped)) {
      const buffer = buffers.get(row.split)!;
      encoder.encodeRow(row.reader, buffer.batch, buffer.filled);
      encoder.writeLabel(row.reader.read(work.targetColumn), row.reader.describe(work.targetColumn), buffer.labels, buffer.filled);
      buffer.rowNumbers[buffer.filled] = row.rowNumber;
      buffer.filled += 1;
      if (buffer.filled === BATCH_ROWS) await flush(buffer);
    }
    const parts = {} as Record<SplitName, SplitPart>;
    for (const [split, buffer] of buffers) {
      await flush(buffer);
      parts[split] = await buffer.writer.finish();
    }
    return { parts, dropped };
  } catch (error) {
    await Promise.all([...buffers.values()].map((buffer) => buffer.writer.abort(error as Error)));
    throw error;
  }
}
