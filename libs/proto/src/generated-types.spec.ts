import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

function listFiles(root: string): string[] {
  return readdirSync(root).flatMap((entry) => {
    const path = join(root, entry);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

describe('generated proto types', () => {
  it('match what the generator produces from the current protos', () => {
    const committed = resolve(__dirname, 'generated');
    const fresh = mkdtempSync(join(tmpdir(), 'aiaas-proto-types-'));
    try {
      execFileSync(process.execPath, [resolve(__dirname, '../scripts/generate-types.mjs'), fresh], { stdio: 'pipe' });
      const committedFiles = listFiles(committed).map((file) => relative(committed, file)).sort();
      const freshFiles = listFiles(fresh).map((file) => relative(fresh, file)).sort();
      expect(committedFiles).toEqual(freshFiles);
      const stale = freshFiles.filter(
        (file) => readFileSync(join(fresh, file), 'utf8') !== readFileSync(join(committed, file), 'utf8'),
      );
      // Run `npm run protos:generate` and commit the result when this fails.
      expect(stale).toEqual([]);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
