import { createJsonLogger } from './json-logger';

function capture(level?: 'debug' | 'info' | 'warn' | 'error') {
  const lines: string[] = [];
  const logger = createJsonLogger({
    service: 'test',
    level,
    write: (line) => lines.push(line),
    now: () => new Date('2026-01-02T03:04:05.000Z'),
  });
  return { logger, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>), lines };
}

describe('createJsonLogger', () => {
  it('writes one JSON object per line with service, level, message and fields', () => {
    const { logger, lines } = capture();
    logger.info('listening', { port: 50051 });
    expect(lines).toEqual([
      '{"time":"2026-01-02T03:04:05.000Z","level":"info","service":"test","msg":"listening","port":50051}\n',
    ]);
  });

  it('drops lines below the configured level', () => {
    const { logger, records } = capture('warn');
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(records().map((record) => record.msg)).toEqual(['c', 'd']);
  });

  it('adds child bindings to every line and expands errors with their cause', () => {
    const { logger, records } = capture();
    const cause = new Error('disk full');
    logger.child({ jobId: 'j1' }).error('save failed', { err: new Error('write failed', { cause }) });
    const [record] = records();
    expect(record).toMatchObject({ jobId: 'j1', err: { name: 'Error', message: 'write failed', cause: { message: 'disk full' } } });
  });
});
