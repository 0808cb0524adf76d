// Reads a V8 .cpuprofile (from `node --cpu-prof`) into the functions with the most self time.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

function where(url, roots) {
  if (!url) return '(native)';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  if (!path.startsWith('/')) return path;
  const root = roots.find((candidate) => path.startsWith(`${candidate}/`));
  return root ? relative(root, path) : path;
}

/** Where self time is charged in the by-file view: a package, a repo file, Node, or V8. */
function groupOf(entry) {
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(entry.file);
  if (packageMatch) return `${packageMatch[1]} (package)`;
  if (entry.file.startsWith('node:')) return 'Node internals (node:*)';
  if (entry.file === '(native)') return entry.function.startsWith('(') ? entry.function : 'native (V8 builtins, bindings)';
  return entry.file;
}

/**
 * The `limit` functions with the most self time, merged across call sites: name, file and
 * line, milliseconds and share of the sampled total; and the same by file (or package). Paths
 * are shown relative to the first of `roots` they are under.
 */
export function topSelfTime(profilePath, roots, limit = 10) {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map();
  let totalMicros = 0;
  // timeDeltas[i] is the time since the previous sample; charge it to sample i's node.
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + delta);
    totalMicros += delta;
  });
  const byFunction = new Map();
  for (const [id, micros] of selfMicros) {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const key = `${functionName}\u0000${url}\u0000${lineNumber}`;
    const entry = byFunction.get(key) ?? { function: functionName || '(anonymous)', file: where(url, roots), line: lineNumber + 1, micros: 0 };
    entry.micros += micros;
    byFunction.set(key, entry);
  }
  const byFile = new Map();
  for (const entry of byFunction.values()) byFile.set(groupOf(entry), (byFile.get(groupOf(entry)) ?? 0) + entry.micros);
  const share = (micros) => ({ selfMs: Math.round(micros / 1000), selfPercent: Math.round((micros / totalMicros) * 1000) / 10 });
  return {
    sampledMs: Math.round(totalMicros / 1000),
    byFile: [...byFile.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([file, micros]) => ({ file, ...share(micros) })),
    top: [...byFunction.values()]
      .sort((a, b) => b.micros - a.micros)
      .slice(0, limit)
      .map(({ micros, ...entry }) => ({ ...entry, ...share(micros) })),
  };
}
