// A frozen copy of the built code a benchmark measures. Others may rebuild the workspace while
// a run takes minutes; loading each phase from one snapshot keeps every run on the same code
// (and never on a half-rebuilt dist).
import { cpSync, existsSync, mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Copies `projects` (e.g. `apps/preprocessing`, `libs/data`: their `dist/` and top-level JSON
 * files) and `protos/` from `repoRoot` into `target`, and gives `target` a `node_modules` whose
 * `@aiaas/*` entries point at the copies and whose other entries link to the repo's installed
 * packages. Returns `target`.
 */
export function snapshotBuiltCode(repoRoot, projects, target) {
  mkdirSync(target, { recursive: true });
  for (const project of projects) {
    const from = join(repoRoot, project);
    const to = join(target, project);
    if (!existsSync(join(from, 'dist'))) throw new Error(`${project} has no dist; build it first`);
    cpSync(join(from, 'dist'), join(to, 'dist'), { recursive: true });
    for (const name of readdirSync(from)) {
      if (name.endsWith('.json') && statSync(join(from, name)).isFile()) cpSync(join(from, name), join(to, name));
    }
  }
  if (existsSync(join(repoRoot, 'protos'))) cpSync(join(repoRoot, 'protos'), join(target, 'protos'), { recursive: true });

  const modules = join(target, 'node_modules');
  mkdirSync(join(modules, '@aiaas'), { recursive: true });
  for (const name of readdirSync(join(repoRoot, 'node_modules'))) {
    if (name !== '@aiaas' && name !== '.bin') symlinkSync(join(repoRoot, 'node_modules', name), join(modules, name));
  }
  for (const project of projects) symlinkSync(join(target, project), join(modules, '@aiaas', project.slice(project.indexOf('/') + 1)));
  return target;
}
