/**
 * One environment variable: its name, what it means, its default, and how its text becomes a
 * typed value. Parsers throw a plain message; `EnvSpec.parse` collects them per variable.
 */
export interface EnvVar<T> {
  readonly env: string;
  readonly doc: string;
  /** The default as a user would write it, for documentation; undefined means required. */
  readonly defaultText: string | undefined;
  parse(raw: string): T;
}

interface Common<T> {
  env: string;
  doc: string;
  default?: T;
}

function variable<T>(options: Common<T>, defaultText: string | undefined, parse: (raw: string) => T): EnvVar<T> {
  return { env: options.env, doc: options.doc, defaultText, parse };
}

/** A whole number within [min, max]. */
export function integer(options: Common<number> & { min?: number; max?: number }): EnvVar<number> {
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = options;
  return variable(options, options.default?.toString(), (raw) => {
    if (!/^-?\d+$/.test(raw.trim())) throw new Error(`expected a whole number, got "${raw}"`);
    const value = Number(raw);
    if (value < min || value > max) throw new Error(`expected a number from ${min} to ${max}, got ${value}`);
    return value;
  });
}

/** Whole numbers of at least `min`, comma-separated (`8, 32, 256`); empty is an empty list. */
export function integerList(options: Common<readonly number[]> & { min?: number }): EnvVar<readonly number[]> {
  const { min = Number.MIN_SAFE_INTEGER } = options;
  return variable(options, options.default?.join(','), (raw) => {
    if (raw.trim() === '') return [];
    return raw.split(',').map((part) => {
      if (!/^-?\d+$/.test(part.trim())) throw new Error(`expected whole numbers separated by commas, got "${raw}"`);
      const value = Number(part);
      if (value < min) throw new Error(`expected numbers of at least ${min}, got ${value}`);
      return value;
    });
  });
}

/** A TCP port; 0 asks the OS for a free one. */
export function port(options: Common<number>): EnvVar<number> {
  return integer({ ...options, min: 0, max: 65_535 });
}

/** Free text, optionally restricted by a pattern. */
export function text(options: Common<string> & { pattern?: RegExp; patternDoc?: string }): EnvVar<string> {
  return variable(options, options.default, (raw) => {
    if (raw.length === 0) throw new Error('must not be empty');
    if (options.pattern && !options.pattern.test(raw)) {
      throw new Error(`"${raw}" is not ${options.patternDoc ?? `of the form ${options.pattern}`}`);
    }
    return raw;
  });
}

/** Free text that may be left unset (undefined). */
export function optionalText(options: Omit<Common<string>, 'default'>): EnvVar<string | undefined> {
  return { env: options.env, doc: options.doc, defaultText: '', parse: (raw) => (raw === '' ? undefined : raw) };
}

/** One of a fixed list of words. */
export function oneOf<const T extends readonly string[]>(values: T, options: Common<T[number]>): EnvVar<T[number]> {
  return variable(options, options.default, (raw) => {
    const value = raw.trim().toLowerCase();
    if (!values.includes(value)) throw new Error(`expected one of ${values.join(', ')}, got "${raw}"`);
    return value as T[number];
  });
}

/** A URL whose scheme is one of `protocols` (e.g. `redis:`). */
export function url(options: Common<string> & { protocols: readonly string[] }): EnvVar<string> {
  return variable(options, options.default, (raw) => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new Error(`"${raw}" is not a URL`);
    }
    if (!options.protocols.includes(parsed.protocol)) {
      throw new Error(`expected a ${options.protocols.join(' or ')} URL, got "${parsed.protocol}"`);
    }
    return raw;
  });
}

/** A `host:port` address of a gRPC server. */
export function address(options: Common<string>): EnvVar<string> {
  return text({ ...options, pattern: /^[\w.-]+:\d{1,5}$|^\[[\da-fA-F:]+\]:\d{1,5}$/, patternDoc: 'a host:port address' });
}

const DURATION_UNITS_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** A duration such as `500ms`, `30s`, `5m`, `1h`, or bare milliseconds; parsed to milliseconds. */
export function duration(options: Omit<Common<number>, 'default'> & { default?: string }): EnvVar<number> {
  const parse = (raw: string): number => {
    const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(raw.trim());
    if (!match) throw new Error(`expected a duration such as 500ms, 30s or 5m, got "${raw}"`);
    return Math.round(Number(match[1]) * (DURATION_UNITS_MS[match[2] ?? 'ms'] ?? 1));
  };
  return { env: options.env, doc: options.doc, defaultText: options.default, parse };
}

const SIZE_UNITS: Readonly<Record<string, number>> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/** A size such as `64MiB`, `10MB` or bare bytes; parsed to bytes. */
export function byteSize(options: Omit<Common<number>, 'default'> & { default?: string }): EnvVar<number> {
  const parse = (raw: string): number => {
    const match = /^(\d+(?:\.\d+)?)\s*([kmg]i?b|b)?$/i.exec(raw.trim());
    if (!match) throw new Error(`expected a size such as 64MiB or 1048576, got "${raw}"`);
    return Math.round(Number(match[1]) * (SIZE_UNITS[(match[2] ?? 'b').toLowerCase()] ?? 1));
  };
  return { env: options.env, doc: options.doc, defaultText: options.default, parse };
}
