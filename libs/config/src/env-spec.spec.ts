import { ConfigError, defineEnv } from './env-spec';
import { address, byteSize, duration, integer, integerList, oneOf, port, url } from './env-var';

const spec = defineEnv({
  port: port({ env: 'PORT', doc: 'port', default: 50051 }),
  workers: integer({ env: 'WORKERS', doc: 'workers', default: 2, min: 1, max: 64 }),
  backend: oneOf(['auto', 'wasm'] as const, { env: 'BACKEND', doc: 'backend', default: 'auto' }),
  redis: url({ env: 'REDIS', doc: 'redis', default: 'redis://localhost:6379', protocols: ['redis:'] }),
  grace: duration({ env: 'GRACE', doc: 'grace', default: '2s' }),
  limit: byteSize({ env: 'LIMIT', doc: 'limit', default: '1MiB' }),
  upstream: address({ env: 'UPSTREAM', doc: 'where the upstream listens' }),
});

describe('EnvSpec', () => {
  it('applies defaults, normalises units and freezes the result', () => {
    const config = spec.parse({ UPSTREAM: 'localhost:50052' });
    expect(config).toEqual({
      port: 50051,
      workers: 2,
      backend: 'auto',
      redis: 'redis://localhost:6379',
      grace: 2000,
      limit: 1_048_576,
      upstream: 'localhost:50052',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('parses explicit values', () => {
    const config = spec.parse({ PORT: '0', WORKERS: '8', BACKEND: 'WASM', GRACE: '1.5m', LIMIT: '10mb', UPSTREAM: '[::1]:9' });
    expect(config).toMatchObject({ port: 0, workers: 8, backend: 'wasm', grace: 90_000, limit: 10_000_000, upstream: '[::1]:9' });
  });

  it('reports every invalid and missing variable at once', () => {
    let thrown: unknown;
    try {
      spec.parse({ PORT: '70000', WORKERS: 'two', BACKEND: 'gpu', REDIS: 'http://x', GRACE: 'soon', LIMIT: '-1' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const problems = (thrown as ConfigError).problems;
    expect(problems).toHaveLength(7);
    expect(problems.join('\n')).toMatch(/PORT: expected a number from 0 to 65535, got 70000/);
    expect(problems.join('\n')).toMatch(/WORKERS: expected a whole number, got "two"/);
    expect(problems.join('\n')).toMatch(/BACKEND: expected one of auto, wasm, got "gpu"/);
    expect(problems.join('\n')).toMatch(/REDIS: expected a redis: URL/);
    expect(problems.join('\n')).toMatch(/UPSTREAM is required/);
  });

  it('reads comma-separated whole numbers, empty as none', () => {
    const sizes = defineEnv({ sizes: integerList({ env: 'SIZES', doc: 'sizes', default: [], min: 1 }) });
    expect(sizes.parse({})).toEqual({ sizes: [] });
    expect(sizes.parse({ SIZES: '8, 32,256' })).toEqual({ sizes: [8, 32, 256] });
    expect(() => sizes.parse({ SIZES: '8,x' })).toThrow('SIZES: expected whole numbers separated by commas, got "8,x"');
    expect(() => sizes.parse({ SIZES: '0' })).toThrow('SIZES: expected numbers of at least 1, got 0');
  });

  it('lists its variables for documentation', () => {
    expect(spec.variables.map((variable) => variable.env)).toEqual(['PORT', 'WORKERS', 'BACKEND', 'REDIS', 'GRACE', 'LIMIT', 'UPSTREAM']);
    expect(spec.variables[0]).toEqual({ env: 'PORT', doc: 'port', defaultText: '50051' });
  });
});
