import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ServiceProcessOptions {
  /** Name used in messages. */
  readonly name: string;
  /** Script to run with this Node.js binary. */
  readonly script: string;
  readonly args?: readonly string[];
  /** Options for Node.js itself, before the script (e.g. `--cpu-prof`). */
  readonly execArgv?: readonly string[];
  /** Full environment of the child. */
  readonly env: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Every stdout/stderr line, e.g. to forward with a prefix or to collect in tests. */
  readonly onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** How long to wait for the "listening" log line. Default 60 s. */
  readonly startTimeoutMs?: number;
}

/** The fields of a service's JSON "… listening" log line: "listening" for its gRPC port, others for more servers. */
interface ListeningLine {
  readonly msg: string;
  readonly port: number;
}

function parseListening(line: string): ListeningLine | undefined {
  if (!line.startsWith('{') || !line.includes('listening"')) return undefined;
  try {
    const parsed = JSON.parse(line) as Partial<ListeningLine>;
    return typeof parsed.msg === 'string' && parsed.msg.endsWith('listening') && typeof parsed.port === 'number' ? (parsed as ListeningLine) : undefined;
  } catch {
    return undefined;
  }
}

/** The ports a process announced, by message, and who waits for one still to come. */
class Announcements {
  private readonly ports = new Map<string, number>();
  private readonly waiting = new Map<string, ((port: number) => void)[]>();

  record({ msg, port }: ListeningLine): void {
    this.ports.set(msg, port);
    for (const resolve of this.waiting.get(msg) ?? []) resolve(port);
    this.waiting.delete(msg);
  }

  portOf(message: string, timeoutMs: number): Promise<number | undefined> {
    const known = this.ports.get(message);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      timer.unref();
      this.waiting.set(message, [...(this.waiting.get(message) ?? []), (port) => (clearTimeout(timer), resolve(port))]);
    });
  }
}

/** A platform service running as a child process. */
export class ServiceProcess {
  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    /** The gRPC port the service reported. */
    readonly port: number,
    private readonly exited: Promise<number | null>,
    /** The last lines it wrote, shared with the line reader that keeps filling it. */
    private readonly recentLines: string[],
    private readonly announcements: Announcements,
  ) {}

  /**
   * The port of the process's `"msg":"<message>"` line (e.g. "gateway http listening"), waiting
   * up to `timeoutMs` for it; undefined when it did not come.
   */
  announcedPort(message: string, timeoutMs = 5_000): Promise<number | undefined> {
    return this.announcements.portOf(message, timeoutMs);
  }

  /** `127.0.0.1:<port>`. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Exit code, or null while running or when killed by a signal. */
  get exitCode(): number | null {
    return this.child.exitCode;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines it wrote, for failure messages. */
  tail(): string {
    return this.recentLines.join('\n');
  }

  /** Starts the service and resolves once it logs that it is listening. */
  static start(options: ServiceProcessOptions): Promise<ServiceProcess> {
    const child = spawn(process.execPath, [...(options.execArgv ?? []), options.script, ...(options.args ?? [])], {
      env: options.env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const recentLines: string[] = [];
    const announcements = new Announcements();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    return new Promise<ServiceProcess>((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        child.kill('SIGKILL');
        reject(new Error(`${options.name} did not report "listening" within ${options.startTimeoutMs ?? 60_000} ms:\n${recentLines.join('\n')}`));
      }, options.startTimeoutMs ?? 60_000);

      const watch = (stream: NodeJS.ReadableStream, name: 'stdout' | 'stderr') => {
        createInterface({ input: stream }).on('line', (line) => {
          recentLines.push(line);
          if (recentLines.length > 50) recentLines.shift();
          options.onLine?.(line, name);
          const listening = name === 'stdout' ? parseListening(line) : undefined;
          if (listening) announcements.record(listening);
          if (listening?.msg === 'listening' && !settled) {
            settled = true;
            clearTimeout(timer);
            resolve(new ServiceProcess(options.name, child, listening.port, exited, recentLines, announcements));
          }
        });
      };
      watch(child.stdout!, 'stdout');
      watch(child.stderr!, 'stderr');

      void exited.then((code) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(new Error(`${options.name} exited with code ${String(code)} before listening:\n${recentLines.join('\n')}`));
      });
    });
  }

  /** Sends `signal` and waits for exit, killing it after `timeoutMs`. Resolves the exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<number | null> {
    if (!this.running) return this.child.exitCode;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Resolves with the exit code when the process ends by itself. */
  waitForExit(): Promise<number | null> {
    return this.exited;
  }
}
