// PyTorch, where it is installed: the benchmarks run it with `$PYTHON` (default `python3`), so a
// machine whose `python3` lacks torch can point at one that has it (PYTHON=/usr/bin/python3).
import { spawnSync } from 'node:child_process';

export const PYTHON = process.env.PYTHON || 'python3';

/** Runs `program` on one thread; resolves its stdout, or undefined with why torch could not run. */
export function runPython(program, args = []) {
  const run = spawnSync(PYTHON, ['-c', program, ...args.map(String)], {
    encoding: 'utf8',
    env: { ...process.env, OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' },
  });
  if (run.status === 0) return { ok: true, stdout: run.stdout.trim() };
  const why = (run.stderr || run.error?.message || `${PYTHON} exited with ${run.status}`).trim().split('\n').pop();
  return { ok: false, why };
}

// Which BLAS torch loaded decides its speed more than torch itself: Debian's build runs many times
// faster on OpenBLAS (libopenblas0) than on the reference BLAS it falls back to, so the results say which.
const PROBE = `
import json, torch
torch.ones(8, 8) @ torch.ones(8, 8)
try:
    blas = sorted({line.split()[-1] for line in open('/proc/self/maps') if any(name in line.split()[-1].lower() for name in ('blas', 'mkl'))})
except OSError:
    blas = []
print(json.dumps({"version": torch.__version__, "blas": blas}))
`;

/** torch's version under `$PYTHON` and the BLAS libraries it loaded, or why it is not there. */
export function pytorchVersion() {
  const probe = runPython(PROBE);
  return probe.ok ? { installed: true, python: PYTHON, ...JSON.parse(probe.stdout.split('\n').pop()) } : { installed: false, reason: `${PYTHON}: ${probe.why}` };
}

/** `OpenBLAS`, `reference BLAS` or the library's file name: which BLAS a probe found. */
export function blasName(libraries = []) {
  const library = libraries.find((path) => /libblas|openblas|mkl/i.test(path));
  if (!library) return 'BLAS unknown';
  if (/openblas/i.test(library)) return 'OpenBLAS';
  if (/mkl/i.test(library)) return 'MKL';
  return /\/blas\/libblas/.test(library) ? 'reference BLAS' : library.split('/').pop();
}
