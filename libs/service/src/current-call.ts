import { AsyncLocalStorage } from 'node:async_hooks';

/** The call a handler is serving, as far as the calls it makes itself need to know. */
interface CurrentCall {
  /** Epoch ms by which the caller wants its answer; undefined when it set no deadline. */
  readonly deadline: number | undefined;
}

const calls = new AsyncLocalStorage<CurrentCall>();

/** A gRPC call's deadline as epoch ms, or undefined when it has none. */
export function deadlineOf(call: { getDeadline(): Date | number }): number | undefined {
  const deadline = call.getDeadline();
  const ms = deadline instanceof Date ? deadline.getTime() : deadline;
  return Number.isFinite(ms) ? ms : undefined;
}

/** Runs `work` as serving `call`, so `currentCallDeadline` answers its deadline inside it. */
export function serving<T>(call: { getDeadline(): Date | number }, work: () => T): T {
  return calls.run({ deadline: deadlineOf(call) }, work);
}

/**
 * The deadline (epoch ms) of the call being served, for the calls a handler makes downstream:
 * pass it as a client's `deadline` option, and no downstream call outlives its caller.
 */
export function currentCallDeadline(): number | undefined {
  return calls.getStore()?.deadline;
}
