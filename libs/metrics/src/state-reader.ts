import { InvalidArgumentError } from '@aiaas/errors';

/**
 * Reads an accumulator's serialised state (the parsed JSON of its `toJSON()`), field by field,
 * and throws InvalidArgumentError naming the exact field at fault (e.g.
 * `state.histograms[2].positive.count[5]`), so state that was truncated, mixed up between kinds
 * or edited by hand is refused rather than turned into wrong metrics.
 */
export class StateReader {
  private constructor(
    private readonly value: Readonly<Record<string, unknown>>,
    /** Path of this object from the root, e.g. `state.calibration`. */
    readonly path: string,
  ) {}

  /** Reads the root object and checks its `kind` and `version`. */
  static root(value: unknown, kind: string, version: number): StateReader {
    const reader = StateReader.object(value, 'state');
    const actualKind = reader.value['kind'];
    if (actualKind !== kind) throw new InvalidArgumentError('state.kind', `expected "${kind}", got ${JSON.stringify(actualKind)}`);
    const actualVersion = reader.value['version'];
    if (actualVersion !== version) {
      throw new InvalidArgumentError('state.version', `expected ${version}, got ${JSON.stringify(actualVersion)}; this state was written by another version of @aiaas/metrics`);
    }
    return reader;
  }

  /** Wraps `value`, which must be a plain object, found at `path`. */
  static object(value: unknown, path: string): StateReader {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidArgumentError(path, 'expected an object');
    return new StateReader(value as Record<string, unknown>, path);
  }

  /** The nested object at `key`. */
  child(key: string): StateReader {
    return StateReader.object(this.value[key], `${this.path}.${key}`);
  }

  /** The raw value at `key`, for fields with shapes of their own. */
  raw(key: string): unknown {
    return this.value[key];
  }

  /** A finite number. */
  finite(key: string): number {
    return checkFinite(this.value[key], `${this.path}.${key}`);
  }

  /** A non-negative finite number (a sum of non-negative terms). */
  nonNegative(key: string): number {
    const value = this.finite(key);
    if (value < 0) throw new InvalidArgumentError(`${this.path}.${key}`, `expected a number ≥ 0, got ${value}`);
    return value;
  }

  /** A non-negative safe integer (a count). */
  count(key: string): number {
    return checkCount(this.value[key], `${this.path}.${key}`);
  }

  /** An integer in [min, max]. */
  integer(key: string, min: number, max: number): number {
    const value = this.value[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(`${this.path}.${key}`, `expected an integer in [${min}, ${max}], got ${JSON.stringify(value)}`);
    }
    return value;
  }

  /** An array of counts, of exactly `length` entries when given. */
  counts(key: string, length?: number): number[] {
    return this.array(key, length).map((value, index) => checkCount(value, `${this.path}.${key}[${index}]`));
  }

  /** An array of finite numbers, of exactly `length` entries when given. */
  finites(key: string, length?: number): number[] {
    return this.array(key, length).map((value, index) => checkFinite(value, `${this.path}.${key}[${index}]`));
  }

  /** An array of anything, of exactly `length` entries when given. */
  array(key: string, length?: number): unknown[] {
    const value = this.value[key];
    const path = `${this.path}.${key}`;
    if (!Array.isArray(value)) throw new InvalidArgumentError(path, 'expected an array');
    if (length !== undefined && value.length !== length) throw new InvalidArgumentError(path, `expected ${length} entries, got ${value.length}`);
    return value;
  }
}

function checkFinite(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InvalidArgumentError(path, `expected a finite number, got ${JSON.stringify(value)}`);
  return value;
}

function checkCount(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidArgumentError(path, `expected a count (an integer ≥ 0), got ${JSON.stringify(value)}`);
  }
  return value;
}
