import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { WORKSPACE_ROOT, type ManifestDocument } from './deployment-manifests';

/** The overlays under k8s/overlays, each a deployment of its own. */
export const KUSTOMIZE_OVERLAYS = ['shared-volume', 'dev', 'prod', 'gpu'] as const;
export type KustomizeOverlay = (typeof KUSTOMIZE_OVERLAYS)[number];

const rendered = new Map<string, readonly ManifestDocument[]>();

/** Where renders are kept between test files (Jest gives each file fresh modules) and runs. */
const DISK_CACHE = join(WORKSPACE_ROOT, 'node_modules', '.cache', 'aiaas-kustomize');

/** Every file under `directory`, as path and bytes, in a stable order. */
function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

/** What a render depends on: every file under k8s/, and the kubectl that renders them. */
function renderKey(root: string, directory: string): string {
  const hash = createHash('sha256').update(directory);
  for (const file of filesUnder(join(root, 'k8s'))) hash.update(file).update(readFileSync(file));
  const kubectl = (process.env['PATH'] ?? '').split(delimiter).map((dir) => join(dir, 'kubectl')).find((path) => existsSync(path));
  if (kubectl) hash.update(`${kubectl}\0${statSync(kubectl).size}\0${statSync(kubectl).mtimeMs}`);
  return hash.digest('hex');
}

function kustomize(root: string, directory: string): string {
  try {
    return execFileSync('kubectl', ['kustomize', directory], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') throw new Error('rendering the Kubernetes overlays needs kubectl (its built-in kustomize); install it, e.g. apt-get install kubernetes-client');
    throw new Error(`kubectl kustomize ${directory} failed: ${failure.stderr?.trim() || failure.message}`);
  }
}

/**
 * What `kubectl kustomize k8s/overlays/<overlay>` renders, as documents (each named
 * `k8s/overlays/<overlay>` in problems). Rendered once for each content of k8s/ and kubectl: the
 * output is kept on disk, since every service's manifest spec checks every overlay.
 */
export function renderOverlay(overlay: KustomizeOverlay, root: string = WORKSPACE_ROOT): readonly ManifestDocument[] {
  const directory = `k8s/overlays/${overlay}`;
  const key = `${root}\0${directory}`;
  const cached = rendered.get(key);
  if (cached) return cached;
  const onDisk = join(DISK_CACHE, `${renderKey(root, directory)}.yaml`);
  let output: string;
  if (existsSync(onDisk)) output = readFileSync(onDisk, 'utf8');
  else {
    output = kustomize(root, directory);
    mkdirSync(DISK_CACHE, { recursive: true });
    // Test files render in parallel: a reader must never see half a file.
    const partial = `${onDisk}.${process.pid}`;
    writeFileSync(partial, output);
    renameSync(partial, onDisk);
  }
  const documents: ManifestDocument[] = [];
  for (const document of parseAllDocuments(output)) {
    const [error] = document.errors;
    if (error) throw new Error(`${directory}: kubectl kustomize rendered invalid YAML: ${error.message}`);
    const content: unknown = document.toJS();
    if (content !== null && content !== undefined) documents.push({ file: directory, content });
  }
  rendered.set(key, documents);
  return documents;
}

/**
 * Variables an overlay's rendered Deployment of `service` sets that its EnvSpec does not
 * declare (a typo, or a variable the code no longer reads), one problem each.
 */
export function checkOverlayEnvironment(overlay: KustomizeOverlay, service: string, variables: readonly { readonly env: string }[]): string[] {
  const declared = new Set(variables.map((variable) => variable.env));
  const deployment = renderOverlay(overlay).find((document) => {
    const content = document.content as { kind?: unknown; metadata?: { name?: unknown } };
    return content.kind === 'Deployment' && content.metadata?.name === service;
  });
  if (!deployment) return [`k8s/overlays/${overlay}: renders no Deployment named "${service}"`];
  const containers = (deployment.content as { spec: { template: { spec: { containers: { name: string; env?: { name: string }[] }[] } } } }).spec.template.spec.containers;
  const container = containers.find((each) => each.name === service);
  if (!container) return [`k8s/overlays/${overlay}: Deployment "${service}" has no container named "${service}"`];
  return (container.env ?? []).filter((entry) => !declared.has(entry.name)).map((entry) => `k8s/overlays/${overlay}: Deployment "${service}" sets ${entry.name}, which its EnvSpec does not declare`);
}

/**
 * The Redis lists KEDA scales `worker` on in an overlay (its ScaledObject's redis triggers),
 * for the worker's own spec to compare with the queues it consumes.
 */
export function scaledListNames(overlay: KustomizeOverlay, worker: string): string[] {
  const scaled = renderOverlay(overlay).find((document) => {
    const content = document.content as { kind?: unknown; spec?: { scaleTargetRef?: { name?: unknown } } };
    return content.kind === 'ScaledObject' && content.spec?.scaleTargetRef?.name === worker;
  });
  const triggers = (scaled?.content as { spec?: { triggers?: { type: string; metadata: { listName?: string } }[] } } | undefined)?.spec?.triggers ?? [];
  return triggers.filter((trigger) => trigger.type === 'redis').map((trigger) => trigger.metadata.listName ?? '');
}
