import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';

const credentialsSchema = z.object({ keys: z.record(z.string(), z.string()) });
type Credentials = z.infer<typeof credentialsSchema>;

/** `~/…` as a path under the home directory. */
export function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(2)) : path;
}

/**
 * The API keys `aiaas login` stored, one per gateway address, in a JSON file only its owner may
 * read (mode 0600), as SSH and cloud CLIs keep theirs.
 */
export class CredentialsFile {
  private readonly path: string;

  constructor(path: string) {
    this.path = expandHome(path);
  }

  keyFor(gateway: string): string | undefined {
    return this.read().keys[gateway];
  }

  store(gateway: string, key: string): void {
    const credentials = this.read();
    credentials.keys[gateway] = key;
    this.write(credentials);
  }

  /** Forgets the gateway's key; answers whether there was one. */
  forget(gateway: string): boolean {
    const credentials = this.read();
    if (!(gateway in credentials.keys)) return false;
    delete credentials.keys[gateway];
    this.write(credentials);
    return true;
  }

  get location(): string {
    return this.path;
  }

  private read(): Credentials {
    if (!existsSync(this.path)) return { keys: {} };
    const parsed = credentialsSchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
    if (!parsed.success) throw new Error(`${this.path} is not an aiaas credentials file; move it away and log in again`);
    return parsed.data;
  }

  private write(credentials: Credentials): void {
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    writeFileSync(this.path, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
    chmodSync(this.path, 0o600);
  }
}
