import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@aiaas/errors';
import type { GetModelReportRequest } from '@aiaas/proto';
import type { Command } from '../cli-context';
import { versionSelectorFromFlags } from './version-flags';

/** The GetModelReport request `aiaas report` describes, and where to write the page. */
export function reportRequestFromArgs(args: string[]): { request: GetModelReportRequest; out: string; json: boolean } {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, dataset: { type: 'string' }, version: { type: 'string' }, alias: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const model = positionals[0];
  if (!model) throw new InvalidArgumentError('model', 'name the model: aiaas report NAME --out report.html');
  if (!values.out) throw new InvalidArgumentError('--out', 'is required: the file to write the report to');
  return { request: { model_name: model, dataset_id: values.dataset ?? '', ...versionSelectorFromFlags(values) }, out: values.out, json: values.json ?? false };
}

export const reportCommand: Command = {
  usage: 'report NAME --out report.html [--json] [--dataset ID] [--version N | --alias A]',
  summary: "write a version's evaluation report: an HTML page with its charts, or (--json) everything it shows",
  async run(args, context) {
    const { request, out, json } = reportRequestFromArgs(args);
    return context.withGateway(async (gateway) => {
      const report = await gateway.getModelReport(request);
      await writeFile(out, json ? report.json : report.html, 'utf8');
      context.out(`wrote the report of ${report.model_name} version ${report.version} to ${out}`);
      return 0;
    });
  },
};
