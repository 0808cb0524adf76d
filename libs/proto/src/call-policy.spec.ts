import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { InvalidArgumentError, UnavailableError } from '@aiaas/errors';
import { invokeUnary, type CallPolicy, type UnaryStarter } from './call-policy';

const fastPolicy: CallPolicy = { deadlineMs: 5_000, maxAttempts: 3, initialBackoffMs: 1, maxBackoffMs: 2 };

function failing(code: status, details: string): ServiceError {
  return Object.assign(new Error(details), { code, details, metadata: new Metadata() });
}

/** A starter that answers from a script, one entry per attempt, and records each deadline. */
function scripted(answers: Array<ServiceError | string>) {
  const deadlines: Date[] = [];
  const start: UnaryStarter<string> = (_metadata, options, callback) => {
    deadlines.push(options.deadline as Date);
    const answer = answers.shift();
    if (answer === undefined) throw new Error('called more often than scripted');
    setImmediate(() => (typeof answer === 'string' ? callback(null, answer) : callback(answer)));
  };
  return { start, deadlines, remaining: () => answers.length };
}

describe('invokeUnary', () => {
  it('retries an idempotent call that failed with UNAVAILABLE, under one deadline', async () => {
    const call = scripted([failing(status.UNAVAILABLE, 'connection refused'), 'ok']);
    await expect(invokeUnary(call.start, fastPolicy, { idempotent: true })).resolves.toBe('ok');
    expect(call.deadlines).toHaveLength(2);
    expect(call.deadlines[0]).toEqual(call.deadlines[1]);
  });

  it('gives up after maxAttempts and reports the last status as a platform error', async () => {
    const call = scripted([1, 2, 3].map(() => failing(status.UNAVAILABLE, 'down')));
    await expect(invokeUnary(call.start, fastPolicy, { idempotent: true })).rejects.toBeInstanceOf(UnavailableError);
    expect(call.remaining()).toBe(0);
  });

  it('never retries a call that is not idempotent', async () => {
    const call = scripted([failing(status.UNAVAILABLE, 'down'), 'ok']);
    await expect(invokeUnary(call.start, fastPolicy, { idempotent: false })).rejects.toBeInstanceOf(UnavailableError);
    expect(call.remaining()).toBe(1);
  });

  it('does not retry a request the server rejected', async () => {
    const call = scripted([failing(status.INVALID_ARGUMENT, 'invalid x: bad'), 'ok']);
    await expect(invokeUnary(call.start, fastPolicy, { idempotent: true })).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(call.remaining()).toBe(1);
  });

  it('always sets a deadline', async () => {
    const call = scripted(['ok']);
    const before = Date.now();
    await invokeUnary(call.start, fastPolicy, { idempotent: true });
    expect(call.deadlines[0]!.getTime()).toBeGreaterThanOrEqual(before + fastPolicy.deadlineMs);
  });
});
