import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsArtifactStore } from '@aiaas/storage';
import { loadSplit, loadSplitsManifest, storeSplits } from './processed-splits';

describe('processed splits', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'aiaas-splits-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('round-trips both splits through the artifact store', async () => {
    const store = new FsArtifactStore(root);
    const train = { rows: 2, features: new Float32Array([1, 2, 3, 4]), labels: new Int32Array([0, 1]) };
    const test = { rows: 1, features: new Float32Array([5, 6]), labels: new Int32Array([1]) };
    const ref = await storeSplits(store, { featureCount: 2, classLabels: ['a', 'b'], train, test });
    const manifest = await loadSplitsManifest(store, ref);
    expect(manifest).toMatchObject({ featureCount: 2, classLabels: ['a', 'b'], train: { rows: 2 }, test: { rows: 1 } });
    await expect(loadSplit(store, manifest, 'train')).resolves.toEqual(train);
    await expect(loadSplit(store, manifest, 'test')).resolves.toEqual(test);
  });
});
