import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Rows per model call: 1 is a lone request, more is what dynamic batching merged. */
const BATCH_ROWS_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096];
const MODEL_SECONDS_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const LOAD_SECONDS_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** What the versions held in memory amount to, read at each scrape. */
export interface LoadedVersionsReading {
  readonly versions: number;
  readonly residentBytes: number;
}

/**
 * Serving's metrics: every model call's rows (the batch size) and time by runtime, version
 * loads by outcome and time, and what the loaded versions hold.
 */
export class ServingMetrics {
  private readonly batchRows: Histogram<'runtime'>;
  private readonly modelSeconds: Histogram<'runtime'>;
  private readonly loadSeconds: Histogram<'outcome'>;
  private readonly rowsPredicted: Counter<'runtime'>;
  private reading: () => LoadedVersionsReading = () => ({ versions: 0, residentBytes: 0 });

  constructor(registry: Registry) {
    this.batchRows = new Histogram({ name: 'aiaas_inference_batch_rows', help: 'Rows per model call (what dynamic batching merged).', labelNames: ['runtime'], buckets: BATCH_ROWS_BUCKETS, registers: [registry] });
    this.modelSeconds = new Histogram({ name: 'aiaas_inference_model_seconds', help: 'Time of one model call on merged rows.', labelNames: ['runtime'], buckets: MODEL_SECONDS_BUCKETS, registers: [registry] });
    this.rowsPredicted = new Counter({ name: 'aiaas_inference_rows_total', help: 'Rows the models were run on.', labelNames: ['runtime'], registers: [registry] });
    this.loadSeconds = new Histogram({ name: 'aiaas_model_load_seconds', help: 'Time to load, warm and check a version, by outcome (loaded or failed).', labelNames: ['outcome'], buckets: LOAD_SECONDS_BUCKETS, registers: [registry] });
    const read = () => this.reading();
    new Gauge({
      name: 'aiaas_models_loaded',
      help: 'Versions held in memory on this replica.',
      registers: [registry],
      collect() {
        this.set(read().versions);
      },
    });
    new Gauge({
      name: 'aiaas_models_resident_bytes',
      help: "Bytes of the loaded versions' weights (ONNX Runtime's graph where they run there), as MAX_LOADED_BYTES counts them.",
      registers: [registry],
      collect() {
        this.set(read().residentBytes);
      },
    });
  }

  /** Reads what is loaded at each scrape. */
  observeLoaded(reading: () => LoadedVersionsReading): void {
    this.reading = reading;
  }

  /** What to call after each model call on `runtime`: its series are looked up once, not per call. */
  modelCalls(runtime: string): (rows: number, seconds: number) => void {
    const batchRows = this.batchRows.labels({ runtime });
    const modelSeconds = this.modelSeconds.labels({ runtime });
    const rowsPredicted = this.rowsPredicted.labels({ runtime });
    return (rows, seconds) => {
      batchRows.observe(rows);
      modelSeconds.observe(seconds);
      rowsPredicted.inc(rows);
    };
  }

  loadEnded(outcome: 'loaded' | 'failed', seconds: number): void {
    this.loadSeconds.observe({ outcome }, seconds);
  }
}
