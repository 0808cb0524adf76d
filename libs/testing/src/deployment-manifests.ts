import { DEFAULT_METRICS_PORT } from '@aiaas/config';
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, posix, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** Root of the workspace: three levels above this file, in both `src/` and `dist/`. */
export const WORKSPACE_ROOT = resolve(__dirname, '../../..');

/** The compose file, relative to the workspace root. */
export const COMPOSE_FILE = 'docker-compose.yml';

/**
 * The kustomization whose files are checked one by one, relative to the workspace root: the
 * shared-volume overlay, whose `bases` and `resources` are the base's services, k8s/redis and
 * the artifact volume, as written (the other overlays are checked as rendered).
 */
export const KUSTOMIZE_BASE = 'k8s/overlays/shared-volume';

/** One parsed YAML document and the file it came from. */
export interface ManifestDocument {
  /** The file, relative to the workspace root with `/` separators; problems name it. */
  readonly file: string;
  /** The document as plain values (maps, lists, strings, numbers...), `<<` merge keys applied. */
  readonly content: unknown;
}

/** What the checks read: the compose file and every Kubernetes document of the kustomize base. */
export interface DeploymentManifests {
  /** `docker-compose.yml`. */
  readonly compose: ManifestDocument;
  /** Every document of every file the base's kustomization.yaml lists, in listed order. */
  readonly kubernetes: readonly ManifestDocument[];
}

/** What one service's manifests must agree with: facts taken from the service's own code. */
export interface ServiceManifestExpectations {
  /** Service name: the compose service, the Deployment and the Service are all called this. */
  readonly service: string;
  /** The variables the service's EnvSpec declares; the manifests may set only these. */
  readonly variables: readonly { readonly env: string }[];
  /** The service's default gRPC port (its `*_DEFAULT_PORT`). */
  readonly defaultPort: number;
  /** Whether the service reads or writes the shared artifact store (ARTIFACT_DIR). */
  readonly usesArtifacts: boolean;
  /** Whether compose publishes the port on the host; only the gateway's is. Default false. */
  readonly published?: boolean;
  /** Other ports the service serves (the gateway's HTTP port), which compose may expose or publish beside the gRPC one. */
  readonly otherPorts?: readonly number[];
}

/** Where artifacts live, from a service's environment: ARTIFACT_STORE, `fs` by default. */
function artifactStoreOf(env: ReadonlyMap<string, string | undefined>): 'fs' | 's3' {
  return env.get('ARTIFACT_STORE') === 's3' ? 's3' : 'fs';
}

/** What names one S3 artifact store: services that share artifacts must agree on all of it. */
const S3_LOCATION_VARIABLES = ['ARTIFACT_STORE', 'S3_BUCKET', 'S3_PREFIX', 'S3_ENDPOINT', 'S3_REGION'] as const;

/** Name of the Redis service in compose and Kubernetes; REDIS_URL must point at it. */
const REDIS_SERVICE = 'redis';
const REDIS_PORT = 6379;
/** Redis flags the platform depends on: AOF persistence, and no eviction (BullMQ needs it). */
const REDIS_FLAGS: readonly (readonly [flag: string, value: string])[] = [
  ['--appendonly', 'yes'],
  ['--appendfsync', 'everysec'],
  ['--maxmemory-policy', 'noeviction'],
];
const PART_OF = 'aiaas';
const NAME_LABEL = 'app.kubernetes.io/name';
const PART_OF_LABEL = 'app.kubernetes.io/part-of';
const WORKLOAD_KINDS = ['Deployment', 'StatefulSet'];

/**
 * Default gRPC ports of the platform's services. A library cannot import the apps, so the
 * ports the gateway's *_ADDR variables must name live here; every app's manifest spec passes
 * its real default port, and `checkServiceManifests` reports a mismatch with this table.
 */
const PLATFORM_SERVICE_PORTS: Readonly<Record<string, number>> = {
  gateway: 50051,
  preprocessing: 50052,
  training: 50053,
  evaluation: 50054,
  inference: 50055,
};

type Mapping = Record<string, unknown>;

/** Loads `docker-compose.yml` from the workspace root. */
export function loadComposeManifest(root: string = WORKSPACE_ROOT): ManifestDocument {
  const documents = readYamlDocuments(root, COMPOSE_FILE);
  if (documents.length !== 1) throw new Error(`${COMPOSE_FILE}: expected one YAML document, found ${documents.length}`);
  return documents[0] as ManifestDocument;
}

/**
 * Loads every document of every file listed under `resources` (and the older `bases`) in
 * `<base>/kustomization.yaml`; a listed directory is read as a nested kustomization.
 */
export function loadKubernetesManifests(root: string = WORKSPACE_ROOT, base: string = KUSTOMIZE_BASE): ManifestDocument[] {
  const kustomizationFile = posix.join(base, 'kustomization.yaml');
  const [kustomization] = readYamlDocuments(root, kustomizationFile);
  const entries = [...list(mapping(kustomization?.content)?.['resources']), ...list(mapping(kustomization?.content)?.['bases'])];
  if (entries.length === 0) throw new Error(`${kustomizationFile}: lists no resources`);
  const documents: ManifestDocument[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'string') throw new Error(`${kustomizationFile}: resource ${JSON.stringify(entry)} is not a path`);
    const file = posix.normalize(posix.join(base, entry));
    let isDirectory: boolean;
    try {
      isDirectory = statSync(join(root, file)).isDirectory();
    } catch {
      throw new Error(`${kustomizationFile}: resource ${entry} does not exist (${file})`);
    }
    documents.push(...(isDirectory ? loadKubernetesManifests(root, file) : readYamlDocuments(root, file)));
  }
  return documents;
}

/** Loads the compose file and the kustomize base together. */
export function loadDeploymentManifests(root: string = WORKSPACE_ROOT): DeploymentManifests {
  return { compose: loadComposeManifest(root), kubernetes: loadKubernetesManifests(root) };
}

/**
 * Checks that one service is deployed the way its code expects, in docker-compose.yml and in
 * the kustomize base: it exists and runs `node apps/<service>/dist/main.js`; it sets only
 * variables its EnvSpec declares; GRPC_PORT (if set), the exposed ports and the health checks
 * all use the default port; REDIS_URL points at the redis service; the shared artifact volume
 * is mounted at ARTIFACT_DIR; every `<SERVICE>_ADDR` names that service and its default port.
 *
 * @returns human-readable problems, each naming the file, the service and the variable; empty
 *   when the manifests are consistent.
 */
export function checkServiceManifests(
  options: ServiceManifestExpectations,
  manifests: DeploymentManifests = loadDeploymentManifests(),
): string[] {
  const problems: string[] = [];
  const known = PLATFORM_SERVICE_PORTS[options.service];
  if (known !== undefined && known !== options.defaultPort) {
    problems.push(
      `libs/testing/src/deployment-manifests.ts: PLATFORM_SERVICE_PORTS gives ${options.service} port ${known}, but its default port is ${options.defaultPort}`,
    );
  }
  const declared = new Set(options.variables.map((variable) => variable.env));
  if (options.usesArtifacts && !declared.has('ARTIFACT_DIR')) {
    problems.push(`${options.service}: uses the artifact store, but its EnvSpec does not declare ARTIFACT_DIR`);
  }
  return [...problems, ...checkComposeService(options, manifests.compose), ...checkKubernetesService(options, manifests.kubernetes)];
}

/**
 * Checks that Redis runs with `--appendonly yes --appendfsync everysec --maxmemory-policy
 * noeviction` on persistent storage, in docker-compose.yml and in the kustomize base, behind a
 * `redis` service on port 6379.
 *
 * @returns human-readable problems naming the file; empty when both are right.
 */
export function checkRedisManifests(manifests: DeploymentManifests = loadDeploymentManifests()): string[] {
  const problems: string[] = [];

  const { file } = manifests.compose;
  const redis = composeServices(manifests.compose)[REDIS_SERVICE];
  if (!redis) {
    problems.push(`${file}: has no "${REDIS_SERVICE}" service`);
  } else {
    const where = `${file}: service "${REDIS_SERVICE}"`;
    const command = commandTokens(redis['command']);
    if (command.length === 0) problems.push(`${where} sets no command, so none of the flags ${describeFlags()} apply`);
    else problems.push(...checkRedisFlags(where, command));
    if (!composeMounts(redis).some((mount) => mount.target === '/data' && mount.source !== undefined)) {
      problems.push(`${where} mounts no named volume at /data, so the AOF does not survive the container`);
    }
    if (!mapping(redis['healthcheck'])) problems.push(`${where} has no healthcheck`);
  }

  const workload = findWorkload(manifests.kubernetes, REDIS_SERVICE);
  if (!workload) {
    problems.push(`${KUSTOMIZE_BASE}: has no StatefulSet or Deployment named "${REDIS_SERVICE}"`);
  } else {
    const where = `${workload.file}: ${kindOf(workload)} "${REDIS_SERVICE}"`;
    const podSpec = podSpecOf(workload);
    const container = mainContainer(podSpec, REDIS_SERVICE);
    if (!container) {
      problems.push(`${where} has no container named "${REDIS_SERVICE}"`);
    } else {
      const command = [...commandTokens(container['command']), ...commandTokens(container['args'])];
      if (command.length === 0) problems.push(`${where} sets no command or args, so none of the flags ${describeFlags()} apply`);
      else problems.push(...checkRedisFlags(where, command));
      const dataMount = list(container['volumeMounts']).map(mapping).find((mount) => mount?.['mountPath'] === '/data');
      const claims = [
        ...list(mapping(mapping(workload.content)?.['spec'])?.['volumeClaimTemplates']).map((template) =>
          text(mapping(mapping(template)?.['metadata'])?.['name']),
        ),
        ...list(podSpec?.['volumes'])
          .map(mapping)
          .filter((volume) => mapping(volume?.['persistentVolumeClaim']) !== undefined)
          .map((volume) => text(volume?.['name'])),
      ];
      const dataVolume = text(dataMount?.['name']);
      if (dataVolume === undefined || !claims.includes(dataVolume)) {
        problems.push(`${where} mounts no persistent volume claim at /data, so the AOF does not survive the pod`);
      }
    }
  }
  const service = findDocument(manifests.kubernetes, 'Service', REDIS_SERVICE);
  if (!service) {
    problems.push(`${KUSTOMIZE_BASE}: has no Service named "${REDIS_SERVICE}"`);
  } else if (!servicePorts(service).some((port) => port.port === REDIS_PORT)) {
    problems.push(`${service.file}: Service "${REDIS_SERVICE}" does not expose port ${REDIS_PORT}`);
  }
  return problems;
}

// --- compose ------------------------------------------------------------------------------

function checkComposeService(options: ServiceManifestExpectations, compose: ManifestDocument): string[] {
  const { service, defaultPort } = options;
  const { file } = compose;
  const services = composeServices(compose);
  const definition = services[service];
  if (!definition) return [`${file}: has no "${service}" service`];
  const where = `${file}: service "${service}"`;
  const problems: string[] = [];

  problems.push(...checkCommand(where, service, commandTokens(definition['command'])));
  if (definition['env_file'] !== undefined) problems.push(`${where} uses env_file, whose variables cannot be checked against the EnvSpec`);

  const env = composeEnvironment(definition['environment']);
  problems.push(
    ...checkEnvironment(where, options, env, {
      serviceExists: (name) => services[name] !== undefined,
      dependsOn: new Set(composeDependsOn(definition['depends_on'])),
    }),
  );

  // Ports: `expose` and the container side of `ports` must be the default port (or another the service serves).
  const exposed = list(definition['expose']).map((entry) => Number((text(entry) ?? '').split('/')[0]));
  const published = list(definition['ports']).map(composePortTarget);
  for (const port of [...exposed, ...published]) {
    if (port !== defaultPort && !(options.otherPorts ?? []).includes(port)) problems.push(`${where} exposes port ${Number.isNaN(port) ? '(unreadable)' : port}, not its default port ${defaultPort}`);
  }
  if (exposed.length + published.length === 0) problems.push(`${where} neither exposes nor publishes its port ${defaultPort}`);
  if (options.published && published.length === 0) problems.push(`${where} does not publish its port ${defaultPort} on the host`);
  if (!options.published && published.length > 0) {
    problems.push(`${where} publishes a port on the host; only the gateway is published (use "expose" for ${defaultPort})`);
  }

  const healthcheck = mapping(definition['healthcheck']);
  if (!healthcheck || healthcheck['disable'] === true) {
    problems.push(`${where} has no healthcheck`);
  } else {
    const test = commandTokens(healthcheck['test']);
    if (test[0] === 'NONE') problems.push(`${where} disables its healthcheck`);
    else if (!mentionsPort(test, defaultPort)) problems.push(`${where} healthcheck does not target port ${defaultPort}: ${JSON.stringify(healthcheck['test'])}`);
  }

  if (options.usesArtifacts && artifactStoreOf(env) === 's3') {
    // Every replica of every stage must read and write the same objects.
    for (const [other, otherDefinition] of Object.entries(services)) {
      if (other === service || !otherDefinition) continue;
      const otherEnv = composeEnvironment(otherDefinition['environment']);
      if (!otherEnv.has('ARTIFACT_STORE') && !otherEnv.has('ARTIFACT_DIR')) continue;
      const differing = S3_LOCATION_VARIABLES.filter((variable) => otherEnv.get(variable) !== env.get(variable));
      if (differing.length > 0) problems.push(`${where} keeps artifacts in S3, but service "${other}" differs in ${differing.join(', ')}`);
    }
  } else if (options.usesArtifacts) {
    const artifactDir = env.get('ARTIFACT_DIR');
    if (artifactDir) {
      const mount = composeMounts(definition).find((candidate) => candidate.target === artifactDir);
      const declaredVolumes = mapping(mapping(compose.content)?.['volumes']) ?? {};
      if (!mount) {
        problems.push(`${where} mounts no volume at ARTIFACT_DIR (${artifactDir})`);
      } else if (mount.source === undefined || mount.bind || !(mount.source in declaredVolumes)) {
        problems.push(`${where} mounts ${mount.source ?? 'an anonymous volume'} at ARTIFACT_DIR (${artifactDir}); it must be a named volume declared under "volumes", shared with the other artifact users`);
      } else {
        // Every replica of every stage must see the same files at the same path.
        for (const [other, otherDefinition] of Object.entries(services)) {
          if (other === service || !otherDefinition) continue;
          const otherDir = composeEnvironment(otherDefinition['environment']).get('ARTIFACT_DIR');
          if (!otherDir) continue;
          const otherMount = composeMounts(otherDefinition).find((candidate) => candidate.target === otherDir);
          if (otherDir !== artifactDir || otherMount?.source !== mount.source) {
            problems.push(
              `${where} shares artifacts as volume ${mount.source} at ${artifactDir}, but service "${other}" uses ${otherMount?.source ?? 'no volume'} at ${otherDir}`,
            );
          }
        }
      }
    }
  }
  return problems;
}

function composeServices(compose: ManifestDocument): Record<string, Mapping | undefined> {
  const services = mapping(mapping(compose.content)?.['services']) ?? {};
  return Object.fromEntries(Object.entries(services).map(([name, definition]) => [name, mapping(definition)]));
}

/** `environment` as a map or as a `KEY=value` list; a bare `KEY` passes the host's value. */
function composeEnvironment(environment: unknown): Map<string, string | undefined> {
  const env = new Map<string, string | undefined>();
  if (Array.isArray(environment)) {
    for (const entry of environment) {
      const item = text(entry) ?? '';
      const equals = item.indexOf('=');
      if (equals < 0) env.set(item, undefined);
      else env.set(item.slice(0, equals), item.slice(equals + 1));
    }
  } else {
    for (const [name, value] of Object.entries(mapping(environment) ?? {})) env.set(name, text(value));
  }
  return env;
}

function composeDependsOn(dependsOn: unknown): string[] {
  if (Array.isArray(dependsOn)) return dependsOn.map((entry) => text(entry) ?? '');
  return Object.keys(mapping(dependsOn) ?? {});
}

interface ComposeMount {
  readonly source: string | undefined;
  readonly target: string;
  readonly bind: boolean;
}

/** `volumes` in short (`source:target[:mode]`) or long (`{ type, source, target }`) syntax. */
function composeMounts(definition: Mapping): ComposeMount[] {
  return list(definition['volumes']).flatMap((entry): ComposeMount[] => {
    const long = mapping(entry);
    if (long) {
      const target = text(long['target']);
      if (target === undefined) return [];
      return [{ source: text(long['source']), target, bind: long['type'] === 'bind' }];
    }
    const parts = (text(entry) ?? '').split(':');
    if (parts.length === 1) return [{ source: undefined, target: parts[0] ?? '', bind: false }];
    const source = parts[0] ?? '';
    return [{ source, target: parts[1] ?? '', bind: /^[./~]/.test(source) }];
  });
}

/** Container side of a `ports` entry: `"8080"`, `"80:8080"`, `"127.0.0.1:80:8080/tcp"` or `{ target }`. */
function composePortTarget(entry: unknown): number {
  const long = mapping(entry);
  if (long) return Number(text(long['target']));
  const parts = (text(entry) ?? '').split('/')[0]?.split(':') ?? [];
  return Number(parts[parts.length - 1]);
}

// --- kubernetes ---------------------------------------------------------------------------

function checkKubernetesService(options: ServiceManifestExpectations, documents: readonly ManifestDocument[]): string[] {
  const { service, defaultPort } = options;
  const problems: string[] = [];
  const workload = findWorkload(documents, service);
  const serviceDocument = findDocument(documents, 'Service', service);

  if (!workload) {
    problems.push(`${KUSTOMIZE_BASE}: has no Deployment named "${service}"`);
  } else {
    const where = `${workload.file}: ${kindOf(workload)} "${service}"`;
    const spec = mapping(mapping(workload.content)?.['spec']);
    const templateLabels = mapping(mapping(mapping(spec?.['template'])?.['metadata'])?.['labels']) ?? {};
    for (const [labelsWhere, labels] of [
      ['metadata.labels', mapping(mapping(workload.content)?.['metadata'])?.['labels']],
      ['spec.selector.matchLabels', mapping(spec?.['selector'])?.['matchLabels']],
      ['spec.template.metadata.labels', templateLabels],
    ] as const) {
      problems.push(...checkLabels(`${where} ${labelsWhere}`, service, mapping(labels)));
    }

    const podSpec = podSpecOf(workload);
    const container = mainContainer(podSpec, service);
    if (!container) {
      problems.push(`${where} has no container named "${service}"`);
    } else {
      problems.push(...checkCommand(where, service, [...commandTokens(container['command']), ...commandTokens(container['args'])]));
      if (container['envFrom'] !== undefined) problems.push(`${where} uses envFrom, whose variables cannot be checked against the EnvSpec`);
      const env = new Map<string, string | undefined>();
      for (const entry of list(container['env'])) {
        const variable = mapping(entry);
        const name = text(variable?.['name']);
        if (name !== undefined) env.set(name, text(variable?.['value']));
      }
      problems.push(
        ...checkEnvironment(where, options, env, {
          serviceExists: (name) => findDocument(documents, 'Service', name) !== undefined,
        }),
      );

      const ports = list(container['ports']).map(mapping);
      const grpcPort = ports.find((port) => port?.['name'] === 'grpc');
      if (!grpcPort) problems.push(`${where} declares no container port named "grpc" (${defaultPort})`);
      else if (grpcPort['containerPort'] !== defaultPort) {
        problems.push(`${where} container port "grpc" is ${String(grpcPort['containerPort'])}, not its default port ${defaultPort}`);
      }

      // Prometheus finds the pod by its annotations and scrapes the named port.
      const metricsPort = Number(env.get('METRICS_PORT') ?? DEFAULT_METRICS_PORT);
      const declaredMetrics = ports.find((port) => port?.['name'] === 'metrics');
      if (!declaredMetrics) problems.push(`${where} declares no container port named "metrics" (METRICS_PORT, ${metricsPort})`);
      else if (declaredMetrics['containerPort'] !== metricsPort) problems.push(`${where} container port "metrics" is ${String(declaredMetrics['containerPort'])}, not METRICS_PORT ${metricsPort}`);
      const annotations = mapping(mapping(mapping(spec?.['template'])?.['metadata'])?.['annotations']) ?? {};
      const expected = { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(metricsPort), 'prometheus.io/path': '/metrics' };
      for (const [key, value] of Object.entries(expected)) {
        if (annotations[key] !== value) problems.push(`${where} pod annotation ${key} is ${JSON.stringify(annotations[key])}, not "${value}"`);
      }

      for (const probeName of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
        const probe = mapping(container[probeName]);
        if (!probe) {
          if (probeName !== 'startupProbe') problems.push(`${where} has no ${probeName}`);
          continue;
        }
        const grpc = mapping(probe['grpc']);
        if (!grpc) problems.push(`${where} ${probeName} is not a native grpc probe`);
        else if (grpc['port'] !== defaultPort) problems.push(`${where} ${probeName} targets port ${String(grpc['port'])}, not ${defaultPort}`);
      }

      const resources = mapping(container['resources']);
      for (const bound of ['requests', 'limits']) {
        const values = mapping(resources?.[bound]);
        for (const resource of ['cpu', 'memory']) {
          if (values?.[resource] === undefined) problems.push(`${where} sets no resources.${bound}.${resource}`);
        }
      }

      if (options.usesArtifacts && artifactStoreOf(env) === 'fs') {
        const artifactDir = env.get('ARTIFACT_DIR');
        if (artifactDir) problems.push(...checkArtifactClaim(where, service, artifactDir, container, podSpec, documents));
      }
    }

    if (serviceDocument) {
      const selector = mapping(mapping(mapping(serviceDocument.content)?.['spec'])?.['selector']) ?? {};
      const unmatched = Object.entries(selector).filter(([key, value]) => templateLabels[key] !== value);
      if (Object.keys(selector).length === 0 || unmatched.length > 0) {
        problems.push(`${serviceDocument.file}: Service "${service}" selector ${JSON.stringify(selector)} does not select the pods of ${where}`);
      }
    }
  }

  if (!serviceDocument) {
    problems.push(`${KUSTOMIZE_BASE}: has no Service named "${service}"`);
  } else {
    const where = `${serviceDocument.file}: Service "${service}"`;
    const type = mapping(mapping(serviceDocument.content)?.['spec'])?.['type'];
    if (type !== undefined && type !== 'ClusterIP') problems.push(`${where} is of type ${String(type)}, not ClusterIP`);
    const grpc = servicePorts(serviceDocument).find((port) => port.name === 'grpc');
    if (!grpc) {
      problems.push(`${where} has no port named "grpc" (${defaultPort})`);
    } else {
      if (grpc.port !== defaultPort) problems.push(`${where} port "grpc" is ${String(grpc.port)}, not its default port ${defaultPort}`);
      if (grpc.targetPort !== undefined && grpc.targetPort !== defaultPort && grpc.targetPort !== 'grpc') {
        problems.push(`${where} port "grpc" targets ${String(grpc.targetPort)}, not ${defaultPort} or "grpc"`);
      }
    }
  }
  return problems;
}

function checkLabels(where: string, service: string, labels: Mapping | undefined): string[] {
  const problems: string[] = [];
  if (labels?.[NAME_LABEL] !== service) problems.push(`${where} lacks ${NAME_LABEL}: ${service}`);
  if (labels?.[PART_OF_LABEL] !== PART_OF) problems.push(`${where} lacks ${PART_OF_LABEL}: ${PART_OF}`);
  return problems;
}

/** The mount at ARTIFACT_DIR must be a ReadWriteMany claim, the same one every artifact user mounts there. */
function checkArtifactClaim(
  where: string,
  service: string,
  artifactDir: string,
  container: Mapping,
  podSpec: Mapping | undefined,
  documents: readonly ManifestDocument[],
): string[] {
  const claim = artifactClaim(container, podSpec, artifactDir);
  if (claim === undefined) return [`${where} mounts no persistent volume claim at ARTIFACT_DIR (${artifactDir})`];
  const problems: string[] = [];
  const pvc = findDocument(documents, 'PersistentVolumeClaim', claim);
  if (!pvc) problems.push(`${where} mounts claim "${claim}" at ARTIFACT_DIR, but ${KUSTOMIZE_BASE} defines no such PersistentVolumeClaim`);
  else if (!list(mapping(mapping(pvc.content)?.['spec'])?.['accessModes']).includes('ReadWriteMany')) {
    problems.push(`${pvc.file}: PersistentVolumeClaim "${claim}" is not ReadWriteMany, so replicas on other nodes cannot share artifacts with ${service}`);
  }
  for (const other of documents) {
    const name = text(mapping(mapping(other.content)?.['metadata'])?.['name']);
    if (!WORKLOAD_KINDS.includes(kindOf(other)) || name === undefined || name === service) continue;
    const otherPodSpec = podSpecOf(other);
    const otherContainer = mainContainer(otherPodSpec, name);
    const otherDir = text(list(otherContainer?.['env']).map(mapping).find((entry) => entry?.['name'] === 'ARTIFACT_DIR')?.['value']);
    if (!otherContainer || !otherDir) continue;
    const otherClaim = artifactClaim(otherContainer, otherPodSpec, otherDir);
    if (otherDir !== artifactDir || otherClaim !== claim) {
      problems.push(`${where} shares artifacts as claim "${claim}" at ${artifactDir}, but ${kindOf(other)} "${name}" uses ${otherClaim ?? 'no claim'} at ${otherDir}`);
    }
  }
  return problems;
}

function artifactClaim(container: Mapping, podSpec: Mapping | undefined, artifactDir: string): string | undefined {
  const mount = list(container['volumeMounts']).map(mapping).find((candidate) => candidate?.['mountPath'] === artifactDir);
  const volume = list(podSpec?.['volumes']).map(mapping).find((candidate) => candidate?.['name'] === mount?.['name']);
  return text(mapping(volume?.['persistentVolumeClaim'])?.['claimName']);
}

function kindOf(document: ManifestDocument): string {
  return text(mapping(document.content)?.['kind']) ?? '(no kind)';
}

function findDocument(documents: readonly ManifestDocument[], kind: string, name: string): ManifestDocument | undefined {
  return documents.find((document) => kindOf(document) === kind && mapping(mapping(document.content)?.['metadata'])?.['name'] === name);
}

function findWorkload(documents: readonly ManifestDocument[], name: string): ManifestDocument | undefined {
  return WORKLOAD_KINDS.map((kind) => findDocument(documents, kind, name)).find((document) => document !== undefined);
}

function podSpecOf(workload: ManifestDocument): Mapping | undefined {
  return mapping(mapping(mapping(mapping(workload.content)?.['spec'])?.['template'])?.['spec']);
}

/** The container named after the service, or the only container. */
function mainContainer(podSpec: Mapping | undefined, name: string): Mapping | undefined {
  const containers = list(podSpec?.['containers']).map(mapping);
  return containers.find((container) => container?.['name'] === name) ?? (containers.length === 1 ? containers[0] : undefined);
}

function servicePorts(service: ManifestDocument): { name: unknown; port: unknown; targetPort: unknown }[] {
  return list(mapping(mapping(service.content)?.['spec'])?.['ports']).map((entry) => {
    const port = mapping(entry);
    return { name: port?.['name'], port: port?.['port'], targetPort: port?.['targetPort'] };
  });
}

// --- shared checks ------------------------------------------------------------------------

function checkCommand(where: string, service: string, command: readonly string[]): string[] {
  const script = `apps/${service}/dist/main.js`;
  if (command.length === 0) return [`${where} sets no command; the image's default command runs the gateway, not ${script}`];
  const runsScript = command.some((token) => token === script || token.endsWith(`/${script}`));
  const runsNode = command[0] === 'node' || command[0]?.endsWith('/node') === true;
  return runsScript && runsNode ? [] : [`${where} command ${JSON.stringify(command)} does not run \`node ${script}\``];
}

interface EnvironmentContext {
  /** Whether a service (compose service or Kubernetes Service) of that name exists. */
  readonly serviceExists: (name: string) => boolean;
  /** compose only: the services this one depends on. */
  readonly dependsOn?: ReadonlySet<string>;
}

function checkEnvironment(
  where: string,
  options: ServiceManifestExpectations,
  env: ReadonlyMap<string, string | undefined>,
  context: EnvironmentContext,
): string[] {
  const problems: string[] = [];
  const declared = new Set(options.variables.map((variable) => variable.env));
  for (const name of env.keys()) {
    if (!declared.has(name)) {
      problems.push(`${where} sets ${name}, which the ${options.service} EnvSpec does not declare (it declares ${[...declared].join(', ')})`);
    }
  }

  const grpcPort = env.get('GRPC_PORT');
  if (env.has('GRPC_PORT') && grpcPort !== String(options.defaultPort)) {
    problems.push(`${where} sets GRPC_PORT=${grpcPort ?? '(no value)'}, not its default port ${options.defaultPort}`);
  }

  if (declared.has('REDIS_URL')) {
    const redisUrl = env.get('REDIS_URL');
    if (redisUrl === undefined) {
      problems.push(`${where} does not set REDIS_URL; its default (127.0.0.1) is not the "${REDIS_SERVICE}" service`);
    } else {
      const host = hostOf(redisUrl);
      if (host?.hostname !== REDIS_SERVICE || (host.port !== '' && host.port !== String(REDIS_PORT))) {
        problems.push(`${where} sets REDIS_URL=${redisUrl}, which does not point at the "${REDIS_SERVICE}" service on port ${REDIS_PORT}`);
      }
      if (!context.serviceExists(REDIS_SERVICE)) problems.push(`${where} sets REDIS_URL, but there is no "${REDIS_SERVICE}" service`);
      if (context.dependsOn && !context.dependsOn.has(REDIS_SERVICE)) problems.push(`${where} does not depend_on "${REDIS_SERVICE}"`);
    }
  }

  if (options.usesArtifacts && artifactStoreOf(env) === 's3') {
    if (!env.has('S3_BUCKET')) problems.push(`${where} sets ARTIFACT_STORE=s3 but no S3_BUCKET`);
    if (env.has('AWS_ACCESS_KEY_ID') !== env.has('AWS_SECRET_ACCESS_KEY')) problems.push(`${where} sets only one of AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY`);
    const endpoint = env.get('S3_ENDPOINT');
    const host = endpoint === undefined ? undefined : hostOf(endpoint);
    if (host) {
      if (!context.serviceExists(host.hostname)) problems.push(`${where} sets S3_ENDPOINT=${endpoint}, but there is no "${host.hostname}" service`);
      else if (context.dependsOn && !context.dependsOn.has(host.hostname)) problems.push(`${where} sets S3_ENDPOINT=${endpoint} but does not depend_on "${host.hostname}"`);
    }
  } else if (options.usesArtifacts && declared.has('ARTIFACT_DIR')) {
    const artifactDir = env.get('ARTIFACT_DIR');
    if (!artifactDir || !isAbsolute(artifactDir)) {
      problems.push(`${where} must set ARTIFACT_DIR to the absolute path where the shared artifact volume is mounted (it is ${artifactDir ?? 'unset'})`);
    }
  }

  for (const [upstream, port] of Object.entries(PLATFORM_SERVICE_PORTS)) {
    const variable = `${upstream.toUpperCase()}_ADDR`;
    if (!declared.has(variable)) continue;
    const expected = `${upstream}:${port}`;
    const value = env.get(variable);
    const host = value === undefined ? undefined : hostOf(`grpc://${value}`);
    if (value === undefined) {
      problems.push(`${where} does not set ${variable}; it must be ${expected}`);
    } else if (host === undefined || (host.hostname !== upstream && !host.hostname.startsWith(`${upstream}.`)) || host.port !== String(port)) {
      problems.push(`${where} sets ${variable}=${value}, which is not the ${upstream} service on its default port (${expected})`);
    } else {
      if (!context.serviceExists(upstream)) problems.push(`${where} sets ${variable}=${value}, but there is no "${upstream}" service`);
      if (context.dependsOn && !context.dependsOn.has(upstream)) problems.push(`${where} sets ${variable} but does not depend_on "${upstream}"`);
    }
  }
  return problems;
}

function checkRedisFlags(where: string, command: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [flag, value] of REDIS_FLAGS) {
    const values = command.flatMap((token, index) => (token === flag ? [command[index + 1]] : []));
    if (values.length === 0) problems.push(`${where} does not pass ${flag} ${value}`);
    else if (values.some((actual) => actual !== value)) problems.push(`${where} passes ${flag} ${values.join(', ')}, not ${value}`);
  }
  return problems;
}

function describeFlags(): string {
  return REDIS_FLAGS.map(([flag, value]) => `${flag} ${value}`).join(' ');
}

function mentionsPort(tokens: readonly string[], port: number): boolean {
  return tokens.some((token) => token.split(/\s+/).some((word) => word === String(port) || word.endsWith(`:${port}`)));
}

/** A command as tokens: a list stays as it is, a string is split on whitespace. */
function commandTokens(command: unknown): string[] {
  if (Array.isArray(command)) return command.map((token) => text(token) ?? '');
  const line = text(command);
  return line === undefined ? [] : line.split(/\s+/).filter((token) => token !== '');
}

function hostOf(url: string): { hostname: string; port: string } | undefined {
  try {
    const { hostname, port } = new URL(url);
    return { hostname, port };
  } catch {
    return undefined;
  }
}

// --- YAML ---------------------------------------------------------------------------------

function readYamlDocuments(root: string, file: string): ManifestDocument[] {
  let source: string;
  try {
    source = readFileSync(join(root, file), 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot be read (${(error as Error).message})`);
  }
  const documents: ManifestDocument[] = [];
  for (const document of parseAllDocuments(source, { merge: true })) {
    const [error] = document.errors;
    if (error) throw new Error(`${file}: invalid YAML: ${error.message}`);
    const content: unknown = document.toJS();
    if (content !== null && content !== undefined) documents.push({ file, content });
  }
  return documents;
}

function mapping(value: unknown): Mapping | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Mapping) : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Scalars as text (YAML reads `GRPC_PORT: 50051` as a number). */
function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}
