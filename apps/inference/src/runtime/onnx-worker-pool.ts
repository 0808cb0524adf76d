import { Worker } from 'node:worker_threads';
import type { OnnxFeed, OnnxSession, OnnxSessionHost } from './onnx-runtime';

/** What the pool asks of a worker. */
type WorkerRequest =
  | { readonly kind: 'open'; readonly id: number; readonly bytes: Uint8Array; readonly threads: number }
  | { readonly kind: 'run'; readonly id: number; readonly session: number; readonly feeds: readonly OnnxFeed[]; readonly output: string }
  | { readonly kind: 'release'; readonly id: number; readonly session: number };

/** A request before the worker it goes to numbers it. */
type Unnumbered<Request> = Request extends unknown ? Omit<Request, 'id'> : never;
type UnnumberedRequest = Unnumbered<WorkerRequest>;

/** A worker's answer to request `id`: a session number, the output values, nothing (released), or why it failed. */
interface WorkerReply {
  readonly id: number;
  readonly error?: string;
  readonly session?: number;
  readonly values?: Float32Array;
}

/**
 * The worker thread's program. It is started from its source text (`eval`), so it must not
 * reach outside itself: no imports, no helpers — only `require` of Node built-ins and of the
 * onnxruntime-node path it is given. That way the same code runs from the compiled `dist` and
 * from sources under test.
 */
function onnxWorkerMain(): void {
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const ort = require((workerData as { onnxruntime: string }).onnxruntime) as typeof import('onnxruntime-node');
  const sessions = new Map<number, import('onnxruntime-node').InferenceSession>();
  let nextSession = 1;
  const fail = (id: number, error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  parentPort!.on('message', (request: WorkerRequest) => {
    if (request.kind === 'open') {
      ort.InferenceSession.create(request.bytes, { intraOpNumThreads: request.threads, interOpNumThreads: 1, executionProviders: ['cpu'] }).then((session) => {
        const number = nextSession++;
        sessions.set(number, session);
        parentPort!.postMessage({ id: request.id, session: number });
      }, (error: unknown) => fail(request.id, error));
    } else if (request.kind === 'run') {
      const session = sessions.get(request.session);
      if (!session) return fail(request.id, `ONNX session ${request.session} is not open`);
      const feeds: Record<string, import('onnxruntime-node').Tensor> = {};
      for (const feed of request.feeds) feeds[feed.name] = new ort.Tensor(feed.dtype, feed.values, feed.dims as number[]);
      session.run(feeds).then((results) => {
        const data = results[request.output]?.data;
        if (!(data instanceof Float32Array)) return fail(request.id, `ONNX output "${request.output}" is not float32`);
        // A fresh copy of just the values, so the whole buffer can move to the caller.
        const values = data.slice();
        parentPort!.postMessage({ id: request.id, values }, [values.buffer]);
      }, (error: unknown) => fail(request.id, error));
    } else {
      const session = sessions.get(request.session);
      sessions.delete(request.session);
      (session ? session.release() : Promise.resolve()).then(() => parentPort!.postMessage({ id: request.id }), (error: unknown) => fail(request.id, error));
    }
  });
}

interface Pending {
  resolve(reply: WorkerReply): void;
  reject(error: Error): void;
}

/** One worker thread and the requests it has not answered yet. */
class OnnxWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Why the worker stopped, once it has. */
  private stopped: Error | undefined;

  constructor(onnxruntimePath: string) {
    this.worker = new Worker(`(${onnxWorkerMain.toString()})()`, { eval: true, workerData: { onnxruntime: onnxruntimePath } });
    this.worker.on('message', (reply: WorkerReply) => {
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.error === undefined) pending?.resolve(reply);
      else pending?.reject(new Error(reply.error));
    });
    this.worker.on('error', (error) => this.stop(new Error(`the ONNX Runtime worker thread failed: ${error.message}`)));
    this.worker.on('exit', (code) => this.stop(new Error(`the ONNX Runtime worker thread exited (code ${code})`)));
    // An idle pool must not keep the process alive.
    this.worker.unref();
  }

  /** Sessions open on this worker; the pool opens new ones on the worker with the fewest. */
  sessions = 0;

  call(request: UnnumberedRequest, transfer: ArrayBuffer[] = []): Promise<WorkerReply> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise<WorkerReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id }, transfer);
    });
  }

  async terminate(): Promise<void> {
    this.stop(new Error('the ONNX Runtime worker pool is closed'));
    await this.worker.terminate();
  }

  private stop(reason: Error): void {
    this.stopped ??= reason;
    for (const pending of this.pending.values()) pending.reject(this.stopped);
    this.pending.clear();
  }
}

/**
 * A copy of just the view's values: posting a view would copy its whole underlying buffer
 * (which may be a request's frame or a merged batch), and transferring it would take it away
 * from the caller, who may still read it.
 */
function ownCopy<T extends Float32Array | Int32Array>(values: T): T {
  return values.slice() as T;
}

/**
 * ONNX Runtime sessions on worker threads, so a model call does not block the event loop that
 * reads requests and writes answers: the two run on separate cores. Each session lives on one
 * worker, chosen when it opens (the one holding fewest sessions), and runs its calls in order there.
 */
export class OnnxWorkerPool implements OnnxSessionHost {
  private readonly workers: OnnxWorker[];

  constructor(threads: number) {
    if (!(Number.isInteger(threads) && threads >= 1)) throw new RangeError(`an ONNX worker pool needs 1 or more threads, got ${threads}`);
    const onnxruntimePath = require.resolve('onnxruntime-node');
    this.workers = Array.from({ length: threads }, () => new OnnxWorker(onnxruntimePath));
  }

  async open(bytes: Uint8Array, threads: number): Promise<OnnxSession> {
    // Sessions, not pending calls: versions load one after another on an idle service, when every worker has none pending.
    const worker = this.workers.reduce((fewest, each) => (each.sessions < fewest.sessions ? each : fewest));
    worker.sessions += 1;
    const copy = new Uint8Array(bytes);
    let session: number | undefined;
    try {
      ({ session } = await worker.call({ kind: 'open', bytes: copy, threads }, [copy.buffer]));
    } catch (error) {
      worker.sessions -= 1;
      throw error;
    }
    return {
      async run(feeds, output) {
        const owned = feeds.map((feed) => ({ ...feed, values: ownCopy(feed.values) }));
        const reply = await worker.call({ kind: 'run', session: session!, feeds: owned, output }, owned.map((feed) => feed.values.buffer as ArrayBuffer));
        return reply.values!;
      },
      async release() {
        worker.sessions -= 1;
        await worker.call({ kind: 'release', session: session! });
      },
    };
  }

  /** Stops every worker; sessions still open are gone, and their calls fail. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
