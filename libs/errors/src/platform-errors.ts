/**
 * The failures the platform reports to its callers. Each class corresponds to one gRPC status
 * code (see `toGrpcStatus`), so code deep inside a service states *what* went wrong and the
 * transport layer decides how it travels.
 */
export abstract class PlatformError extends Error {
  /** Discriminant, stable across processes; used to rebuild the error on the client side. */
  abstract readonly kind: PlatformErrorKind;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export type PlatformErrorKind =
  | 'invalid-argument'
  | 'not-found'
  | 'already-exists'
  | 'failed-precondition'
  | 'resource-exhausted'
  | 'unavailable'
  | 'deadline-exceeded'
  | 'cancelled'
  | 'unauthenticated'
  | 'permission-denied'
  | 'internal';

/** The caller sent something unusable; `field` names it (e.g. `records[3].fields.sex`). */
export class InvalidArgumentError extends PlatformError {
  readonly kind = 'invalid-argument' as const;

  constructor(
    readonly field: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`invalid ${field}: ${reason}`, options);
  }
}

/** A named resource does not exist. */
export class NotFoundError extends PlatformError {
  readonly kind = 'not-found' as const;

  /** `resource "id" not found; hint`, e.g. `dataset "ds_1" not found; upload it first`. */
  static of(resource: string, id: string, hint?: string): NotFoundError {
    return new NotFoundError(`${resource} "${id}" not found${hint ? `; ${hint}` : ''}`);
  }
}

/** A resource with that identity exists already. */
export class AlreadyExistsError extends PlatformError {
  readonly kind = 'already-exists' as const;
}

/** The request is well-formed but the system is not in a state to honour it. */
export class FailedPreconditionError extends PlatformError {
  readonly kind = 'failed-precondition' as const;
}

/** A limit was reached (size, rate, capacity); retrying later or with less may succeed. */
export class ResourceExhaustedError extends PlatformError {
  readonly kind = 'resource-exhausted' as const;

  constructor(
    message: string,
    options?: {
      cause?: unknown;
      /** How long to wait before the same request may succeed, when the limit says (a rate limit does). */
      retryAfterMs?: number;
    },
  ) {
    super(message, options);
    this.retryAfterMs = options?.retryAfterMs;
  }

  readonly retryAfterMs: number | undefined;
}

/** A dependency is unreachable; safe to retry with backoff. */
export class UnavailableError extends PlatformError {
  readonly kind = 'unavailable' as const;
}

/** The caller's deadline passed before the work finished. */
export class DeadlineExceededError extends PlatformError {
  readonly kind = 'deadline-exceeded' as const;
}

/** The caller gave up (cancelled the call or the job). */
export class CancelledError extends PlatformError {
  readonly kind = 'cancelled' as const;
}

/** The caller did not say who it is, or said it with a key that is unknown or revoked. */
export class UnauthenticatedError extends PlatformError {
  readonly kind = 'unauthenticated' as const;
}

/** The caller is known, but its roles do not allow this call. */
export class PermissionDeniedError extends PlatformError {
  readonly kind = 'permission-denied' as const;
}

/** A bug or an unexpected state. Its message never leaves the process that raised it. */
export class InternalError extends PlatformError {
  readonly kind = 'internal' as const;
}

/** True when `error` says the same request must not be retried as it is. */
export function isPermanent(error: unknown): boolean {
  return (
    error instanceof InvalidArgumentError ||
    error instanceof NotFoundError ||
    error instanceof AlreadyExistsError ||
    error instanceof FailedPreconditionError
  );
}
