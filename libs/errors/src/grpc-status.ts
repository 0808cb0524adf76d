import { Metadata, status, type ServiceError, type StatusObject } from '@grpc/grpc-js';
import {
  AlreadyExistsError,
  CancelledError,
  DeadlineExceededError,
  FailedPreconditionError,
  InternalError,
  InvalidArgumentError,
  NotFoundError,
  PermissionDeniedError,
  PlatformError,
  type PlatformErrorKind,
  ResourceExhaustedError,
  UnauthenticatedError,
  UnavailableError,
} from './platform-errors';

/** Trailer that carries `InvalidArgumentError.field`, so clients can point at the field. */
export const FIELD_TRAILER = 'aiaas-field';

/** Trailer that carries `ResourceExhaustedError.retryAfterMs`: when the same request may succeed. */
export const RETRY_AFTER_TRAILER = 'retry-after-ms';

const CODE_OF_KIND: Readonly<Record<PlatformErrorKind, status>> = {
  'invalid-argument': status.INVALID_ARGUMENT,
  'not-found': status.NOT_FOUND,
  'already-exists': status.ALREADY_EXISTS,
  'failed-precondition': status.FAILED_PRECONDITION,
  'resource-exhausted': status.RESOURCE_EXHAUSTED,
  unavailable: status.UNAVAILABLE,
  'deadline-exceeded': status.DEADLINE_EXCEEDED,
  cancelled: status.CANCELLED,
  unauthenticated: status.UNAUTHENTICATED,
  'permission-denied': status.PERMISSION_DENIED,
  internal: status.INTERNAL,
};

/**
 * The HTTP status of each platform error kind, for the HTTP/JSON forms of the APIs: 400 for
 * most client mistakes, 404 unknown, 409 exists, 429 over a limit, 401/403 for keys.
 */
export const HTTP_STATUS_OF_KIND: Readonly<Record<PlatformErrorKind, number>> = {
  'invalid-argument': 400,
  'not-found': 404,
  'already-exists': 409,
  'failed-precondition': 400,
  'resource-exhausted': 429,
  unavailable: 503,
  'deadline-exceeded': 504,
  cancelled: 499,
  unauthenticated: 401,
  'permission-denied': 403,
  internal: 500,
};

/**
 * The status to send for `error`. Platform errors keep their message; anything else is a bug
 * and is reported as INTERNAL with only `reference` (which the server logs beside the cause).
 */
export function toGrpcStatus(error: unknown, reference: string): Partial<StatusObject> {
  if (error instanceof PlatformError && error.kind !== 'internal') {
    const metadata = new Metadata();
    if (error instanceof InvalidArgumentError) metadata.set(FIELD_TRAILER, error.field);
    if (error instanceof ResourceExhaustedError && error.retryAfterMs !== undefined) metadata.set(RETRY_AFTER_TRAILER, String(Math.ceil(error.retryAfterMs)));
    return { code: CODE_OF_KIND[error.kind], details: error.message, metadata };
  }
  if (isServiceError(error) && error.code !== status.INTERNAL && error.code !== status.UNKNOWN) {
    // A status from a service we called: pass it through unchanged.
    return { code: error.code, details: error.details, metadata: error.metadata };
  }
  return { code: status.INTERNAL, details: `internal error (reference ${reference})` };
}

/** Turns a status received from a call back into the platform error it stands for. */
export function fromGrpcStatus(error: ServiceError): PlatformError {
  const details = error.details || error.message;
  switch (error.code) {
    case status.INVALID_ARGUMENT: {
      const trailer = error.metadata?.get(FIELD_TRAILER)[0];
      const field = typeof trailer === 'string' ? trailer : 'request';
      const prefix = `invalid ${field}: `;
      const reason = details.startsWith(prefix) ? details.slice(prefix.length) : details;
      return new InvalidArgumentError(field, reason, { cause: error });
    }
    case status.NOT_FOUND:
      return new NotFoundError(details, { cause: error });
    case status.ALREADY_EXISTS:
      return new AlreadyExistsError(details, { cause: error });
    case status.FAILED_PRECONDITION:
      return new FailedPreconditionError(details, { cause: error });
    case status.RESOURCE_EXHAUSTED: {
      const retryAfter = Number(error.metadata?.get(RETRY_AFTER_TRAILER)[0]);
      return new ResourceExhaustedError(details, { cause: error, ...(Number.isFinite(retryAfter) && retryAfter >= 0 ? { retryAfterMs: retryAfter } : {}) });
    }
    case status.UNAVAILABLE:
      return new UnavailableError(details, { cause: error });
    case status.DEADLINE_EXCEEDED:
      return new DeadlineExceededError(details, { cause: error });
    case status.CANCELLED:
      return new CancelledError(details, { cause: error });
    case status.UNAUTHENTICATED:
      return new UnauthenticatedError(details, { cause: error });
    case status.PERMISSION_DENIED:
      return new PermissionDeniedError(details, { cause: error });
    default:
      return new InternalError(details, { cause: error });
  }
}

/** True for errors produced by @grpc/grpc-js calls. */
export function isServiceError(error: unknown): error is ServiceError {
  return (
    error instanceof Error &&
    typeof (error as Partial<ServiceError>).code === 'number' &&
    'metadata' in error
  );
}
