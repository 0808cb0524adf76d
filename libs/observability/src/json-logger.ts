/** Severity of a log line, least to most severe. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const SEVERITY: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Structured fields of a log line. An `err` field holding an Error is expanded. */
export type LogFields = Readonly<Record<string, unknown>>;

/** A structured logger that writes one JSON object per line. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `bindings` to every line. */
  child(bindings: LogFields): Logger;
}

export interface JsonLoggerOptions {
  /** Written as `service` on every line. */
  readonly service: string;
  /** Least severe level written. Default `info`. */
  readonly level?: LogLevel;
  /** Where lines go. Default: synchronous writes to stdout, so nothing is lost on exit. */
  readonly write?: (line: string) => void;
  /** Clock, for tests. */
  readonly now?: () => Date;
  /** Fields of the moment, asked at each line, such as the active trace's ids. */
  readonly context?: () => LogFields;
}

function serialise(value: unknown): unknown {
  if (value instanceof Error) {
    const cause = (value as { cause?: unknown }).cause;
    return {
      name: value.name,
      message: value.message,
      stack: value.stack,
      ...(cause !== undefined ? { cause: serialise(cause) } : {}),
    };
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** Creates a logger writing JSON lines: `{"time","level","service","msg",...fields}`. */
export function createJsonLogger(options: JsonLoggerOptions): Logger {
  const threshold = SEVERITY[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  const now = options.now ?? (() => new Date());

  const make = (bindings: LogFields): Logger => {
    const log = (level: LogLevel, message: string, fields?: LogFields): void => {
      if (SEVERITY[level] < threshold) return;
      const line: Record<string, unknown> = { time: now().toISOString(), level, service: options.service, msg: message };
      for (const [key, value] of Object.entries({ ...options.context?.(), ...bindings, ...fields })) line[key] = serialise(value);
      write(`${JSON.stringify(line)}\n`);
    };
    return {
      debug: (message, fields) => log('debug', message, fields),
      info: (message, fields) => log('info', message, fields),
      warn: (message, fields) => log('warn', message, fields),
      error: (message, fields) => log('error', message, fields),
      child: (more) => make({ ...bindings, ...more }),
    };
  };
  return make({});
}

/** A logger that drops everything; for tests that do not look at logs. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};
