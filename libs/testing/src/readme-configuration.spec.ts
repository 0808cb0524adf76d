import { checkReadmeConfiguration } from './readme-configuration';

const readme = [
  '| Variable | Used by | Default | Meaning |',
  '|---|---|---|---|',
  '| `GRPC_PORT` | all services | `50051` (gateway), `50052` (preprocessing) | Port. |',
  '| `MAX_BATCH_ROWS` | inference | `10000` | Rows. |',
].join('\n');

describe('checkReadmeConfiguration', () => {
  it('accepts a table that lists each variable, its users and its default', () => {
    expect(checkReadmeConfiguration('preprocessing', [{ env: 'GRPC_PORT', doc: '', defaultText: '50052' }], readme)).toEqual([]);
  });

  it('reports a missing row, a wrong user and a wrong default', () => {
    const problems = checkReadmeConfiguration(
      'gateway',
      [
        { env: 'GRPC_PORT', doc: '', defaultText: '50099' },
        { env: 'MAX_BATCH_ROWS', doc: '', defaultText: '10000' },
        { env: 'NEW_VARIABLE', doc: '', defaultText: undefined },
      ],
      readme,
    );
    expect(problems).toEqual([
      'README.md: GRPC_PORT defaults to `50099` in gateway, but its row says "`50051` (gateway), `50052` (preprocessing)"',
      'README.md: MAX_BATCH_ROWS is read by gateway, but its row says "inference"',
      'README.md: the configuration table has no row for NEW_VARIABLE (gateway); regenerate it with node scripts/config-table.mjs',
    ]);
  });
});
