import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsArtifactStore } from '@aiaas/storage';
import { loadSplit, loadSplitsManifest, SplitPartWriter, splitsManifestSchema, storeSplits, storeSplitsManifest } from './processed-splits';
import type { TensorOutput } from './transform/fitted-transform';

describe('processed splits', () => {
  let root: string;
  let store: FsArtifactStore;
  const outputs: TensorOutput[] = [
    { name: 'features', dtype: 'float32', width: 2 },
    { name: 'tokens', dtype: 'int32', width: 3 },
  ];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'aiaas-splits-'));
    store = new FsArtifactStore(root);
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('round-trips every split with its tensors, labels and source rows', async () => {
    const train = {
      rows: 2,
      tensors: { features: Float32Array.from([1, 2, 3, 4]), tokens: Int32Array.from([5, 6, 0, 7, 1, 0]) },
      labels: Int32Array.from([0, 1]),
      rowNumbers: Int32Array.from([1, 3]),
    };
    const test = { rows: 1, tensors: { features: Float32Array.from([9, 9]), tokens: Int32Array.from([2, 2, 2]) }, labels: Int32Array.from([1]), rowNumbers: Int32Array.from([2]) };
    const ref = await storeSplits(store, { outputs, labelDtype: 'int32', classLabels: ['a', 'b'], train, test });
    const manifest = await loadSplitsManifest(store, ref);
    expect(manifest.validation.rows).toBe(0);
    await expect(loadSplit(store, manifest, 'train')).resolves.toEqual(train);
    await expect(loadSplit(store, manifest, 'test')).resolves.toEqual(test);
    expect((await loadSplit(store, manifest, 'validation')).rows).toBe(0);
  });

  it('concatenates parts written batch by batch by different writers, in order', async () => {
    const part = async (first: number) => {
      const writer = new SplitPartWriter(store, [outputs[0]!], 'float32');
      // One reused, oversized batch buffer, as a streaming encoder would pass it.
      const batch = { rows: 2, tensors: { features: new Float32Array(8) }, labels: new Float32Array(4), rowNumbers: new Int32Array(4) };
      for (let row = first; row < first + 4; row += 2) {
        batch.tensors.features.set([row, row, row + 1, row + 1]);
        batch.labels.set([row / 10, (row + 1) / 10]);
        batch.rowNumbers.set([row, row + 1]);
        await writer.append(batch);
      }
      return writer.finish();
    };
    const parts = [await part(1), await part(5)];
    const ref = await storeSplitsManifest(store, { outputs: [outputs[0]!], labelDtype: 'float32', classLabels: [], parts: { train: parts, validation: [], test: [] } });
    const train = await loadSplit(store, await loadSplitsManifest(store, ref), 'train');
    expect(train.rows).toBe(8);
    expect([...train.rowNumbers]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...train.tensors.features!].filter((_, index) => index % 2 === 0)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(train.labels[7]).toBeCloseTo(0.8);
  });

  it('stores labelWidth label values per row, and reads manifests without a labelWidth as width 1', async () => {
    const labels = Int32Array.from([4, 5, 3, 0, 6, 3, 0, 0, 4, 4, 4, 3]);
    const train = { rows: 3, tensors: { tokens: Int32Array.from([1, 2, 0, 3, 0, 0, 4, 5, 6]) }, labels, rowNumbers: Int32Array.from([1, 2, 3]) };
    const test = { rows: 1, tensors: { tokens: Int32Array.from([7, 0, 0]) }, labels: Int32Array.from([3, 0, 0, 0]), rowNumbers: Int32Array.from([4]) };
    const ref = await storeSplits(store, { outputs: [outputs[1]!], labelDtype: 'int32', labelWidth: 4, classLabels: [], train, test });
    const manifest = await loadSplitsManifest(store, ref);
    expect(manifest).toMatchObject({ labelDtype: 'int32', labelWidth: 4, classLabels: [] });
    await expect(loadSplit(store, manifest, 'train')).resolves.toEqual(train);
    await expect(loadSplit(store, manifest, 'test')).resolves.toEqual(test);

    const { labelWidth: _, ...older } = manifest;
    expect(splitsManifestSchema.parse(older).labelWidth).toBe(1);
  });

  it('refuses a batch with fewer label values than its rows need', async () => {
    const writer = new SplitPartWriter(store, [], 'int32', 4);
    await expect(writer.append({ rows: 2, tensors: {}, labels: new Int32Array(7), rowNumbers: new Int32Array(2) })).rejects.toThrow('2 rows of 4 label values need 8, but the batch has 7');
    await writer.abort(new Error('test over'));
  });

  it('refuses a tensor of the wrong dtype', async () => {
    const writer = new SplitPartWriter(store, [outputs[1]!], 'int32');
    await expect(writer.append({ rows: 1, tensors: { tokens: new Float32Array(3) }, labels: new Int32Array(1), rowNumbers: new Int32Array(1) })).rejects.toThrow(
      'tensor "tokens" is float32, but the manifest says int32',
    );
    await writer.abort(new Error('test over'));
  });
});
