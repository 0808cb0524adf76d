import { penguinRecords, penguinsCsv } from '@aiaas/datasets';
import type { GatewayClient } from '@aiaas/proto';
import type { Command } from '../cli-context';
import { formatModelVersion, formatPrediction } from '../format';
import { toRecordMessages } from '../records';
import { uploadMessages } from './upload';
import { followJob } from './watch';

/** The demo's model must reach this test accuracy to be blessed and deployed. */
export const DEMO_MIN_ACCURACY = 0.9;

function* chunksOf(text: string, size: number): Generator<string> {
  for (let offset = 0; offset < text.length; offset += size) yield text.slice(offset, offset + size);
}

/**
 * Uploads the bundled penguins, runs a pipeline that predicts species, prints its progress and
 * metrics, then asks the deployed model about one bird of each species. Resolves true when
 * every step succeeded.
 */
export async function runDemo(gateway: GatewayClient, out: (line: string) => void): Promise<boolean> {
  out('demo: predict the species of Palmer penguins from their measurements (bundled from vega-datasets)');
  async function* chunks() {
    yield* chunksOf(penguinsCsv(), 4_096);
  }
  const dataset = await gateway.uploadDataset(uploadMessages(chunks(), { name: 'penguins' }));
  out(`uploaded dataset ${dataset.id}: ${dataset.row_count} rows, columns ${dataset.columns.map((column) => column.name).join(', ')}`);

  const job = await gateway.startPipeline({ dataset_id: dataset.id, target_column: 'species', model_name: 'penguins', min_accuracy: DEMO_MIN_ACCURACY });
  out(`started job ${job.id}`);
  if (!(await followJob(gateway, job.id, out))) return false;

  const finished = await gateway.getJob(job.id);
  const model = await gateway.getModel('penguins');
  const version = model.versions.find((candidate) => candidate.version === finished.model_version);
  if (version) out(`\nmetrics of penguins ${formatModelVersion(version).trimStart()}`);

  const samples = ['Adelie', 'Chinstrap', 'Gentoo'].map(
    (species) => penguinRecords().find((penguin) => penguin.species === species && Object.values(penguin).every((value) => value !== null))!,
  );
  const response = await gateway.predict({
    model_name: 'penguins',
    records: { records: toRecordMessages(samples.map(({ species: _species, ...measurements }) => measurements)) },
  });
  out(`\nsample prediction (true species: ${samples.map((sample) => sample.species).join(', ')})`);
  out(formatPrediction(response));
  return response.predicted_labels.length === samples.length;
}

export const demoCommand: Command = {
  usage: 'demo',
  summary: 'run the penguins demo against a running gateway',
  async run(_args, context) {
    return context.withGateway(async (gateway) => {
      return (await runDemo(gateway, context.out)) ? 0 : 1;
    });
  },
};
