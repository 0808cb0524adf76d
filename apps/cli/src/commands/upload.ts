import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@aiaas/errors';
import type { ColumnType, UploadDatasetRequest } from '@aiaas/proto';
import type { Command } from '../cli-context';

const TYPES: Readonly<Record<string, ColumnType>> = { numeric: 'COLUMN_TYPE_NUMERIC', categorical: 'COLUMN_TYPE_CATEGORICAL' };

/** Upload messages for a CSV file: the header, then the file in chunks as it is read. */
export async function* csvUploadMessages(
  chunks: AsyncIterable<Buffer | string>,
  header: { name: string; delimiter?: string; declaredTypes?: Record<string, ColumnType> },
): AsyncGenerator<UploadDatasetRequest> {
  yield { header: { name: header.name, delimiter: header.delimiter ?? '', declared_types: header.declaredTypes ?? {} } };
  for await (const chunk of chunks) yield { chunk: typeof chunk === 'string' ? Buffer.from(chunk) : chunk };
}

function declaredTypes(specs: readonly string[]): Record<string, ColumnType> {
  return Object.fromEntries(
    specs.map((spec) => {
      const [column, type] = spec.split('=');
      const columnType = TYPES[type ?? ''];
      if (!column || !columnType) throw new InvalidArgumentError('--type', `expected column=numeric or column=categorical, got "${spec}"`);
      return [column, columnType];
    }),
  );
}

export const uploadCommand: Command = {
  usage: 'upload <file.csv> [--name NAME] [--delimiter CHAR] [--type COLUMN=numeric|categorical ...]',
  summary: 'stream a CSV file to the platform; prints the dataset id and its columns',
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { name: { type: 'string' }, delimiter: { type: 'string' }, type: { type: 'string', multiple: true } },
    });
    const file = positionals[0];
    if (!file) throw new InvalidArgumentError('file', 'give the CSV file to upload');
    return context.withGateway(async (gateway) => {
      const dataset = await gateway.uploadDataset(
        csvUploadMessages(createReadStream(file, { highWaterMark: 256 * 1024 }), {
          name: values.name ?? basename(file),
          delimiter: values.delimiter,
          declaredTypes: declaredTypes(values.type ?? []),
        }),
      );
      context.out(`dataset ${dataset.id}: ${dataset.row_count} rows, ${dataset.size_bytes} bytes`);
      for (const column of dataset.columns) {
        context.out(`  ${column.name.padEnd(24)} ${column.type.replace('COLUMN_TYPE_', '').toLowerCase().padEnd(12)} missing ${column.missing_count}`);
      }
      return 0;
    });
  },
};
