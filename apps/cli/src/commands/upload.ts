import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@aiaas/errors';
import type { UploadDatasetHeader, UploadDatasetRequest } from '@aiaas/proto';
import type { Command } from '../cli-context';
import { withProgress } from '../progress';
import { DATASET_FLAGS, DATASET_USAGE, datasetHeaderFromFlags, describeDataset } from './dataset-options';

/** Upload messages for a file: the header, then the file in chunks as it is read. */
export async function* uploadMessages(chunks: AsyncIterable<Buffer | string>, header: UploadDatasetHeader): AsyncGenerator<UploadDatasetRequest> {
  yield { header };
  for await (const chunk of chunks) yield { chunk: typeof chunk === 'string' ? Buffer.from(chunk) : chunk };
}

export const uploadCommand: Command = {
  usage: `upload <file.csv|file.jsonl> ${DATASET_USAGE}`,
  summary: 'stream a CSV or JSON Lines file to the platform; prints the dataset id and its columns',
  async run(args, context) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: DATASET_FLAGS });
    const file = positionals[0];
    if (!file) throw new InvalidArgumentError('file', 'give the CSV or JSONL file to upload');
    const header = datasetHeaderFromFlags(values, basename(file), file);
    return context.withGateway(async (gateway) => {
      const chunks: AsyncIterable<Buffer> = createReadStream(file, { highWaterMark: 256 * 1024 });
      // A progress bar on a terminal; logs and pipes get the result only.
      const shown = process.stderr.isTTY ? withProgress(chunks, statSync(file).size, (text) => process.stderr.write(text)) : chunks;
      const dataset = await gateway.uploadDataset(uploadMessages(shown, header));
      describeDataset(dataset).forEach((line) => context.out(line));
      return 0;
    });
  },
};
