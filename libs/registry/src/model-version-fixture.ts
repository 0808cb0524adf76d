import { trainingSpecSchema } from '@aiaas/model-spec';
import type { ModelVersionRecord } from './records';

const ref = (digit: string) => `sha256:${digit.repeat(64)}` as const;

/**
 * A valid version record of a two-class MLP over one dense feature, with `overrides` laid
 * over it; its artifact references point nowhere.
 */
export function modelVersionFixture(overrides: Partial<ModelVersionRecord> = {}): ModelVersionRecord {
  return {
    modelName: 'penguins',
    version: 1,
    jobId: 'job_1',
    datasetId: 'ds_1',
    targetColumn: 'species',
    task: 'classification',
    head: 'softmax',
    labels: 'class-index',
    classLabels: ['Adelie', 'Gentoo'],
    inputColumns: ['bill_length_mm'],
    inputs: [{ name: 'features', dtype: 'float32', width: 1 }],
    featureCount: 1,
    backend: 'wasm',
    training: trainingSpecSchema.parse({ epochs: 2, batchSize: 4, seed: 1 }),
    fit: {
      trainRows: 10,
      validationRows: 0,
      epochsRun: 2,
      metrics: { loss: 0.5, accuracy: 0.8 },
      lossHistory: [0.7, 0.5],
      validationLossHistory: [],
      ending: 'completed',
      keptEpoch: 2,
      seconds: 0.1,
      samplesPerSecond: 200,
    },
    preflight: { kernels: ['MatMul'], backends: [{ backend: 'wasm', status: 'supported', missing: [] }] },
    artifacts: { topology: ref('1'), weights: ref('2'), transform: ref('3'), splits: ref('4') },
    createdAt: 1_000,
    ...overrides,
  };
}
