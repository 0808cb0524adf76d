import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { InvalidArgumentError, NotFoundError } from '@aiaas/errors';
import type { ImportDatasetRequest__Output, UploadDatasetHeader__Output, UploadDatasetRequest__Output } from '@aiaas/proto';
import type { DatasetCatalog, DatasetRecord } from '@aiaas/registry';
import { ChunkChannel, isArtifactRef, putJson, type ArtifactRef, type ArtifactStore } from '@aiaas/storage';
import { inspectDataset, type DatasetInspection, type InspectionLimits } from './dataset-inspection';
import { readIngestRequest, type IngestRequest } from './upload-options';

export interface DatasetIngestorOptions {
  readonly store: ArtifactStore;
  readonly datasets: DatasetCatalog;
  readonly limits: InspectionLimits;
  /** The only directory `file:` imports may read from. */
  readonly importDir: string;
  readonly now?: () => number;
}

/**
 * Turns bytes into registered datasets: from a client-streamed upload, an artifact already in
 * the store, or a file under the import directory. The bytes are inspected (parsed, profiled,
 * validated) on the way; a dataset is registered only when they pass, and an upload that fails
 * stores nothing.
 */
export class DatasetIngestor {
  constructor(private readonly options: DatasetIngestorOptions) {}

  /** An upload: a header message, then the file in chunks. */
  async ingestUpload(messages: AsyncIterable<UploadDatasetRequest__Output>): Promise<DatasetRecord> {
    const iterator = messages[Symbol.asyncIterator]();
    const first = await iterator.next();
    if (first.done) throw new InvalidArgumentError('header', 'the upload had no messages; send a header, then the file in chunks');
    if (first.value.part !== 'header' || !first.value.header) throw new InvalidArgumentError('header', 'the first message of an upload must be the header');
    const request = readIngestRequest(first.value.header);
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        if (next.value.part === 'header') throw new InvalidArgumentError('header', 'send the header only once, as the first message');
        if (next.value.chunk && next.value.chunk.length > 0) yield next.value.chunk;
      }
    }
    return this.storeAndRegister(chunks(), request);
  }

  /** An import of bytes the service can already reach. */
  async importDataset(message: ImportDatasetRequest__Output): Promise<DatasetRecord> {
    const request = readIngestRequest(message.options ?? DEFAULT_OPTIONS, 'options');
    const uri = message.source_uri.trim();
    if (uri.startsWith('sha256:')) {
      if (!isArtifactRef(uri)) throw new InvalidArgumentError('source_uri', `${JSON.stringify(uri)} is not an artifact reference (sha256: and 64 hex digits)`);
      if (!(await this.options.store.has(uri))) throw NotFoundError.of('artifact', uri, 'store it first, or upload the file');
      const inspection = await inspectDataset(await this.options.store.getStream(uri), request, this.options.limits);
      return this.register(request, uri, inspection);
    }
    if (uri.startsWith('file:')) return this.storeAndRegister(createReadStream(await this.importPath(uri.slice('file:'.length))), request);
    throw new InvalidArgumentError('source_uri', `must start with "sha256:" (an artifact) or "file:" (a file under the import directory), got ${JSON.stringify(uri)}`);
  }

  /** Stores the bytes while inspecting them; an inspection failure aborts the store. */
  private async storeAndRegister(source: AsyncIterable<Buffer>, request: IngestRequest): Promise<DatasetRecord> {
    const channel = new ChunkChannel();
    const inspecting = inspectDataset(channel, request, this.options.limits);
    // An inspection that fails early stops the writer below (and is reported there).
    inspecting.catch((error: unknown) => channel.fail(error));
    async function* tee(): AsyncGenerator<Buffer> {
      try {
        for await (const chunk of source) {
          await channel.push(chunk);
          yield chunk;
        }
        channel.close();
        await inspecting;
      } catch (error) {
        channel.fail(error);
        // The inspection's account of a failure is the precise one (line, column).
        throw await inspecting.then(
          () => error,
          (inspectionError: unknown) => inspectionError,
        );
      }
    }
    const stored = await this.options.store.putStream(tee());
    return this.register(request, stored.ref, await inspecting);
  }

  private async register(request: IngestRequest, raw: ArtifactRef, inspection: DatasetInspection): Promise<DatasetRecord> {
    const profile = await putJson(this.options.store, inspection.profile);
    const id = `ds_${randomBytes(6).toString('hex')}`;
    const record: DatasetRecord = {
      id,
      name: request.name || id,
      sha256: raw.slice('sha256:'.length),
      sizeBytes: inspection.sizeBytes,
      rowCount: inspection.profile.rowCount,
      format: request.format,
      columns: inspection.profile.columns.map((column) => ({
        name: column.name,
        type: column.type,
        inferred: column.inferred,
        missingCount: column.missing,
        distinctCount: column.distinct.count,
        distinctCountCapped: !column.distinct.exact,
      })),
      schema: [...request.declared.values()],
      anomalyPolicy: request.anomalyPolicy,
      rowsWithAnomalies: inspection.profile.rowsWithAnomalies,
      shards: [...inspection.shards],
      raw,
      profile: profile.ref,
      createdAt: (this.options.now ?? Date.now)(),
    };
    await this.options.datasets.register(record);
    return record;
  }

  /** Resolves a `file:` path, refusing anything outside the import directory. */
  private async importPath(path: string): Promise<string> {
    const root = resolve(this.options.importDir);
    const candidate = resolve(root, path);
    const notAllowed = () =>
      new InvalidArgumentError('source_uri', `"file:${path}" is not under the import directory; give a path relative to it (the service's PREPROCESSING_IMPORT_DIR)`);
    const inside = (target: string, base: string) => {
      const relation = relative(base, target);
      return relation !== '' && !relation.startsWith(`..${sep}`) && relation !== '..' && !isAbsolute(relation);
    };
    if (!inside(candidate, root)) throw notAllowed();
    let real: string;
    try {
      real = await realpath(candidate);
    } catch {
      throw NotFoundError.of('file', `file:${path}`, 'put it in the import directory first');
    }
    // A symbolic link inside the directory may point outside it.
    if (!inside(real, await realpath(root))) throw notAllowed();
    if (!(await stat(real)).isFile()) throw new InvalidArgumentError('source_uri', `"file:${path}" is not a regular file`);
    return real;
  }
}

/** Import options left out entirely: every default. */
const DEFAULT_OPTIONS: UploadDatasetHeader__Output = {
  name: '',
  delimiter: '',
  declared_types: {},
  format: 'DATA_FORMAT_UNSPECIFIED',
  column_names: [],
  schema: [],
  anomaly_policy: 'ANOMALY_POLICY_UNSPECIFIED',
};
