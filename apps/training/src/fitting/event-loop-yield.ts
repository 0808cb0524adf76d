import { performance } from 'node:perf_hooks';

/**
 * Lets the event loop run (timers, I/O: BullMQ renews a job's lock on a timer, and a
 * cancellation arrives as an event) from inside a synchronous compute loop, at most every
 * `intervalMs` of work rather than at every step: each yield costs a macrotask turn, which on
 * a fast step is a measurable share of it.
 */
export class EventLoopYield {
  private last = performance.now();

  /** `intervalMs` 0 yields at every check. */
  constructor(private readonly intervalMs: number) {}

  /** Whether `intervalMs` have passed since the last yield (or since construction). */
  get due(): boolean {
    return performance.now() - this.last >= this.intervalMs;
  }

  /** Yields for one turn of the event loop (`setImmediate`: after pending I/O and timers). */
  async yield(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.last = performance.now();
  }
}
