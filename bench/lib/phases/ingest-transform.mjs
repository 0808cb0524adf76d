// Phase child: our path, using the built service code (a snapshot of it at `codeRoot`).
// Imports the file through DatasetIngestor (parse, profile, validate, store, register in a real
// Redis), then runs the preprocess stage's processor on it (three passes: cleaning fit, encoding
// fit, apply and write the splits). Input: { codeRoot, importDir, fileName, storeDir,
// sizeBytes, rows, redisUrl, prefix }.
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { phaseMain } from '../phase-child.mjs';
import { deleteKeysWithPrefix } from '../redis-keys.mjs';
import { EXPECTED_TYPES } from '../synthetic-csv.mjs';

const TARGET = 'label';

async function directoryBytes(path) {
  let total = 0;
  for (const entry of await readdir(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath ?? entry.path, entry.name))).size;
  }
  return total;
}

/** A StageContext for calling the processor directly, as libs/queue's test context builds it. */
function stageContext(payload, logger, progress) {
  return {
    jobId: payload.jobId,
    payload,
    attempt: 1,
    logger,
    previousResult: async () => {
      throw new Error('the preprocess stage has no previous result');
    },
    progress: async (fraction, message) => progress.push({ fraction, message, at: performance.now() }),
    epochEnded: async () => undefined,
    modelVersionReserved: async () => undefined,
    step: undefined,
    waitForChildren: async () => {
      throw new Error('a single-shard run fans out no tasks; the bench expects one shard');
    },
    taskResults: async () => [],
  };
}

await phaseMain(async (input, sampler) => {
  const require = createRequire(join(input.codeRoot, 'package.json'));
  const dist = (path) => require(join(input.codeRoot, path));
  const { DatasetIngestor } = dist('apps/preprocessing/dist/ingest/dataset-ingestor.js');
  const { createPreprocessProcessor } = dist('apps/preprocessing/dist/preprocess/preprocess-stage.js');
  const { FsArtifactStore } = dist('libs/storage/dist/index.js');
  const { connectRegistry } = dist('libs/registry/dist/index.js');
  const { defaultColumnPlan } = dist('libs/data/dist/index.js');
  const { silentLogger } = dist('libs/observability/dist/index.js');
  sampler.stage('loaded');
  const rssAfterLoadKiB = Math.round(process.memoryUsage().rss / 1024);

  const connections = connectRegistry({ redisUrl: input.redisUrl, prefix: input.prefix });
  try {
    const store = new FsArtifactStore(input.storeDir);
    const maxRecordBytes = 1 << 20;
    // One shard: the whole file is processed in this process, as a single-replica service would.
    const limits = { maxRecordBytes, shardBytes: Math.max(2 * input.sizeBytes, 1 << 30) };
    const ingestor = new DatasetIngestor({ store, datasets: connections.registry.datasets, limits, importDir: input.importDir });

    sampler.stage('ingest');
    const ingestStarted = performance.now();
    const dataset = await ingestor.importDataset({ options: null, source_uri: `file:${input.fileName}` });
    const ingestSeconds = (performance.now() - ingestStarted) / 1000;
    const maxRssAfterIngestKiB = process.resourceUsage().maxRSS;
    if (dataset.shards.length !== 1) throw new Error(`expected one shard, the ingest cut ${dataset.shards.length}`);

    const plan = {
      columns: dataset.columns.filter((column) => column.name !== TARGET).map((column) => defaultColumnPlan(column.name, column.type)),
      target: { column: TARGET, task: 'classification' },
    };
    const payload = {
      jobId: 'job_bench',
      datasetId: dataset.id,
      targetColumn: TARGET,
      split: { strategy: 'ratio', testFraction: 0.2, validationFraction: 0, seed: 42 },
      dropDuplicates: false,
      plan,
    };
    const processor = createPreprocessProcessor({ datasets: connections.registry.datasets, store, maxRecordBytes });
    const progress = [];

    sampler.stage('transform');
    const transformStarted = performance.now();
    const { result, summary } = await processor(stageContext(payload, silentLogger, progress));
    const transformEnded = performance.now();
    const transformSeconds = (transformEnded - transformStarted) / 1000;
    sampler.stage('done');

    // The processor reports progress after the cleaning pass (0.3) and after fitting the
    // encoders (0.6); the gaps between those marks time the three passes.
    const at = (fraction) => progress.find((report) => report.fraction === fraction)?.at;
    const cleaned = at(0.3) ?? transformStarted;
    const encoded = at(0.6);
    const passSeconds = encoded
      ? { cleaning: (cleaned - transformStarted) / 1000, encoding: (encoded - cleaned) / 1000, apply: (transformEnded - encoded) / 1000 }
      : undefined;

    const types = {};
    for (const column of dataset.columns) types[column.type] = (types[column.type] ?? 0) + 1;
    const typesAsExpected = Object.entries(EXPECTED_TYPES).every(([type, count]) => types[type] === count) && Object.keys(types).length === Object.keys(EXPECTED_TYPES).length;
    const rows = dataset.rowCount;
    if (rows !== input.rows) throw new Error(`the ingest counted ${rows} rows, the file has ${input.rows}`);
    const encodedRows = result.trainRows + result.validationRows + result.testRows;
    return {
      rows,
      ingestSeconds,
      transformSeconds,
      passSeconds,
      totalSeconds: ingestSeconds + transformSeconds,
      ingestRowsPerSecond: rows / ingestSeconds,
      transformRowsPerSecond: rows / transformSeconds,
      combinedRowsPerSecond: rows / (ingestSeconds + transformSeconds),
      maxRssAfterIngestKiB,
      rssAfterLoadKiB,
      columnTypes: types,
      typesAsExpected,
      featureCount: result.featureCount,
      trainRows: result.trainRows,
      testRows: result.testRows,
      encodedRows,
      dropped: result.dropped,
      classLabels: result.classLabels,
      summary,
      storeBytes: await directoryBytes(input.storeDir),
    };
  } finally {
    await deleteKeysWithPrefix(connections.redis, input.prefix);
    connections.close();
  }
});
