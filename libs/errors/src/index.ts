/**
 * Domain errors shared by every service, and their mapping to and from gRPC status codes.
 *
 * @example
 * ```ts
 * import { NotFoundError, toGrpcStatus } from '@aiaas/errors';
 * const error = NotFoundError.of('dataset', 'ds_42', 'upload it first');
 * toGrpcStatus(error, 'ref-1'); // { code: status.NOT_FOUND, details: 'dataset "ds_42" not found; upload it first' }
 * ```
 */
export {
  AlreadyExistsError,
  CancelledError,
  DeadlineExceededError,
  FailedPreconditionError,
  InternalError,
  InvalidArgumentError,
  isPermanent,
  NotFoundError,
  PermissionDeniedError,
  PlatformError,
  ResourceExhaustedError,
  UnauthenticatedError,
  UnavailableError,
} from './platform-errors';
export type { PlatformErrorKind } from './platform-errors';
export { FIELD_TRAILER, fromGrpcStatus, HTTP_STATUS_OF_KIND, isServiceError, toGrpcStatus } from './grpc-status';
