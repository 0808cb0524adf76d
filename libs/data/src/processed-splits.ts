import { z } from 'zod';
import { ArtifactWriter, artifactRefSchema, getJson, putJson, type ArtifactRef, type ArtifactStore } from '@aiaas/storage';
import { bytesToFloat32, bytesToInt32, float32ToBytes, int32ToBytes } from '@aiaas/tensor';
import { TENSOR_DTYPES, tensorOutputSchema, type TensorDtype, type TensorOutput } from './transform/fitted-transform';



/** Rows of one split written by one shard: each tensor little-endian, row-major. */
export const splitPartSchema = z.object({
  rows: z.number().int().nonnegative(),
  tensors: z.record(z.string(), artifactRefSchema),
  /** int32 class indexes (classification), float32 values (regression) or int32 token ids (sequence), [rows × labelWidth]. */
  labels: artifactRefSchema,
  /** int32 1-based data row of the source file each row came from, [rows]. */
  rowNumbers: artifactRefSchema,
});
export type SplitPart = z.infer<typeof splitPartSchema>;

const splitEntrySchema = z.object({ rows: z.number().int().nonnegative(), parts: z.array(splitPartSchema) });

export const SPLITS = ['train', 'validation', 'test'] as const;
export type SplitName = (typeof SPLITS)[number];

/** Manifest of the processed splits of one preprocessing run. */
export const splitsManifestSchema = z.object({
  format: z.literal('aiaas.processed-splits/v2'),
  outputs: z.array(tensorOutputSchema),
  labelDtype: z.enum(TENSOR_DTYPES),
  /** Label values per row: 1, or a sequence target's sequenceLength (its token ids). Manifests written before sequence targets have 1. */
  labelWidth: z.number().int().positive().default(1),
  /** Class labels in index order; empty for regression and sequence targets. */
  classLabels: z.array(z.string()),
  train: splitEntrySchema,
  validation: splitEntrySchema,
  test: splitEntrySchema,
});
export type SplitsManifest = z.infer<typeof splitsManifestSchema>;

/** One split (or part of one) in memory. */
export interface SplitData {
  readonly rows: number;
  /** By output name, row-major [rows, width]. */
  readonly tensors: Readonly<Record<string, Float32Array | Int32Array>>;
  /** Row-major [rows × labelWidth] (the manifest's labelWidth; 1 unless the target is a sequence). */
  readonly labels: Float32Array | Int32Array;
  readonly rowNumbers: Int32Array;
}

function toBytes(values: Float32Array | Int32Array): Buffer {
  return values instanceof Float32Array ? float32ToBytes(values) : int32ToBytes(values);
}

function fromBytes(bytes: Uint8Array, dtype: TensorDtype): Float32Array | Int32Array {
  return dtype === 'float32' ? bytesToFloat32(bytes) : bytesToInt32(bytes);
}

function checkDtype(name: string, values: Float32Array | Int32Array, dtype: TensorDtype): void {
  const actual: TensorDtype = values instanceof Float32Array ? 'float32' : 'int32';
  if (actual !== dtype) throw new TypeError(`tensor "${name}" is ${actual}, but the manifest says ${dtype}`);
}

/**
 * Streams the rows of one split, batch by batch, into artifacts: one per output tensor, plus
 * labels and source row numbers. Memory holds one batch at a time, whatever the split's size.
 */
export class SplitPartWriter {
  private readonly tensorWriters: Map<string, ArtifactWriter>;
  private readonly labelWriter: ArtifactWriter;
  private readonly rowNumberWriter: ArtifactWriter;
  private rows = 0;

  /** `labelWidth`: label values per row (a sequence target's sequenceLength; default 1). */
  constructor(
    store: ArtifactStore,
    private readonly outputs: readonly TensorOutput[],
    private readonly labelDtype: TensorDtype,
    private readonly labelWidth = 1,
  ) {
    if (!Number.isInteger(labelWidth) || labelWidth < 1) throw new RangeError(`a label width is a positive whole number, got ${labelWidth}`);
    this.tensorWriters = new Map(outputs.map((output) => [output.name, new ArtifactWriter(store)]));
    this.labelWriter = new ArtifactWriter(store);
    this.rowNumberWriter = new ArtifactWriter(store);
  }

  /** Appends the first `rows` rows of `batch` (its arrays may be longer, and reused afterwards). */
  async append(batch: SplitData): Promise<void> {
    const rows = batch.rows;
    if (rows === 0) return;
    checkDtype('labels', batch.labels, this.labelDtype);
    const labelValues = rows * this.labelWidth;
    if (batch.labels.length < labelValues) throw new RangeError(`${rows} rows of ${this.labelWidth} label values need ${labelValues}, but the batch has ${batch.labels.length}`);
    const writes = this.outputs.map((output) => {
      const values = batch.tensors[output.name];
      if (!values) throw new TypeError(`the batch has no tensor "${output.name}"`);
      checkDtype(output.name, values, output.dtype);
      return this.tensorWriters.get(output.name)!.write(toBytes(values.subarray(0, rows * output.width)));
    });
    writes.push(this.labelWriter.write(toBytes(batch.labels.subarray(0, labelValues))), this.rowNumberWriter.write(int32ToBytes(batch.rowNumbers.subarray(0, rows))));
    await Promise.all(writes);
    this.rows += rows;
  }

  async finish(): Promise<SplitPart> {
    const tensors: Record<string, ArtifactRef> = {};
    for (const [name, writer] of this.tensorWriters) tensors[name] = (await writer.finish()).ref;
    const [labels, rowNumbers] = await Promise.all([this.labelWriter.finish(), this.rowNumberWriter.finish()]);
    return { rows: this.rows, tensors, labels: labels.ref, rowNumbers: rowNumbers.ref };
  }

  async abort(reason: Error): Promise<void> {
    await Promise.all([...this.tensorWriters.values(), this.labelWriter, this.rowNumberWriter].map((writer) => writer.abort(reason)));
  }
}

/** What a manifest is made from: the outputs and every split's parts, in row order. */
export interface SplitsManifestInput {
  readonly outputs: readonly TensorOutput[];
  readonly labelDtype: TensorDtype;
  /** Label values per row; default 1. */
  readonly labelWidth?: number;
  readonly classLabels: readonly string[];
  readonly parts: Readonly<Record<SplitName, readonly SplitPart[]>>;
}

/** Stores the manifest of written parts; returns its reference. */
export async function storeSplitsManifest(store: ArtifactStore, input: SplitsManifestInput): Promise<ArtifactRef> {
  const entry = (parts: readonly SplitPart[]) => ({ rows: parts.reduce((sum, part) => sum + part.rows, 0), parts: [...parts] });
  const manifest: SplitsManifest = {
    format: 'aiaas.processed-splits/v2',
    outputs: [...input.outputs],
    labelDtype: input.labelDtype,
    labelWidth: input.labelWidth ?? 1,
    classLabels: [...input.classLabels],
    train: entry(input.parts.train),
    validation: entry(input.parts.validation),
    test: entry(input.parts.test),
  };
  return (await putJson(store, splitsManifestSchema.parse(manifest))).ref;
}

/** Stores splits already in memory as one part each (small data, tests). */
export async function storeSplits(
  store: ArtifactStore,
  splits: Omit<SplitsManifestInput, 'parts'> & { readonly train: SplitData; readonly validation?: SplitData; readonly test: SplitData },
): Promise<ArtifactRef> {
  const write = async (data: SplitData | undefined): Promise<SplitPart[]> => {
    if (!data || data.rows === 0) return [];
    const writer = new SplitPartWriter(store, splits.outputs, splits.labelDtype, splits.labelWidth);
    await writer.append(data);
    return [await writer.finish()];
  };
  const [train, validation, test] = await Promise.all([write(splits.train), write(splits.validation), write(splits.test)]);
  return storeSplitsManifest(store, { ...splits, parts: { train, validation, test } });
}

export async function loadSplitsManifest(store: ArtifactStore, ref: ArtifactRef): Promise<SplitsManifest> {
  return getJson(store, ref, (value) => splitsManifestSchema.parse(value));
}

/** Reads one split of a manifest back into memory, its parts concatenated in order. */
export async function loadSplit(store: ArtifactStore, manifest: SplitsManifest, which: SplitName): Promise<SplitData> {
  const entry = manifest[which];
  const concat = async (refs: ArtifactRef[], dtype: TensorDtype): Promise<Float32Array | Int32Array> => {
    const parts = await Promise.all(refs.map((ref) => store.get(ref)));
    return fromBytes(Buffer.concat(parts), dtype);
  };
  const tensors: Record<string, Float32Array | Int32Array> = {};
  for (const output of manifest.outputs) {
    tensors[output.name] = await concat(entry.parts.map((part) => part.tensors[output.name]!), output.dtype);
  }
  return {
    rows: entry.rows,
    tensors,
    labels: await concat(entry.parts.map((part) => part.labels), manifest.labelDtype),
    rowNumbers: (await concat(entry.parts.map((part) => part.rowNumbers), 'int32')) as Int32Array,
  };
}

/** The outputs of a transform that yields only `width` dense features. */
export function denseOutputs(width: number): TensorOutput[] {
  return [{ name: 'features', dtype: 'float32', width }];
}

/** A split of dense features and class indexes, rows numbered from 1 (small data, tests). */
export function classificationSplitData(features: Float32Array, labels: Int32Array): SplitData {
  return { rows: labels.length, tensors: { features }, labels, rowNumbers: Int32Array.from(labels, (_, index) => index + 1) };
}
