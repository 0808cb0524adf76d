import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './deployment-manifests';

/** A Dockerfile's instructions, continuation lines joined, comments dropped, grouped by stage. */
function stagesOf(file: string): { readonly from: string; readonly instructions: string[] }[] {
  const logical = readFileSync(join(WORKSPACE_ROOT, file), 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: { from: string; instructions: string[] }[] = [];
  for (const line of logical) {
    if (/^FROM\s/i.test(line)) stages.push({ from: line, instructions: [] });
    else stages[stages.length - 1]?.instructions.push(line);
  }
  return stages;
}

describe.each(['Dockerfile', 'Dockerfile.gpu'])('%s', (file) => {
  const stages = stagesOf(file);
  const runtime = stages[stages.length - 1]!;

  it('ends in a runtime stage that runs as a non-root user, with a gRPC health check', () => {
    expect(runtime.from).toMatch(/ AS runtime$/);
    const users = runtime.instructions.filter((line) => line.startsWith('USER '));
    expect(users).toEqual(['USER node']);
    // USER comes before what runs: the health check and the command.
    expect(runtime.instructions.findIndex((line) => line.startsWith('USER '))).toBeLessThan(runtime.instructions.findIndex((line) => line.startsWith('CMD ')));
    const healthcheck = runtime.instructions.find((line) => line.startsWith('HEALTHCHECK '));
    expect(healthcheck).toMatch(/HealthClient.*check\(''/);
    expect(runtime.instructions.filter((line) => line.startsWith('CMD '))).toEqual(['CMD ["node", "apps/gateway/dist/main.js"]']);
  });

  it('runs no compiler or dev dependency: the runtime copies built output, never sources', () => {
    expect(runtime.instructions.some((line) => /npm (ci|install)\b(?!.*--omit=dev)/.test(line))).toBe(false);
    expect(runtime.instructions.filter((line) => line.startsWith('COPY ')).every((line) => line.includes('--from='))).toBe(true);
  });
});

describe('the images', () => {
  it('prune dev dependencies before the CPU runtime takes node_modules', () => {
    const builder = stagesOf('Dockerfile').find((stage) => / AS builder$/.test(stage.from))!;
    expect(builder.instructions).toEqual(expect.arrayContaining(['RUN npm prune --omit=dev']));
  });

  it('build the GPU variant on CUDA with tfjs-node-gpu, at the TensorFlow.js version of the platform', () => {
    const gpu = stagesOf('Dockerfile.gpu');
    expect(gpu[gpu.length - 1]!.from).toBe('FROM ${CUDA_IMAGE} AS runtime');
    const cudaImage = readFileSync(join(WORKSPACE_ROOT, 'Dockerfile.gpu'), 'utf8').match(/^ARG CUDA_IMAGE=(\S+)$/m)?.[1];
    expect(cudaImage).toMatch(/^nvidia\/cuda:[\d.]+-cudnn\d+-runtime-/);
    const { dependencies } = JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const addon = gpu.flatMap((stage) => stage.instructions).find((line) => line.includes('@tensorflow/tfjs-node-gpu@'));
    expect(addon).toContain(`@tensorflow/tfjs-node-gpu@${dependencies['@tensorflow/tfjs']}`);
  });
});
