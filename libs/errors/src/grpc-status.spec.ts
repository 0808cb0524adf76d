import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { fromGrpcStatus, toGrpcStatus } from './grpc-status';
import {
  FailedPreconditionError,
  InvalidArgumentError,
  NotFoundError,
  PermissionDeniedError,
  ResourceExhaustedError,
  UnauthenticatedError,
  UnavailableError,
} from './platform-errors';

function serviceErrorFrom(statusObject: ReturnType<typeof toGrpcStatus>): ServiceError {
  const error = new Error(statusObject.details) as ServiceError;
  error.code = statusObject.code ?? status.UNKNOWN;
  error.details = statusObject.details ?? '';
  error.metadata = statusObject.metadata ?? new Metadata();
  return error;
}

describe('toGrpcStatus', () => {
  it.each([
    [new InvalidArgumentError('target_column', 'no such column'), status.INVALID_ARGUMENT],
    [NotFoundError.of('dataset', 'ds_1'), status.NOT_FOUND],
    [new FailedPreconditionError('not blessed'), status.FAILED_PRECONDITION],
    [new ResourceExhaustedError('too big'), status.RESOURCE_EXHAUSTED],
    [new UnavailableError('redis down'), status.UNAVAILABLE],
    [new UnauthenticatedError('no key'), status.UNAUTHENTICATED],
    [new PermissionDeniedError('not an admin'), status.PERMISSION_DENIED],
  ])('maps %p to its status code and keeps the message', (error, code) => {
    const mapped = toGrpcStatus(error, 'ref');
    expect(mapped.code).toBe(code);
    expect(mapped.details).toBe(error.message);
    expect(fromGrpcStatus(serviceErrorFrom(mapped))).toBeInstanceOf(error.constructor);
  });

  it('carries how long to wait before retrying a limited request, both ways', () => {
    const mapped = toGrpcStatus(new ResourceExhaustedError('rate limit', { retryAfterMs: 120.2 }), 'ref');
    expect(mapped.metadata?.get('retry-after-ms')).toEqual(['121']);
    expect(fromGrpcStatus(serviceErrorFrom(mapped))).toMatchObject({ retryAfterMs: 121 });
    expect((fromGrpcStatus(serviceErrorFrom(toGrpcStatus(new ResourceExhaustedError('full'), 'ref'))) as ResourceExhaustedError).retryAfterMs).toBeUndefined();
  });

  it('hides the message of unexpected errors behind a reference', () => {
    const mapped = toGrpcStatus(new TypeError('cannot read x of undefined at /srv/app.js:12'), 'ref-7');
    expect(mapped.code).toBe(status.INTERNAL);
    expect(mapped.details).toBe('internal error (reference ref-7)');
  });

  it('passes a status received from another service through unchanged', () => {
    const upstream = serviceErrorFrom({ code: status.NOT_FOUND, details: 'model "m" not found' });
    expect(toGrpcStatus(upstream, 'ref')).toMatchObject({ code: status.NOT_FOUND, details: 'model "m" not found' });
  });
});

describe('fromGrpcStatus', () => {
  it('rebuilds an invalid-argument error with its field from the trailer', () => {
    const original = new InvalidArgumentError('records[2].fields.island', '"Atlantis" is not a number');
    const rebuilt = fromGrpcStatus(serviceErrorFrom(toGrpcStatus(original, 'ref')));
    expect(rebuilt).toBeInstanceOf(InvalidArgumentError);
    expect(rebuilt).toMatchObject({ field: 'records[2].fields.island', reason: '"Atlantis" is not a number' });
    expect(rebuilt.message).toBe(original.message);
  });

  it('turns NOT_FOUND into a NotFoundError with the server message', () => {
    const rebuilt = fromGrpcStatus(serviceErrorFrom({ code: status.NOT_FOUND, details: 'dataset "x" not found' }));
    expect(rebuilt).toBeInstanceOf(NotFoundError);
    expect(rebuilt.message).toBe('dataset "x" not found');
  });
});
