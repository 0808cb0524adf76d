import type { StartPipelineRequest__Output } from '@aiaas/proto';
import type { DatasetRecord } from '@aiaas/registry';
import { PIPELINE_DEFAULTS, toPipelinePayloads } from './pipeline-request';

const dataset: DatasetRecord = {
  id: 'ds_1',
  name: 'penguins',
  sha256: 'a'.repeat(64),
  sizeBytes: 1,
  rowCount: 10,
  delimiter: ',',
  columns: ['species', 'island', 'mass'].map((name) => ({ name, type: 'categorical' as const, missingCount: 0, distinctCount: 1, distinctCountCapped: false })),
  raw: `sha256:${'a'.repeat(64)}`,
  createdAt: 1,
};

function request(partial: Partial<StartPipelineRequest__Output> = {}): StartPipelineRequest__Output {
  return { dataset_id: 'ds_1', target_column: 'species', model_name: 'penguins', split: null, training: null, min_accuracy: 0, ...partial };
}

describe('toPipelinePayloads', () => {
  it('fills in the documented defaults', () => {
    const payloads = toPipelinePayloads(request(), 'job_1', dataset);
    expect(payloads.preprocess).toEqual({ jobId: 'job_1', datasetId: 'ds_1', targetColumn: 'species', split: { testFraction: 0.2, seed: 42 } });
    expect(payloads.train.training).toEqual({ hiddenUnits: [32, 16], epochs: 40, batchSize: 32, learningRate: 0.01, dropout: 0, seed: 42 });
    expect(payloads.deploy).toEqual({ jobId: 'job_1', alias: PIPELINE_DEFAULTS.alias });
  });

  it('keeps an explicit seed of 0', () => {
    const payloads = toPipelinePayloads(
      request({ split: { test_fraction: 0.3, seed: 0 }, training: { hidden_units: [8], epochs: 5, batch_size: 16, learning_rate: 0.1, dropout: 0.2, seed: 0 } }),
      'job_1',
      dataset,
    );
    expect(payloads.preprocess.split).toEqual({ testFraction: 0.3, seed: 0 });
    expect(payloads.train.training).toEqual({ hiddenUnits: [8], epochs: 5, batchSize: 16, learningRate: 0.1, dropout: 0.2, seed: 0 });
  });

  it.each([
    [{ target_column: 'price' }, 'invalid target_column: "price" is not a column of dataset ds_1; columns are species, island, mass'],
    [{ target_column: '' }, 'invalid target_column: is required'],
    [{ model_name: 'bad name!' }, 'invalid model_name: must be 1-63 letters'],
    [{ min_accuracy: 1.5 }, 'invalid min_accuracy: must be in [0, 1], got 1.5'],
    [{ split: { test_fraction: 0.95 } }, 'invalid split.test_fraction: must be in (0, 0.9], got 0.95'],
    [{ training: { hidden_units: [8, 0], epochs: 0, batch_size: 0, learning_rate: 0, dropout: 0 } }, 'invalid training.hidden_units[1]: must be from 1 to 4096, got 0'],
    [{ training: { hidden_units: [], epochs: 0, batch_size: 0, learning_rate: 0, dropout: 1 } }, 'invalid training.dropout: must be in [0, 1), got 1'],
  ])('rejects %p', (partial, message) => {
    expect(() => toPipelinePayloads(request(partial as Partial<StartPipelineRequest__Output>), 'job_1', dataset)).toThrow(message);
  });
});
