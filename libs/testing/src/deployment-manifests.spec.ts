import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { parse } from 'yaml';
import {
  checkRedisManifests,
  checkServiceManifests,
  KUSTOMIZE_BASE,
  loadDeploymentManifests,
  WORKSPACE_ROOT,
  type DeploymentManifests,
  type ManifestDocument,
  type ServiceManifestExpectations,
} from './deployment-manifests';

// A small, consistent platform (redis, gateway, preprocessing, inference) built here, so each
// test breaks exactly one thing and expects the checker to name it.

const ARTIFACT_DIR = '/var/lib/aiaas/artifacts';
const COMMON = ['GRPC_HOST', 'GRPC_PORT', 'LOG_LEVEL', 'SHUTDOWN_GRACE', 'REDIS_URL', 'REDIS_PREFIX'];

const gateway: ServiceManifestExpectations = {
  service: 'gateway',
  variables: [...COMMON, 'PREPROCESSING_ADDR', 'INFERENCE_ADDR'].map((env) => ({ env })),
  defaultPort: 50051,
  usesArtifacts: false,
  published: true,
};
const preprocessing: ServiceManifestExpectations = {
  service: 'preprocessing',
  variables: [...COMMON, 'ARTIFACT_DIR', 'WORKER_CONCURRENCY'].map((env) => ({ env })),
  defaultPort: 50052,
  usesArtifacts: true,
};
const inference: ServiceManifestExpectations = {
  service: 'inference',
  variables: [...COMMON, 'ARTIFACT_DIR', 'TFJS_BACKEND'].map((env) => ({ env })),
  defaultPort: 50055,
  usesArtifacts: true,
};

const REDIS_ARGS = ['redis-server', '--appendonly', 'yes', '--appendfsync', 'everysec', '--maxmemory-policy', 'noeviction'];

function composeService(name: string, port: number, env: Record<string, string>, extra: Record<string, unknown> = {}) {
  return {
    image: 'aiaas:local',
    command: ['node', `apps/${name}/dist/main.js`],
    environment: { GRPC_PORT: String(port), REDIS_URL: 'redis://redis:6379', ...env },
    expose: [String(port)],
    healthcheck: { test: ['CMD', 'node', '-e', 'probe(process.argv[1])', String(port)] },
    depends_on: { redis: { condition: 'service_healthy' } },
    ...extra,
  };
}

function labels(name: string) {
  return { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'aiaas' };
}

function deployment(name: string, port: number, env: Record<string, string>, artifacts: boolean) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: labels(name) },
    spec: {
      selector: { matchLabels: labels(name) },
      template: {
        metadata: { labels: labels(name), annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9464', 'prometheus.io/path': '/metrics' } },
        spec: {
          containers: [
            {
              name,
              image: 'aiaas',
              command: ['node', `apps/${name}/dist/main.js`],
              env: Object.entries({ GRPC_PORT: String(port), REDIS_URL: 'redis://redis:6379', ...env }).map(([key, value]) => ({ name: key, value })),
              ports: [
                { name: 'grpc', containerPort: port },
                { name: 'metrics', containerPort: 9464 },
              ],
              readinessProbe: { grpc: { port } },
              livenessProbe: { grpc: { port } },
              resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '512Mi' } },
              volumeMounts: artifacts ? [{ name: 'artifacts', mountPath: ARTIFACT_DIR }] : [],
            },
          ],
          volumes: artifacts ? [{ name: 'artifacts', persistentVolumeClaim: { claimName: 'artifacts' } }] : [],
        },
      },
    },
  };
}

function service(name: string, port: number, portName = 'grpc') {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, labels: labels(name) },
    spec: { type: 'ClusterIP', selector: labels(name), ports: [{ name: portName, port, targetPort: portName }] },
  };
}

function fixture(): DeploymentManifests {
  const compose: ManifestDocument = {
    file: 'docker-compose.yml',
    content: {
      services: {
        redis: { image: 'redis:7', command: REDIS_ARGS, volumes: ['redis-data:/data'], healthcheck: { test: ['CMD', 'redis-cli', 'ping'] } },
        gateway: composeService(
          'gateway',
          50051,
          { PREPROCESSING_ADDR: 'preprocessing:50052', INFERENCE_ADDR: 'inference:50055' },
          {
            expose: undefined,
            ports: ['127.0.0.1:50051:50051'],
            depends_on: { redis: {}, preprocessing: {}, inference: {} },
          },
        ),
        preprocessing: composeService('preprocessing', 50052, { ARTIFACT_DIR }, { volumes: [`artifacts:${ARTIFACT_DIR}`] }),
        inference: composeService('inference', 50055, { ARTIFACT_DIR }, { volumes: [{ type: 'volume', source: 'artifacts', target: ARTIFACT_DIR }] }),
      },
      volumes: { 'redis-data': null, artifacts: null },
    },
  };
  const kubernetes: ManifestDocument[] = [
    {
      file: 'k8s/base/artifacts-pvc.yaml',
      content: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'artifacts' }, spec: { accessModes: ['ReadWriteMany'] } },
    },
    {
      file: 'k8s/base/redis.yaml',
      content: {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'redis', labels: labels('redis') },
        spec: {
          template: { spec: { containers: [{ name: 'redis', image: 'redis:7', args: REDIS_ARGS, volumeMounts: [{ name: 'data', mountPath: '/data' }] }] } },
          volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } }],
        },
      },
    },
    { file: 'k8s/base/redis.yaml', content: service('redis', 6379, 'redis') },
    {
      file: 'k8s/base/gateway.yaml',
      content: deployment('gateway', 50051, { PREPROCESSING_ADDR: 'preprocessing:50052', INFERENCE_ADDR: 'inference:50055' }, false),
    },
    { file: 'k8s/base/gateway.yaml', content: service('gateway', 50051) },
    { file: 'k8s/base/preprocessing.yaml', content: deployment('preprocessing', 50052, { ARTIFACT_DIR }, true) },
    { file: 'k8s/base/preprocessing.yaml', content: service('preprocessing', 50052) },
    { file: 'k8s/base/inference.yaml', content: deployment('inference', 50055, { ARTIFACT_DIR }, true) },
    { file: 'k8s/base/inference.yaml', content: service('inference', 50055) },
  ];
  return { compose, kubernetes };
}

type Tree = Record<string, unknown>;

/** Reaches into parsed YAML; throws when the path does not exist, so a typo fails the test. */
function at(root: unknown, ...path: readonly (string | number)[]): Tree {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) throw new Error(`fixture has no ${path.join('.')}`);
    node = (node as Tree)[key];
  }
  if (typeof node !== 'object' || node === null) throw new Error(`fixture has no ${path.join('.')}`);
  return node as Tree;
}

/**
 * A fresh fixture with one part changed: `edit` receives the compose file's services and the
 * Kubernetes documents keyed by `<kind>/<name>`, to mutate in place.
 */
function broken(edit: (services: Tree, kubernetes: Tree) => void): DeploymentManifests {
  const manifests = fixture();
  const kubernetes: Tree = {};
  for (const document of manifests.kubernetes) {
    kubernetes[`${String(at(document.content)['kind'])}/${String(at(document.content, 'metadata')['name'])}`] = document.content;
  }
  edit(at(manifests.compose.content, 'services'), kubernetes);
  return manifests;
}

/** The service's container in its Deployment (or the redis StatefulSet). */
function container(kubernetes: Tree, workload: string): Tree {
  return at(kubernetes, workload, 'spec', 'template', 'spec', 'containers', 0);
}

function envOf(kubernetes: Tree, workload: string): { name: string; value: string }[] {
  return container(kubernetes, workload)['env'] as { name: string; value: string }[];
}

describe('checkServiceManifests', () => {
  it('finds nothing wrong with consistent manifests', () => {
    const manifests = fixture();
    expect(checkServiceManifests(gateway, manifests)).toEqual([]);
    expect(checkServiceManifests(preprocessing, manifests)).toEqual([]);
    expect(checkServiceManifests(inference, manifests)).toEqual([]);
  });

  it('names a variable the EnvSpec does not declare, in both compose and Kubernetes', () => {
    const withoutGrpcPort = { ...gateway, variables: gateway.variables.filter(({ env }) => env !== 'GRPC_PORT') };
    const problems = checkServiceManifests(withoutGrpcPort, fixture());
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^docker-compose\.yml: service "gateway" sets GRPC_PORT, which the gateway EnvSpec does not declare/),
        expect.stringMatching(/^k8s\/base\/gateway\.yaml: Deployment "gateway" sets GRPC_PORT, which the gateway EnvSpec does not declare/),
      ]),
    );
  });

  it('reports a missing service and a missing Deployment and Service', () => {
    const problems = checkServiceManifests({ ...preprocessing, service: 'training', defaultPort: 50053 }, fixture());
    expect(problems).toEqual(
      expect.arrayContaining([
        'docker-compose.yml: has no "training" service',
        'k8s/overlays/shared-volume: has no Deployment named "training"',
        'k8s/overlays/shared-volume: has no Service named "training"',
      ]),
    );
  });

  it('reports a command that runs another service', () => {
    const problems = checkServiceManifests(
      preprocessing,
      broken((services, kubernetes) => {
        at(services, 'preprocessing')['command'] = ['node', 'apps/gateway/dist/main.js'];
        delete container(kubernetes, 'Deployment/preprocessing')['command'];
      }),
    );
    expect(problems).toEqual([
      'docker-compose.yml: service "preprocessing" command ["node","apps/gateway/dist/main.js"] does not run `node apps/preprocessing/dist/main.js`',
      `k8s/base/preprocessing.yaml: Deployment "preprocessing" sets no command; the image's default command runs the gateway, not apps/preprocessing/dist/main.js`,
    ]);
  });

  it('reports a GRPC_PORT, exposed port, Service port and probe that differ from the default port', () => {
    const problems = checkServiceManifests(
      inference,
      broken((services, kubernetes) => {
        at(services, 'inference', 'environment')['GRPC_PORT'] = '6000';
        at(services, 'inference')['expose'] = ['6000'];
        at(services, 'inference', 'healthcheck')['test'] = ['CMD', 'node', '-e', 'probe()', '6000'];
        at(container(kubernetes, 'Deployment/inference'), 'ports', 0)['containerPort'] = 6000;
        at(container(kubernetes, 'Deployment/inference'), 'livenessProbe', 'grpc')['port'] = 6000;
        at(kubernetes, 'Service/inference', 'spec', 'ports', 0)['port'] = 6000;
      }),
    );
    expect(problems).toEqual([
      'docker-compose.yml: service "inference" sets GRPC_PORT=6000, not its default port 50055',
      'docker-compose.yml: service "inference" exposes port 6000, not its default port 50055',
      'docker-compose.yml: service "inference" healthcheck does not target port 50055: ["CMD","node","-e","probe()","6000"]',
      'k8s/base/inference.yaml: Deployment "inference" container port "grpc" is 6000, not its default port 50055',
      'k8s/base/inference.yaml: Deployment "inference" livenessProbe targets port 6000, not 50055',
      'k8s/base/inference.yaml: Service "inference" port "grpc" is 6000, not its default port 50055',
    ]);
  });

  it('reports a port published by a service that is not public, and a probe that is not grpc', () => {
    const problems = checkServiceManifests(
      preprocessing,
      broken((services, kubernetes) => {
        at(services, 'preprocessing')['ports'] = ['50052:50052'];
        container(kubernetes, 'Deployment/preprocessing')['readinessProbe'] = { tcpSocket: { port: 50052 } };
      }),
    );
    expect(problems).toEqual([
      'docker-compose.yml: service "preprocessing" publishes a port on the host; only the gateway is published (use "expose" for 50052)',
      'k8s/base/preprocessing.yaml: Deployment "preprocessing" readinessProbe is not a native grpc probe',
    ]);
  });

  it('reports a pod Prometheus cannot find or scrape: no metrics port, or annotations that miss it', () => {
    const problems = checkServiceManifests(
      { ...inference, variables: [...inference.variables, { env: 'METRICS_PORT' }] },
      broken((_services, kubernetes) => {
        envOf(kubernetes, 'Deployment/inference').push({ name: 'METRICS_PORT', value: '9100' });
        at(kubernetes, 'Deployment/inference', 'spec', 'template', 'metadata', 'annotations')['prometheus.io/scrape'] = 'false';
      }),
    );
    expect(problems).toEqual([
      'k8s/base/inference.yaml: Deployment "inference" container port "metrics" is 9464, not METRICS_PORT 9100',
      'k8s/base/inference.yaml: Deployment "inference" pod annotation prometheus.io/scrape is "false", not "true"',
      'k8s/base/inference.yaml: Deployment "inference" pod annotation prometheus.io/port is "9464", not "9100"',
    ]);
  });

  it('checks an S3 artifact store instead of the volume: a bucket, both keys, a reachable endpoint, one store for all', () => {
    const S3 = ['ARTIFACT_STORE', 'S3_BUCKET', 'S3_PREFIX', 'S3_ENDPOINT', 'S3_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'];
    const withS3 = (expectations: ServiceManifestExpectations) => ({ ...expectations, variables: [...expectations.variables, ...S3.map((env) => ({ env }))] });
    const store = { ARTIFACT_STORE: 's3', S3_BUCKET: 'aiaas', S3_ENDPOINT: 'http://minio:9000', AWS_ACCESS_KEY_ID: 'aiaas', AWS_SECRET_ACCESS_KEY: 'secret' };
    const manifests = broken((services) => {
      services['minio'] = { image: 'minio/minio' };
      for (const name of ['preprocessing', 'inference']) {
        const definition = at(services, name);
        const environment = at(definition, 'environment');
        delete environment['ARTIFACT_DIR'];
        Object.assign(environment, store);
        definition['volumes'] = [];
        (definition['depends_on'] as Tree)['minio'] = { condition: 'service_healthy' };
      }
      Object.assign(at(services, 'inference', 'environment'), { S3_BUCKET: 'other', S3_ENDPOINT: 'http://storage:9000' });
      delete at(services, 'inference', 'environment')['AWS_SECRET_ACCESS_KEY'];
    });
    const compose = (problems: string[]) => problems.filter((problem) => problem.startsWith('docker-compose.yml'));
    expect(compose(checkServiceManifests(withS3(preprocessing), manifests))).toEqual(['docker-compose.yml: service "preprocessing" keeps artifacts in S3, but service "inference" differs in S3_BUCKET, S3_ENDPOINT']);
    expect(compose(checkServiceManifests(withS3(inference), manifests))).toEqual([
      'docker-compose.yml: service "inference" sets only one of AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
      'docker-compose.yml: service "inference" sets S3_ENDPOINT=http://storage:9000, but there is no "storage" service',
      'docker-compose.yml: service "inference" keeps artifacts in S3, but service "preprocessing" differs in S3_BUCKET, S3_ENDPOINT',
    ]);
  });

  it('reports a REDIS_URL that does not point at the redis service', () => {
    const problems = checkServiceManifests(
      preprocessing,
      broken((services, kubernetes) => {
        at(services, 'preprocessing', 'environment')['REDIS_URL'] = 'redis://127.0.0.1:6379';
        container(kubernetes, 'Deployment/preprocessing')['env'] = envOf(kubernetes, 'Deployment/preprocessing').filter(
          (entry) => entry.name !== 'REDIS_URL',
        );
      }),
    );
    expect(problems).toEqual([
      'docker-compose.yml: service "preprocessing" sets REDIS_URL=redis://127.0.0.1:6379, which does not point at the "redis" service on port 6379',
      'k8s/base/preprocessing.yaml: Deployment "preprocessing" does not set REDIS_URL; its default (127.0.0.1) is not the "redis" service',
    ]);
  });

  it('reports an artifact volume that is missing, a bind mount, or not ReadWriteMany', () => {
    const problems = checkServiceManifests(
      inference,
      broken((services, kubernetes) => {
        at(services, 'inference')['volumes'] = [`./data:${ARTIFACT_DIR}`];
        container(kubernetes, 'Deployment/inference')['volumeMounts'] = [];
      }),
    );
    expect(problems).toEqual([
      `docker-compose.yml: service "inference" mounts ./data at ARTIFACT_DIR (${ARTIFACT_DIR}); it must be a named volume declared under "volumes", shared with the other artifact users`,
      `k8s/base/inference.yaml: Deployment "inference" mounts no persistent volume claim at ARTIFACT_DIR (${ARTIFACT_DIR})`,
    ]);
    const pvcProblems = checkServiceManifests(
      preprocessing,
      broken((_services, kubernetes) => {
        at(kubernetes, 'PersistentVolumeClaim/artifacts', 'spec')['accessModes'] = ['ReadWriteOnce'];
      }),
    );
    expect(pvcProblems).toEqual([
      'k8s/base/artifacts-pvc.yaml: PersistentVolumeClaim "artifacts" is not ReadWriteMany, so replicas on other nodes cannot share artifacts with preprocessing',
    ]);
  });

  it('reports artifact users that do not share one volume at one path', () => {
    const problems = checkServiceManifests(
      preprocessing,
      broken((services, kubernetes) => {
        at(services, 'inference', 'environment')['ARTIFACT_DIR'] = '/artifacts';
        at(services, 'inference')['volumes'] = ['artifacts:/artifacts'];
        at(kubernetes, 'Deployment/inference', 'spec', 'template', 'spec', 'volumes', 0, 'persistentVolumeClaim')['claimName'] = 'other';
      }),
    );
    expect(problems).toEqual([
      `docker-compose.yml: service "preprocessing" shares artifacts as volume artifacts at ${ARTIFACT_DIR}, but service "inference" uses artifacts at /artifacts`,
      `k8s/base/preprocessing.yaml: Deployment "preprocessing" shares artifacts as claim "artifacts" at ${ARTIFACT_DIR}, but Deployment "inference" uses other at ${ARTIFACT_DIR}`,
    ]);
  });

  it('reports a usesArtifacts service whose EnvSpec lacks ARTIFACT_DIR', () => {
    const problems = checkServiceManifests({ ...gateway, usesArtifacts: true }, fixture());
    expect(problems).toContain('gateway: uses the artifact store, but its EnvSpec does not declare ARTIFACT_DIR');
  });

  it('reports gateway upstream addresses that do not name the service and its default port', () => {
    const problems = checkServiceManifests(
      gateway,
      broken((services, kubernetes) => {
        at(services, 'gateway', 'environment')['PREPROCESSING_ADDR'] = 'preprocessing:50055';
        delete at(services, 'gateway', 'depends_on')['inference'];
        for (const entry of envOf(kubernetes, 'Deployment/gateway')) if (entry.name === 'INFERENCE_ADDR') entry.value = '127.0.0.1:50055';
      }),
    );
    expect(problems).toEqual([
      'docker-compose.yml: service "gateway" sets PREPROCESSING_ADDR=preprocessing:50055, which is not the preprocessing service on its default port (preprocessing:50052)',
      'docker-compose.yml: service "gateway" sets INFERENCE_ADDR but does not depend_on "inference"',
      'k8s/base/gateway.yaml: Deployment "gateway" sets INFERENCE_ADDR=127.0.0.1:50055, which is not the inference service on its default port (inference:50055)',
    ]);
  });

  it('reports a default port that disagrees with the ports the gateway addresses use', () => {
    const problems = checkServiceManifests({ ...inference, defaultPort: 50056 }, fixture());
    expect(problems[0]).toBe(
      'libs/testing/src/deployment-manifests.ts: PLATFORM_SERVICE_PORTS gives inference port 50055, but its default port is 50056',
    );
  });

  it('reports labels and a Service selector that do not match the pods', () => {
    const problems = checkServiceManifests(
      inference,
      broken((_services, kubernetes) => {
        at(kubernetes, 'Deployment/inference', 'spec', 'template', 'metadata')['labels'] = { 'app.kubernetes.io/name': 'inference' };
      }),
    );
    expect(problems).toEqual([
      'k8s/base/inference.yaml: Deployment "inference" spec.template.metadata.labels lacks app.kubernetes.io/part-of: aiaas',
      'k8s/base/inference.yaml: Service "inference" selector {"app.kubernetes.io/name":"inference","app.kubernetes.io/part-of":"aiaas"} does not select the pods of k8s/base/inference.yaml: Deployment "inference"',
    ]);
  });
});

describe('checkRedisManifests', () => {
  it('finds nothing wrong when both run Redis with AOF and noeviction', () => {
    expect(checkRedisManifests(fixture())).toEqual([]);
  });

  it('reports a missing or overridden flag, naming the file', () => {
    const problems = checkRedisManifests(
      broken((services, kubernetes) => {
        at(services, 'redis')['command'] = 'redis-server --appendonly yes --appendfsync everysec';
        container(kubernetes, 'StatefulSet/redis')['args'] = [...REDIS_ARGS, '--maxmemory-policy', 'allkeys-lru'];
      }),
    );
    expect(problems).toEqual([
      'docker-compose.yml: service "redis" does not pass --maxmemory-policy noeviction',
      'k8s/base/redis.yaml: StatefulSet "redis" passes --maxmemory-policy noeviction, allkeys-lru, not noeviction',
    ]);
  });

  it('reports Redis data that does not persist', () => {
    const problems = checkRedisManifests(
      broken((services, kubernetes) => {
        at(services, 'redis')['volumes'] = [];
        at(kubernetes, 'StatefulSet/redis', 'spec')['volumeClaimTemplates'] = [];
      }),
    );
    expect(problems).toEqual([
      'docker-compose.yml: service "redis" mounts no named volume at /data, so the AOF does not survive the container',
      'k8s/base/redis.yaml: StatefulSet "redis" mounts no persistent volume claim at /data, so the AOF does not survive the pod',
    ]);
  });
});

describe('loadDeploymentManifests', () => {
  it('loads docker-compose.yml and every file the checked kustomization takes in, through its bases', () => {
    const manifests = loadDeploymentManifests();
    expect(manifests.compose.file).toBe('docker-compose.yml');
    const listed = (directory: string, field: 'resources' | 'bases') =>
      ((parse(readFileSync(join(WORKSPACE_ROOT, directory, 'kustomization.yaml'), 'utf8')) as Record<string, string[] | undefined>)[field] ?? []).map((entry) => posix.normalize(posix.join(directory, entry)));
    const bases = listed(KUSTOMIZE_BASE, 'bases');
    expect(bases).toEqual(['k8s/base', 'k8s/redis']);
    const expected = [...listed(KUSTOMIZE_BASE, 'resources'), ...bases.flatMap((base) => listed(base, 'resources'))];
    expect([...new Set(manifests.kubernetes.map((document) => document.file))].sort()).toEqual(expected.sort());
  });

  it('applies YAML merge keys, as compose does, and reads nested kustomizations under resources or bases', () => {
    const root = mkdtempSync(join(tmpdir(), 'manifests-'));
    try {
      mkdirSync(join(root, KUSTOMIZE_BASE), { recursive: true });
      writeFileSync(join(root, 'docker-compose.yml'), 'x-base: &base\n  image: aiaas:local\nservices:\n  gateway:\n    <<: *base\n');
      writeFileSync(join(root, KUSTOMIZE_BASE, 'kustomization.yaml'), 'resources:\n  - nested\nbases:\n  - older\n');
      for (const [directory, kind] of [['nested', 'Service'], ['older', 'Deployment']]) {
        mkdirSync(join(root, KUSTOMIZE_BASE, directory!));
        writeFileSync(join(root, KUSTOMIZE_BASE, directory!, 'kustomization.yaml'), 'resources:\n  - a.yaml\n');
        writeFileSync(join(root, KUSTOMIZE_BASE, directory!, 'a.yaml'), `kind: ${kind}\n`);
      }
      const manifests = loadDeploymentManifests(root);
      expect(manifests.compose.content).toEqual({ 'x-base': { image: 'aiaas:local' }, services: { gateway: { image: 'aiaas:local' } } });
      expect(manifests.kubernetes).toEqual([
        { file: `${KUSTOMIZE_BASE}/nested/a.yaml`, content: { kind: 'Service' } },
        { file: `${KUSTOMIZE_BASE}/older/a.yaml`, content: { kind: 'Deployment' } },
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('names a listed resource that does not exist', () => {
    const root = mkdtempSync(join(tmpdir(), 'manifests-'));
    try {
      mkdirSync(join(root, KUSTOMIZE_BASE), { recursive: true });
      writeFileSync(join(root, 'docker-compose.yml'), 'services: {}\n');
      writeFileSync(join(root, KUSTOMIZE_BASE, 'kustomization.yaml'), 'resources:\n  - missing.yaml\n');
      expect(() => loadDeploymentManifests(root)).toThrow(`${KUSTOMIZE_BASE}/kustomization.yaml: resource missing.yaml does not exist (${KUSTOMIZE_BASE}/missing.yaml)`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
