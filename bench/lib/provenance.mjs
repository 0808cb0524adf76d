// Which code a run measured: the commit, and the sources that differed from it (others may be
// editing the tree while a benchmark runs; dist is built from the working tree, not the commit).
import { spawnSync } from 'node:child_process';

function git(repoRoot, args) {
  const run = spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' });
  // trimEnd, not trim: porcelain status lines start with a meaningful space.
  return run.status === 0 ? run.stdout.trimEnd() : undefined;
}

/** The HEAD commit and the non-spec sources under `paths` that are modified or untracked. */
export function describeCode(repoRoot, paths) {
  const status = git(repoRoot, ['status', '--porcelain', '--', ...paths]);
  const changed = (status ?? '')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3))
    .filter((path) => !/\.spec\.ts$/.test(path));
  return { commit: git(repoRoot, ['rev-parse', 'HEAD']), sourcesChangedSinceCommit: changed };
}
