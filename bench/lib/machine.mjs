// What the numbers were measured on.
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The packages whose versions decide the figures: the model backends, the queue, the wire. */
const MEASURED_PACKAGES = ['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-wasm', 'onnxruntime-node', 'bullmq', '@grpc/grpc-js', 'csv-parse'];
const NODE_MODULES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules');

/** The installed version of each measured package (read from its package.json: some export no path to it), or `missing`. */
function packageVersions() {
  return Object.fromEntries(
    MEASURED_PACKAGES.map((name) => {
      try {
        return [name, JSON.parse(readFileSync(join(NODE_MODULES, name, 'package.json'), 'utf8')).version];
      } catch {
        return [name, 'missing'];
      }
    }),
  );
}

/** CPU model, cores, memory, Node version, the measured packages' versions, date and load, for a results file. */
export function describeMachine() {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('model name'));
    if (line) cpuModel = line.slice(line.indexOf(':') + 1).trim();
  } catch {
    // Not Linux: os.cpus() is the best there is.
  }
  return {
    cpuModel,
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    packages: packageVersions(),
    platform: `${process.platform}-${process.arch}`,
    date: new Date().toISOString(),
    loadAverageAtStart: loadavg().map((load) => Math.round(load * 100) / 100),
  };
}
