import type { EnvVar } from './env-var';

/** Every problem found in the environment, reported together so one restart fixes them all. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type EnvShape = Record<string, EnvVar<unknown>>;

/** The parsed, typed and frozen configuration described by a spec. */
export type ConfigOf<S extends EnvShape> = { readonly [K in keyof S]: S[K] extends EnvVar<infer T> ? T : never };

/** Documentation row of one variable. */
export interface EnvVarDoc {
  readonly env: string;
  readonly doc: string;
  readonly defaultText: string | undefined;
}

/** A set of environment variables that together configure one app. */
export class EnvSpec<S extends EnvShape> {
  constructor(private readonly shape: S) {}

  /** The variables, in declaration order, for documentation and manifest checks. */
  get variables(): readonly EnvVarDoc[] {
    return Object.values(this.shape).map(({ env, doc, defaultText }) => ({ env, doc, defaultText }));
  }

  /** Parses `env` once; throws a ConfigError naming every invalid or missing variable. */
  parse(env: Readonly<Record<string, string | undefined>>): ConfigOf<S> {
    const problems: string[] = [];
    const config: Record<string, unknown> = {};
    for (const [key, variable] of Object.entries(this.shape)) {
      const raw = env[variable.env];
      const text = raw === undefined || raw === '' ? variable.defaultText : raw;
      if (text === undefined) {
        problems.push(`${variable.env} is required: ${variable.doc}`);
        continue;
      }
      try {
        config[key] = variable.parse(text);
      } catch (error) {
        problems.push(`${variable.env}: ${(error as Error).message}`);
      }
    }
    if (problems.length > 0) throw new ConfigError(problems);
    return Object.freeze(config) as ConfigOf<S>;
  }
}

/** Declares an app's environment. */
export function defineEnv<S extends EnvShape>(shape: S): EnvSpec<S> {
  return new EnvSpec(shape);
}
