import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceProcess } from './service-process';

describe('ServiceProcess', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'aiaas-service-process-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('starts on its "listening" line, and gives the port of any other "… listening" line, also one that comes later', async () => {
    const script = join(directory, 'service.js');
    writeFileSync(
      script,
      `console.log(JSON.stringify({ msg: 'listening', port: 4100 }));
       setTimeout(() => console.log(JSON.stringify({ msg: 'http listening', port: 4101 })), 100);
       setTimeout(() => undefined, 60_000);`,
    );
    const service = await ServiceProcess.start({ name: 'service', script, env: process.env });
    try {
      expect(service.port).toBe(4100);
      await expect(service.announcedPort('http listening')).resolves.toBe(4101);
      await expect(service.announcedPort('http listening')).resolves.toBe(4101);
      await expect(service.announcedPort('metrics listening', 50)).resolves.toBeUndefined();
    } finally {
      await service.stop('SIGKILL');
    }
  });
});
