import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** The keys s3rver accepts. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/**
 * An S3-compatible server (s3rver: the S3 REST API over HTTP, objects under `directory`) as a
 * process of its own, on a free port; resolves its endpoint.
 */
export async function startS3Server(directory: string): Promise<{ readonly endpoint: string; readonly process: ChildProcess }> {
  const script = `
    const S3rver = require('s3rver');
    new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: process.argv[1] }).run().then(({ port }) => console.log(JSON.stringify({ port })));
  `;
  const child = spawn(process.execPath, ['-e', script, directory], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { endpoint: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`, process: child };
}
