import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeArtifactStoreContract } from './artifact-store-contract.test-helpers';
import { FsArtifactStore } from './fs-artifact-store';

describeArtifactStoreContract('FsArtifactStore', async () => {
  const root = mkdtempSync(join(tmpdir(), 'aiaas-artifacts-'));
  return {
    store: new FsArtifactStore(root),
    leftovers: async () => (existsSync(join(root, 'tmp')) ? readdirSync(join(root, 'tmp')) : []),
    close: async () => rmSync(root, { recursive: true, force: true }),
  };
});
