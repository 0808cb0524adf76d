import { DeadlineExceededError, ResourceExhaustedError } from '@aiaas/errors';
import { DynamicBatcher, type BatchInputs } from './dynamic-batcher';

/** A model that doubles its one float input, recording each call's rows; `gate` holds calls until released. */
function fakeModel() {
  const calls: number[] = [];
  let release: (() => void) | undefined;
  let gate: Promise<void> | undefined;
  return {
    calls,
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    open() {
      release?.();
      gate = undefined;
    },
    run: async (batch: BatchInputs) => {
      calls.push(batch.rows);
      if (gate) await gate;
      return Float32Array.from(batch.inputs[0]!, (value) => value * 2);
    },
  };
}

const rowsOf = (...values: number[]): BatchInputs => ({ rows: values.length, inputs: [Float32Array.from(values)] });
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('DynamicBatcher', () => {
  it('answers a lone request at once when the model is idle, without waiting out the delay', async () => {
    const model = fakeModel();
    const batcher = new DynamicBatcher(model.run, { maxBatchRows: 64, maxQueueDelayMs: 10_000, maxQueuedRows: 1_000 });
    const started = Date.now();
    expect(Array.from(await batcher.submit(rowsOf(1, 2)))).toEqual([2, 4]);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(model.calls).toEqual([2]);
  });

  it('merges the requests that arrive while a batch runs into the next batch, and gives each its own rows back', async () => {
    const model = fakeModel();
    const batcher = new DynamicBatcher(model.run, { maxBatchRows: 64, maxQueueDelayMs: 0, maxQueuedRows: 1_000 });
    model.hold();
    const first = batcher.submit(rowsOf(1));
    await settle();
    const waiting = [batcher.submit(rowsOf(2, 3)), batcher.submit(rowsOf(4)), batcher.submit(rowsOf(5, 6, 7))];
    expect(batcher.depth).toBe(6);
    model.open();
    expect(Array.from(await first)).toEqual([2]);
    const answers = await Promise.all(waiting);
    expect(answers.map((answer) => Array.from(answer))).toEqual([[4, 6], [8], [10, 12, 14]]);
    expect(model.calls).toEqual([1, 6]);
    expect(batcher.stats).toMatchObject({ batches: 2, requests: 4, rows: 7, largestBatchRows: 6 });
  });

  it('never merges past maxBatchRows, and runs a larger request alone', async () => {
    const model = fakeModel();
    const batcher = new DynamicBatcher(model.run, { maxBatchRows: 4, maxQueueDelayMs: 0, maxQueuedRows: 1_000 });
    model.hold();
    const first = batcher.submit(rowsOf(0));
    await settle();
    const rest = [batcher.submit(rowsOf(1, 1, 1)), batcher.submit(rowsOf(2, 2)), batcher.submit(rowsOf(3, 3, 3, 3, 3, 3)), batcher.submit(rowsOf(4))];
    model.open();
    await Promise.all([first, ...rest]);
    expect(model.calls).toEqual([1, 3, 2, 6, 1]);
  });

  it('refuses requests beyond the queue bound with RESOURCE_EXHAUSTED instead of queueing them', async () => {
    const model = fakeModel();
    const batcher = new DynamicBatcher(model.run, { maxBatchRows: 8, maxQueueDelayMs: 0, maxQueuedRows: 3 });
    model.hold();
    const running = batcher.submit(rowsOf(1));
    await settle();
    const queued = batcher.submit(rowsOf(1, 1, 1));
    await expect(batcher.submit(rowsOf(1))).rejects.toBeInstanceOf(ResourceExhaustedError);
    expect(batcher.stats.refused).toBe(1);
    model.open();
    await Promise.all([running, queued]);
  });

  it('drops a request whose deadline passed while it queued, before it reaches the model', async () => {
    const model = fakeModel();
    let now = 1_000;
    const batcher = new DynamicBatcher(model.run, { maxBatchRows: 8, maxQueueDelayMs: 0, maxQueuedRows: 100 }, () => now);
    model.hold();
    const running = batcher.submit(rowsOf(1));
    await settle();
    const late = batcher.submit(rowsOf(7), 1_500);
    const patient = batcher.submit(rowsOf(8), 5_000);
    now = 2_000;
    model.open();
    await expect(late).rejects.toBeInstanceOf(DeadlineExceededError);
    expect(Array.from(await patient)).toEqual([16]);
    await running;
    expect(model.calls).toEqual([1, 1]);
    expect(batcher.stats.expired).toBe(1);
  });

  it('waits for company when requests arrive faster than the window, and sends a batch as soon as it reaches the preferred size', async () => {
    const model = fakeModel();
    let now = 0;
    // The model takes 10 ms a row, so a batch of 4 would take 40 ms: worth waiting a few ms for.
    const slowModel = async (batch: BatchInputs) => {
      now += 10 * batch.rows;
      return model.run(batch);
    };
    const batcher = new DynamicBatcher(slowModel, { maxBatchRows: 16, maxQueueDelayMs: 50, preferredBatchRows: [4], maxQueuedRows: 100 }, () => now);
    // Two requests 11 ms apart (each 1 ms after the model's 10 ms call) teach it the arrival gap.
    await batcher.submit(rowsOf(1));
    now += 1;
    await batcher.submit(rowsOf(1));
    // Let the batch finish: requests that arrive while one runs go next without waiting.
    await settle();
    model.calls.length = 0;
    now += 1;
    // These three come 0 ms apart: with a gap of about 11 ms, a batch of 4 is worth ~33 ms of waiting.
    const answers = [batcher.submit(rowsOf(1)), batcher.submit(rowsOf(2)), batcher.submit(rowsOf(3))];
    await settle();
    expect(model.calls).toEqual([]);
    answers.push(batcher.submit(rowsOf(4)));
    await Promise.all(answers);
    expect(model.calls).toEqual([4]);
  });

  it('stops waiting for company that never comes: a caller sending one request at a time', async () => {
    const model = fakeModel();
    let now = 0;
    // 1 ms a row: a full batch would take 64 ms, so waiting up to 5 ms for company looks worth it.
    const timedModel = async (batch: BatchInputs) => {
      now += batch.rows;
      return model.run(batch);
    };
    const batcher = new DynamicBatcher(timedModel, { maxBatchRows: 64, maxQueueDelayMs: 5, maxQueuedRows: 1_000 }, () => now);
    // A closed loop of one: each request 1 ms after the last answer, well inside the window.
    for (let request = 0; request < 100; request++) {
      await batcher.submit(rowsOf(request));
      await settle();
      now += 1;
    }
    // The first wait (request 2) gathers nobody; the probes after it, gathering nobody either,
    // come ever more rarely: requests 18 (16 later) and 50 (32 later); the next would be 114.
    expect(batcher.stats).toMatchObject({ requests: 100, batches: 100, waits: 3 });
  });

  it('fails every request of a batch whose model call failed, and goes on with the next', async () => {
    let failing = true;
    const batcher = new DynamicBatcher(
      async (batch) => {
        if (failing) throw new Error('kernel crashed');
        return Float32Array.from(batch.inputs[0]!);
      },
      { maxBatchRows: 8, maxQueueDelayMs: 0, maxQueuedRows: 100 },
    );
    await expect(batcher.submit(rowsOf(1))).rejects.toThrow('kernel crashed');
    failing = false;
    expect(Array.from(await batcher.submit(rowsOf(3)))).toEqual([3]);
  });

  it('merges int32 inputs as int32', async () => {
    const seen: (Float32Array | Int32Array)[] = [];
    const batcher = new DynamicBatcher(
      async (batch) => {
        seen.push(batch.inputs[1]!);
        return new Float32Array(batch.rows);
      },
      { maxBatchRows: 8, maxQueueDelayMs: 0, maxQueuedRows: 100 },
    );
    const two = (id: number): BatchInputs => ({ rows: 1, inputs: [Float32Array.of(0), Int32Array.of(id)] });
    await Promise.all([batcher.submit(two(5)), batcher.submit(two(6))]);
    expect(seen.every((values) => values instanceof Int32Array)).toBe(true);
  });
});
