import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DashboardAssets } from './dashboard-assets';

describe('DashboardAssets', () => {
  let directory: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'dashboard-assets-'));
    writeFileSync(join(directory, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(directory, 'main.js'), 'export {};');
    writeFileSync(join(directory, 'notes.txt'), 'not served');
    mkdirSync(join(directory, 'nested'));
    writeFileSync(join(directory, 'nested', 'deep.js'), 'export {};');
    const assets = DashboardAssets.load(directory);
    server = createServer((request, response) => {
      if (!assets.serve(decodeURIComponent(request.url!.slice(1)), request, response)) response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(directory, { recursive: true, force: true });
  });

  it('serves the page for "" and each built file by its exact name, with the security headers', async () => {
    const page = await fetch(`${base}/`);
    expect([page.status, page.headers.get('content-type'), await page.text()]).toEqual([200, 'text/html; charset=utf-8', '<!doctype html><title>t</title>']);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${base}/main.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 304 to a matching If-None-Match, so an unchanged file is not sent again', async () => {
    const etag = (await fetch(`${base}/main.js`)).headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect((await fetch(`${base}/main.js`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(`${base}/main.js`, { headers: { 'if-none-match': '"stale"' } })).status).toBe(200);
  });

  // (A literal "../" never arrives: clients resolve it before sending; the encoded forms do.)
  it('serves nothing it did not load: other types, subdirectories, paths that climb out', async () => {
    for (const path of ['notes.txt', 'nested/deep.js', 'nested', '..%2Findex.html', '%2E%2E%2Fnested%2Fdeep.js', 'missing.js']) {
      expect([path, (await fetch(`${base}/${path}`)).status]).toEqual([path, 404]);
    }
  });

  it('knows when the dashboard was not built', () => {
    expect(DashboardAssets.load(join(directory, 'absent')).built).toBe(false);
    expect(DashboardAssets.load(directory).built).toBe(true);
  });
});
