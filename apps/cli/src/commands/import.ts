import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@aiaas/errors';
import type { Command } from '../cli-context';
import { DATASET_FLAGS, DATASET_USAGE, datasetHeaderFromFlags, describeDataset } from './dataset-options';

export const importCommand: Command = {
  usage: `import <sha256:HEX | file:PATH> ${DATASET_USAGE}`,
  summary: 'register a dataset from an artifact or a file in the preprocessing import directory, without uploading it',
  async run(args, context) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: DATASET_FLAGS });
    const uri = positionals[0];
    if (!uri) throw new InvalidArgumentError('uri', 'give "sha256:<hex>" or "file:<path under the import directory>"');
    const options = datasetHeaderFromFlags(values, '', uri.startsWith('file:') ? uri.slice('file:'.length) : undefined);
    return context.withGateway(async (gateway) => {
      describeDataset(await gateway.importDataset({ options, source_uri: uri })).forEach((line) => context.out(line));
      return 0;
    });
  },
};
