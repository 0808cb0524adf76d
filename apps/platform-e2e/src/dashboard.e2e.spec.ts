import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Redis } from 'ioredis';
import { penguinsCsv } from '@aiaas/datasets';
import { RegistryKeys } from '@aiaas/registry';
import type { GatewayClient, Job__Output, ModelVersion__Output } from '@aiaas/proto';
import { collect, uploadMessages } from './gateway-calls';
import { startTestPlatform, stopTestPlatform, type TestPlatform } from './test-platform';

/** Chromium for the browser tests: CHROMIUM_PATH, else the usual install locations (.ci/run installs Debian's `chromium`). */
function chromiumPath(): string {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((path): path is string => !!path);
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`the dashboard tests need Chromium and found none at ${candidates.join(', ')}; install it (apt-get install chromium) or set CHROMIUM_PATH`);
  return found;
}

/** Where the screenshots go: DASHBOARD_SCREENSHOT_DIR, else a directory under the OS temp dir. */
const SCREENSHOT_DIR = process.env['DASHBOARD_SCREENSHOT_DIR'] ?? join(tmpdir(), 'aiaas-dashboard-screenshots');
// Small batches and many epochs: training lasts several seconds, long enough to watch it happen.
const EPOCHS = 200;
const BATCH_SIZE = 4;
const HOSTILE_NAME = '<img src=x onerror="document.title=\'pwned\'">';

describe('the web dashboard in headless Chromium', () => {
  let test: TestPlatform;
  let gateway: GatewayClient;
  let browser: Browser;
  let page: Page;
  /** A finished job whose event log the SSE test deleted, as if it had expired. */
  let jobWithoutLog: string | undefined;
  /** Everything the page logged as an error, or threw: a CSP violation shows up here. */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const executablePath = chromiumPath();
    test = await startTestPlatform();
    gateway = test.gatewayClient();
    browser = await chromium.launch({ executablePath });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    gateway?.close();
    await stopTestPlatform(test);
  }, 60_000);

  it('serves the page with a strict Content-Security-Policy, and redirects / to it', async () => {
    const root = await fetch(`${test.gatewayHttpUrl()}/`, { redirect: 'manual' });
    expect([root.status, root.headers.get('location')]).toEqual([302, '/dashboard/']);
    const html = await fetch(`${test.gatewayHttpUrl()}/dashboard/`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toContain("script-src 'self'");
    const etag = html.headers.get('etag')!;
    expect((await fetch(`${test.gatewayHttpUrl()}/dashboard/`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(`${test.gatewayHttpUrl()}/dashboard/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${test.gatewayHttpUrl()}/dashboard/main.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('streams a job as Server-Sent Events, resuming after Last-Event-ID, and refuses strangers', async () => {
    const dataset = await gateway.uploadDataset(uploadMessages(penguinsCsv(), 'penguins-sse', 16_384));
    const job = await gateway.startPipeline({ dataset_id: dataset.id, target_column: 'species', model_name: 'penguins-sse', training: { epochs: 2 } });
    const events = await collect(gateway, job.id);
    const url = `${test.gatewayHttpUrl()}/v1/jobs/${job.id}/events`;
    const read = async (headers: Record<string, string>) => {
      const response = await fetch(url, { headers: { authorization: `Bearer ${test.apiKey}`, ...headers } });
      expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      return (await response.text()).split('\n\n').filter(Boolean);
    };
    const all = await read({});
    expect(all).toHaveLength(events.length);
    expect(all[0]).toMatch(/^id: 1\ndata: \{.*"sequence":1,/);
    expect(all.map((entry) => Number(/^id: (\d+)/.exec(entry)![1]))).toEqual(events.map((event) => event.sequence));
    expect(JSON.parse(all[all.length - 1]!.split('data: ')[1]!)).toMatchObject({ job_finished: { state: 'JOB_STATE_SUCCEEDED' } });
    const resumed = await read({ 'last-event-id': String(events.length - 2) });
    expect(resumed).toEqual(all.slice(-2));

    // Once a finished job's log has expired, watching it ends at once rather than waiting forever.
    const redis = new Redis(test.redisUrl);
    try {
      await redis.del(new RegistryKeys(test.prefix).jobEvents(job.id));
    } finally {
      redis.disconnect();
    }
    expect(await read({})).toEqual([]);
    expect(await collect(gateway, job.id)).toEqual([]);
    jobWithoutLog = job.id;

    const stranger = await fetch(url);
    expect([stranger.status, await stranger.json()]).toEqual([401, { error: expect.stringContaining('API key') }]);
    const missing = await fetch(`${test.gatewayHttpUrl()}/v1/jobs/job_000000000000/events`, { headers: { authorization: `Bearer ${test.apiKey}` } });
    expect(missing.status).toBe(404);
    const badAfter = await fetch(`${url}?after=soon`, { headers: { authorization: `Bearer ${test.apiKey}` } });
    expect([badAfter.status, await badAfter.json()]).toEqual([400, { error: 'invalid after: must be an event sequence number (0 or more), got "soon"', field: 'after' }]);
  });

  it('signs in with a key, follows a training job live, and shows the model with its curve and confusion matrix', async () => {
    await gateway.uploadDataset(uploadMessages('a,b\n1,2\n', HOSTILE_NAME));
    const dataset = await gateway.uploadDataset(uploadMessages(penguinsCsv(), 'penguins', 16_384));

    await page.goto(`${test.gatewayHttpUrl()}/`);
    await page.waitForSelector('#sign-in:not([hidden])');
    await page.fill('#api-key', 'aiaas_000000000000_wrong');
    await page.click('#sign-in button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#sign-in-message')?.textContent?.startsWith('The gateway refused this key'));
    await page.fill('#api-key', test.apiKey);
    await page.click('#sign-in button[type=submit]');
    await page.waitForSelector('#datasets-table');
    // A name is shown as text, never parsed as markup (the CSP would stop its script as well).
    expect(await page.locator('#datasets-table').textContent()).toContain(HOSTILE_NAME);
    expect(await page.locator('#datasets-table img').count()).toBe(0);

    const job: Job__Output = await gateway.startPipeline({ dataset_id: dataset.id, target_column: 'species', model_name: 'penguins', min_accuracy: 0.5, training: { epochs: EPOCHS, batch_size: BATCH_SIZE } });
    const events = collect(gateway, job.id);
    // The overview follows the running job: a progress bar fills in its row.
    const row = page.locator('#jobs-table tr', { hasText: job.id });
    await row.locator('.progress').waitFor({ timeout: 30_000 });

    await row.locator(`a[href="#/jobs/${job.id}"]`).click();
    await page.waitForSelector('.stages');
    // Live: the loss curve grows while the job is still running.
    const midway = await page.waitForFunction(
      () => {
        const points = Number(document.querySelector('[data-metric="loss"] [data-series="loss"]')?.getAttribute('data-points') ?? 0);
        return document.querySelector('.job-status')?.getAttribute('data-state') === 'running' && points > 0 ? points : false;
      },
      undefined,
      { timeout: 60_000 },
    );
    expect(await midway.jsonValue()).toBeLessThan(EPOCHS);
    await page.waitForSelector('.job-status[data-state="succeeded"]', { timeout: 120_000 });
    const epochsEnded = (await events).filter((event) => event.epoch_ended).map((event) => event.epoch_ended!.epoch);
    expect(epochsEnded).toHaveLength(EPOCHS);
    expect(Number(await page.getAttribute('[data-metric="loss"] [data-series="loss"]', 'data-points'))).toBe(EPOCHS);
    expect(await page.locator('.stage[data-state="succeeded"]').count()).toBe(4);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'dashboard-job.png'), fullPage: true });

    // On to the model the job made.
    await page.click('.job-status a');
    await page.waitForSelector('.version[data-version="1"]');
    const model = await gateway.getModel('penguins');
    const version: ModelVersion__Output = model.versions[0]!;
    const metrics = version.metrics!;
    expect(await page.textContent('.card[data-metric="accuracy"] .card-value')).toBe(String(Number(metrics.accuracy.toPrecision(4))));
    expect(Number(await page.getAttribute('[data-metric="loss"] [data-series="loss"]', 'data-points'))).toBe(version.training!.loss_history.length);
    const cells = await page.locator('table.confusion td').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-count'))));
    expect(cells).toEqual(metrics.confusion_matrix.map(Number));
    expect(await page.locator('table.confusion thead th').allTextContents()).toEqual(['actual ↓ predicted →', ...version.class_labels]);
    expect(await page.locator('#per-class-table tbody tr').count()).toBe(version.class_labels.length);

    const screenshot = join(SCREENSHOT_DIR, 'dashboard-model.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    const png = readFileSync(screenshot);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // The full page, charts and tables included, is far taller than the viewport.
    expect(png.readUInt32BE(20)).toBeGreaterThan(900);

    // Back on the overview the model is listed with its production metrics.
    await page.click('text=← overview');
    await page.waitForSelector('#models-table');
    expect(await page.locator('#models-table tr', { hasText: 'penguins' }).first().textContent()).toContain(`accuracy ${Number(metrics.accuracy.toPrecision(4))}`);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'dashboard-overview.png'), fullPage: true });

    // A job whose log has expired is shown from its record: how it ended, and each stage's state.
    await page.goto(`${test.gatewayHttpUrl()}/dashboard/#/jobs/${jobWithoutLog!}`);
    await page.waitForSelector('.job-status[data-state="succeeded"]');
    expect(await page.locator('.stage[data-state="succeeded"]').count()).toBe(4);

    // Signing out forgets the key.
    await page.click('#sign-out');
    await page.waitForSelector('#sign-in:not([hidden])');
    expect(await page.evaluate(() => sessionStorage.getItem('aiaas.apiKey'))).toBeNull();
    // The wrong key's refusals are the only errors the browser logged.
    expect(pageErrors.filter((message) => !message.includes('status of 401'))).toEqual([]);
  });
});
