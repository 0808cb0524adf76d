import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Where the build puts the dashboard: apps/gateway/dist/dashboard, from src/http or dist/http alike. */
const BUILT_DASHBOARD_DIR = resolve(__dirname, '../../dist/dashboard');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * The page may run only its own scripts and styles and talk only to this server, so data shown
 * on it (dataset, column and model names are user input) can never become code.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

interface Asset {
  readonly body: Buffer;
  readonly contentType: string;
  readonly etag: string;
}

/**
 * The dashboard's files, read once at start and served from memory. Only files found then are
 * served, by their exact names, so no request path ever reaches the filesystem.
 */
export class DashboardAssets {
  private constructor(private readonly assets: ReadonlyMap<string, Asset>) {}

  /** Every servable file directly in `directory`; empty when the dashboard was not built. */
  static load(directory: string = BUILT_DASHBOARD_DIR): DashboardAssets {
    const assets = new Map<string, Asset>();
    if (existsSync(directory)) {
      for (const name of readdirSync(directory)) {
        const contentType = CONTENT_TYPES[extname(name)];
        if (!contentType) continue;
        const body = readFileSync(join(directory, name));
        assets.set(name, { body, contentType, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` });
      }
    }
    return new DashboardAssets(assets);
  }

  get built(): boolean {
    return this.assets.has('index.html');
  }

  /** Serves `name` ("" for the page itself); false when there is no such file. */
  serve(name: string, request: IncomingMessage, response: ServerResponse): boolean {
    const asset = this.assets.get(name === '' ? 'index.html' : name);
    if (!asset) return false;
    // Revalidated on every load, so a new build shows at once; unchanged files cost a 304.
    const headers = { ...SECURITY_HEADERS, 'content-type': asset.contentType, 'cache-control': 'no-cache', etag: asset.etag };
    if (request.headers['if-none-match'] === asset.etag) {
      response.writeHead(304, headers).end();
    } else {
      response.writeHead(200, { ...headers, 'content-length': String(asset.body.length) });
      response.end(request.method === 'HEAD' ? undefined : asset.body);
    }
    return true;
  }
}
