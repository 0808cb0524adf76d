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

describe.each(['runtime', 'runtime-gpu'])('the Dockerfile\'s %s stage', (target) => {
  const runtime = stagesOf('Dockerfile').find((stage) => stage.from.endsWith(` AS ${target}`))!;

  it('runs as a non-root user, with a gRPC health check, the gateway by default', () => {
    expect(runtime).toBeDefined();
    const users = runtime.instructions.filter((line) => line.startsWith('USER '));
    expect(users).toEqual(['USER node']);
    // USER comes before what runs: the health check and the command.
    expect(runtime.instructions.findIndex((line) => line.startsWith('USER '))).toBeLessThan(runtime.instructions.findIndex((line) => line.startsWith('CMD ')));
    const healthcheck = runtime.instructions.find((line) => line.startsWith('HEALTHCHECK '));
    expect(healthcheck).toMatch(/HealthClient.*check\(''/);
    expect(runtime.instructions.filter((line) => line.startsWith('CMD '))).toEqual(['CMD ["node", "apps/gateway/dist/main.js"]']);
  });

  it('holds no compiler or dev dependency: it copies built output from a build stage, never sources', () => {
    expect(runtime.instructions.some((line) => /npm (ci|install)\b/.test(line))).toBe(false);
    expect(runtime.instructions.filter((line) => line.startsWith('COPY ')).every((line) => line.includes('--from='))).toBe(true);
  });
});

describe('the Dockerfile', () => {
  const stages = stagesOf('Dockerfile');

  it('builds the CPU runtime by default (the last stage), from a builder that pruned dev dependencies', () => {
    expect(stages[stages.length - 1]!.from).toMatch(/ AS runtime$/);
    const builder = stages.find((stage) => / AS builder$/.test(stage.from))!;
    expect(builder.instructions).toEqual(expect.arrayContaining(['RUN npm prune --omit=dev']));
  });

  it('builds the GPU runtime on CUDA with tfjs-node-gpu at the platform\'s TensorFlow.js version, added to the locked tree', () => {
    expect(stages.find((stage) => stage.from.endsWith(' AS runtime-gpu'))!.from).toBe('FROM ${CUDA_IMAGE} AS runtime-gpu');
    const cudaImage = readFileSync(join(WORKSPACE_ROOT, 'Dockerfile'), 'utf8').match(/^ARG CUDA_IMAGE=(\S+)$/m)?.[1];
    expect(cudaImage).toMatch(/^nvidia\/cuda:[\d.]+-cudnn\d+-runtime-/);
    const { dependencies } = JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const addon = stages.find((stage) => stage.from === 'FROM builder AS builder-gpu')!.instructions.find((line) => line.includes('@tensorflow/tfjs-node-gpu@'));
    expect(addon).toContain(`npm install --no-save --omit=dev`);
    expect(addon).toContain(`@tensorflow/tfjs-node-gpu@${dependencies['@tensorflow/tfjs']}`);
  });
});
