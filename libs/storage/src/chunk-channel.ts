/**
 * A bounded hand-off of byte chunks from a producer (an upload stream) to one consumer (a
 * parser), with backpressure: `push` waits while `capacity` chunks are waiting to be read.
 */
export class ChunkChannel implements AsyncIterable<Buffer> {
  private readonly queued: Buffer[] = [];
  private closed = false;
  private failure: { error: unknown } | undefined;
  private wakeReader: (() => void) | undefined;
  private wakeWriter: (() => void) | undefined;

  constructor(private readonly capacity = 4) {}

  /**
   * Hands a chunk over; resolves once there is room for the next. Rejects, rather than waiting
   * forever, once the channel has failed or its reader has stopped reading.
   */
  async push(chunk: Buffer): Promise<void> {
    if (this.failure) throw this.failure.error;
    if (this.closed) throw new Error('push after the channel was closed');
    this.queued.push(chunk);
    this.wake('reader');
    while (this.queued.length >= this.capacity && !this.failure) {
      await new Promise<void>((resolve) => (this.wakeWriter = resolve));
    }
    this.throwIfFailed();
  }

  // A method, so that TypeScript does not treat `failure` as still narrowed after an await.
  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }

  /** No more chunks: the reader finishes once it has read the queued ones. */
  close(): void {
    this.closed = true;
    this.wake('reader');
  }

  /** Ends reading with `error` (the reader throws it) and releases a waiting writer. */
  fail(error: unknown): void {
    this.failure ??= { error };
    this.queued.length = 0;
    this.wake('reader');
    this.wake('writer');
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    let finished = false;
    try {
      for (;;) {
        if (this.failure) throw this.failure.error;
        const chunk = this.queued.shift();
        if (chunk) {
          this.wake('writer');
          yield chunk;
          continue;
        }
        if (this.closed) {
          finished = true;
          return;
        }
        await new Promise<void>((resolve) => (this.wakeReader = resolve));
      }
    } finally {
      // A reader that stops early must not leave the writer waiting for room forever.
      if (!finished) this.fail(new Error('the reader stopped before the end of the data'));
    }
  }

  private wake(side: 'reader' | 'writer'): void {
    const wake = side === 'reader' ? this.wakeReader : this.wakeWriter;
    if (side === 'reader') this.wakeReader = undefined;
    else this.wakeWriter = undefined;
    wake?.();
  }
}
