import { DeadlineExceededError, ResourceExhaustedError } from '@aiaas/errors';

/** Row-major model inputs, in the model's input order, for `rows` rows. */
export interface BatchInputs {
  readonly rows: number;
  readonly inputs: readonly (Float32Array | Int32Array)[];
}

/** How a DynamicBatcher merges requests. */
export interface BatchingOptions {
  /** Most rows one model call takes; a larger request runs alone. */
  readonly maxBatchRows: number;
  /** Longest a request waits for others to join its batch while the model is idle. */
  readonly maxQueueDelayMs: number;
  /** Batch sizes worth waiting for: a batch is sent as soon as it reaches the largest. Default [maxBatchRows]. */
  readonly preferredBatchRows?: readonly number[];
  /** Most rows waiting at once; beyond it requests are refused (RESOURCE_EXHAUSTED) rather than queued. */
  readonly maxQueuedRows: number;
}

/** What the batcher has done, for metrics and tests. */
export interface BatchingStats {
  readonly batches: number;
  readonly requests: number;
  readonly rows: number;
  /** Requests refused because the queue was full. */
  readonly refused: number;
  /** Requests dropped because their deadline passed before they reached the model. */
  readonly expired: number;
  readonly largestBatchRows: number;
  /** Times an idle model waited for company before running. */
  readonly waits: number;
}

interface Pending {
  readonly request: BatchInputs;
  /** Epoch ms after which the caller no longer wants the answer. */
  readonly deadline: number | undefined;
  resolve(outputs: Float32Array): void;
  reject(error: Error): void;
}

/** Weight of the newest observation in the moving averages of arrival gaps, model time and waits' yield. */
const SMOOTHING = 0.2;
/** Below this many requests joining an idle wait on average, waiting is not worth it. */
const MIN_JOINS_PER_WAIT = 0.5;
/**
 * While waiting does not pay, an idle dispatch now and then still waits, to notice when it
 * would again: first one in 8, then, while those probes gather nobody, ever more rarely (each
 * probe costs a lone caller the whole window).
 */
const PROBE_INTERVAL = { first: 8, max: 1024 };

function concatenate(parts: readonly (Float32Array | Int32Array)[]): Float32Array | Int32Array {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const merged = parts[0] instanceof Int32Array ? new Int32Array(length) : new Float32Array(length);
  let offset = 0;
  for (const part of parts) {
    merged.set(part, offset);
    offset += part.length;
  }
  return merged;
}

/**
 * Dynamic batching for one model version: requests queue up and run as merged batches, one batch
 * at a time, so a busy model sees few large calls and an idle one answers at once.
 *
 * While a batch runs, requests gather; when it ends, the queue (up to maxBatchRows) goes next,
 * so under load batches grow with the queue by themselves. When the model is idle, a request
 * waits for company only as long as the observed arrival gaps say more requests will come
 * within the window, and no longer than a full batch takes the model to run (never past
 * maxQueueDelayMs, and not at all once the largest preferred size is reached): at low load
 * nobody pays the full delay. Nor does a caller whose requests come one at a time: when waits
 * stop gathering company, the batcher stops waiting (and tries again ever more rarely while
 * those tries gather nobody). A full queue refuses new requests
 * (RESOURCE_EXHAUSTED: back off and retry) instead of growing; a request whose deadline passes
 * while queued is dropped (DEADLINE_EXCEEDED) before it reaches the model.
 */
export class DynamicBatcher {
  private readonly queue: Pending[] = [];
  private queuedRows = 0;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private lastArrival: number | undefined;
  private arrivalGapMs: number | undefined;
  private modelMsPerRow: number | undefined;
  /** Requests that joined an idle wait, on average; undefined until the first wait ends. */
  private joinsPerWait: number | undefined;
  /** Queue length when the current idle wait began; undefined when not waiting. */
  private waitingFrom: number | undefined;
  private dispatchesSinceWait = 0;
  private probeInterval = PROBE_INTERVAL.first;
  private readonly largestPreferred: number;
  private counts = { batches: 0, requests: 0, rows: 0, refused: 0, expired: 0, largestBatchRows: 0, waits: 0 };

  constructor(
    /** Runs the model on merged inputs; answers row-major outputs, the same width per row. */
    private readonly run: (batch: BatchInputs) => Promise<Float32Array>,
    private readonly options: BatchingOptions,
    private readonly now: () => number = Date.now,
  ) {
    if (!(options.maxBatchRows >= 1) || !(options.maxQueuedRows >= 1) || !(options.maxQueueDelayMs >= 0)) {
      throw new RangeError(`batching needs maxBatchRows and maxQueuedRows of at least 1 and a maxQueueDelayMs of 0 or more, got ${JSON.stringify(options)}`);
    }
    this.largestPreferred = Math.min(options.maxBatchRows, Math.max(...(options.preferredBatchRows ?? [options.maxBatchRows])));
  }

  get stats(): BatchingStats {
    return { ...this.counts };
  }

  /** Rows waiting for the model. */
  get depth(): number {
    return this.queuedRows;
  }

  /** This request's outputs, once the batch it joined has run. */
  submit(request: BatchInputs, deadline?: number): Promise<Float32Array> {
    if (this.queuedRows + request.rows > this.options.maxQueuedRows && this.queue.length > 0) {
      this.counts.refused += 1;
      return Promise.reject(
        new ResourceExhaustedError(`the model's queue holds ${this.queuedRows} rows and takes at most ${this.options.maxQueuedRows}; retry after a short backoff`),
      );
    }
    const arrival = this.now();
    if (this.lastArrival !== undefined) this.arrivalGapMs = this.average(this.arrivalGapMs, arrival - this.lastArrival);
    this.lastArrival = arrival;
    return new Promise((resolve, reject) => {
      this.queue.push({ request, deadline, resolve, reject });
      this.queuedRows += request.rows;
      this.schedule();
    });
  }

  private average(previous: number | undefined, sample: number): number {
    return previous === undefined ? sample : previous + SMOOTHING * (sample - previous);
  }

  /** How long an idle model should wait for more requests before running what is queued. */
  private waitMs(): number {
    if (this.queuedRows >= this.largestPreferred || this.arrivalGapMs === undefined) return 0;
    // Worth waiting only if another request is likely within the window.
    if (this.arrivalGapMs > this.options.maxQueueDelayMs) return 0;
    const expectedToFill = this.arrivalGapMs * (this.largestPreferred - this.queuedRows);
    // Waiting longer than a full batch takes to run would cost more latency than it saves.
    const fullBatchMs = this.modelMsPerRow === undefined ? Number.POSITIVE_INFINITY : this.modelMsPerRow * this.largestPreferred;
    // Close arrivals need not mean company: a caller that sends its next request only once
    // answered (a closed loop) arrives often, yet never while its last request waits.
    const waitsPay = this.joinsPerWait === undefined || this.joinsPerWait >= MIN_JOINS_PER_WAIT || this.dispatchesSinceWait >= this.probeInterval - 1;
    return waitsPay ? Math.min(this.options.maxQueueDelayMs, expectedToFill, fullBatchMs) : 0;
  }

  private schedule(): void {
    if (this.running || this.queue.length === 0 || this.timer) {
      // A wait under way ends early once the batch reaches the largest preferred size.
      if (this.timer && this.queuedRows >= this.largestPreferred) this.dispatch();
      return;
    }
    const wait = this.waitMs();
    if (wait <= 0) {
      this.dispatchesSinceWait += 1;
      this.dispatch();
      return;
    }
    this.counts.waits += 1;
    this.dispatchesSinceWait = 0;
    this.waitingFrom = this.queue.length;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.dispatch();
    }, wait);
  }

  /** Takes the next batch off the queue: whole requests, first come first served, up to maxBatchRows (a larger one alone). */
  private nextBatch(): Pending[] {
    const batch: Pending[] = [];
    let rows = 0;
    const now = this.now();
    while (this.queue.length > 0) {
      const next = this.queue[0]!;
      if (next.deadline !== undefined && next.deadline <= now) {
        this.queue.shift();
        this.queuedRows -= next.request.rows;
        this.counts.expired += 1;
        next.reject(new DeadlineExceededError('the request waited in the model queue past its deadline; retry with a longer deadline or less load'));
        continue;
      }
      if (batch.length > 0 && rows + next.request.rows > this.options.maxBatchRows) break;
      this.queue.shift();
      this.queuedRows -= next.request.rows;
      batch.push(next);
      rows += next.request.rows;
      if (rows >= this.largestPreferred) break;
    }
    return batch;
  }

  private dispatch(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.waitingFrom !== undefined) {
      const joined = this.queue.length - this.waitingFrom;
      this.joinsPerWait = this.average(this.joinsPerWait, joined);
      this.probeInterval = this.joinsPerWait >= MIN_JOINS_PER_WAIT ? PROBE_INTERVAL.first : Math.min(PROBE_INTERVAL.max, this.probeInterval * (joined === 0 ? 2 : 1));
      this.waitingFrom = undefined;
    }
    if (this.running) return;
    const batch = this.nextBatch();
    if (batch.length === 0) return;
    this.running = true;
    void this.execute(batch).finally(() => {
      this.running = false;
      // What gathered meanwhile goes next, without waiting: the model was busy, not idle.
      if (this.queue.length > 0) this.dispatch();
    });
  }

  private async execute(batch: readonly Pending[]): Promise<void> {
    const rows = batch.reduce((sum, pending) => sum + pending.request.rows, 0);
    const inputs = batch[0]!.request.inputs.map((_, index) => (batch.length === 1 ? batch[0]!.request.inputs[index]! : concatenate(batch.map((pending) => pending.request.inputs[index]!))));
    const started = this.now();
    let outputs: Float32Array;
    try {
      outputs = await this.run({ rows, inputs });
    } catch (error) {
      for (const pending of batch) pending.reject(error as Error);
      return;
    }
    this.modelMsPerRow = this.average(this.modelMsPerRow, (this.now() - started) / rows);
    this.counts.batches += 1;
    this.counts.requests += batch.length;
    this.counts.rows += rows;
    this.counts.largestBatchRows = Math.max(this.counts.largestBatchRows, rows);
    const width = outputs.length / rows;
    let offset = 0;
    for (const pending of batch) {
      const size = pending.request.rows * width;
      pending.resolve(outputs.subarray(offset, offset + size));
      offset += size;
    }
  }
}
