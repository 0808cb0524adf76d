import { KUSTOMIZE_OVERLAYS, renderOverlay, type KustomizeOverlay } from './kustomize';

// What every overlay must hold once kubectl kustomize has rendered it: the invariants of issue
// 8's Kubernetes section, checked on the output a cluster would get.

const SERVICES = ['gateway', 'preprocessing', 'training', 'evaluation', 'inference'] as const;
type Service = (typeof SERVICES)[number];
const WORKERS = ['preprocessing', 'training', 'evaluation'] as const;

interface Container {
  readonly name: string;
  readonly image: string;
  readonly env?: { readonly name: string; readonly value?: string; readonly valueFrom?: unknown }[];
  readonly resources?: { readonly requests?: Record<string, unknown>; readonly limits?: Record<string, unknown> };
  readonly securityContext?: { readonly readOnlyRootFilesystem?: boolean; readonly allowPrivilegeEscalation?: boolean; readonly capabilities?: { readonly drop?: string[] } };
  readonly readinessProbe?: { readonly grpc?: unknown };
  readonly livenessProbe?: { readonly grpc?: unknown };
  readonly startupProbe?: { readonly grpc?: unknown };
}
interface PodSpec {
  readonly containers: Container[];
  readonly securityContext?: { readonly runAsNonRoot?: boolean };
  readonly nodeSelector?: Record<string, string>;
  readonly tolerations?: { readonly key?: string; readonly effect?: string }[];
}
interface Resource {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels?: Record<string, string> };
  readonly spec?: Record<string, unknown>;
}

const resources = (overlay: KustomizeOverlay) => renderOverlay(overlay).map((document) => document.content as Resource);
const ofKind = (overlay: KustomizeOverlay, kind: string) => resources(overlay).filter((resource) => resource.kind === kind);
const named = (overlay: KustomizeOverlay, kind: string, name: string) => ofKind(overlay, kind).find((resource) => resource.metadata.name === name);
const podSpec = (deployment: Resource) => (deployment.spec as { template: { spec: PodSpec } }).template.spec;
const container = (overlay: KustomizeOverlay, service: Service) => podSpec(named(overlay, 'Deployment', service)!).containers.find((each) => each.name === service)!;
const podLabels = (service: string) => ({ 'app.kubernetes.io/name': service, 'app.kubernetes.io/part-of': 'aiaas' });
const NAMESPACE: Readonly<Record<KustomizeOverlay, string>> = { 'shared-volume': 'aiaas', dev: 'aiaas-dev', prod: 'aiaas', gpu: 'aiaas' };
/** The overlays that keep artifacts in S3 or MinIO (shared-volume keeps them on a ReadWriteMany volume). */
const OBJECT_STORE_OVERLAYS = ['dev', 'prod', 'gpu'] as const;

describe.each(KUSTOMIZE_OVERLAYS)('the %s overlay', (overlay) => {
  it('renders only whole resources (an old kustomize leaves the husk of a deleted one)', () => {
    const partial = resources(overlay).filter((resource) => !resource.apiVersion || !resource.kind || !resource.metadata?.name);
    expect(partial).toEqual([]);
  });

  it('puts everything in its namespace', () => {
    const outside = resources(overlay).filter((resource) => resource.kind !== 'Namespace' && resource.metadata.namespace !== NAMESPACE[overlay]);
    expect(outside.map((resource) => `${resource.kind}/${resource.metadata.name}`)).toEqual([]);
  });

  it.each(SERVICES)('runs %s with gRPC startup, readiness and liveness probes, resources, and no root or writable root filesystem', (service) => {
    const deployment = named(overlay, 'Deployment', service);
    expect(deployment).toBeDefined();
    const main = container(overlay, service);
    expect([main.startupProbe?.grpc, main.readinessProbe?.grpc, main.livenessProbe?.grpc].every(Boolean)).toBe(true);
    for (const bound of ['requests', 'limits'] as const) expect([bound, main.resources?.[bound]?.['cpu'] !== undefined, main.resources?.[bound]?.['memory'] !== undefined]).toEqual([bound, true, true]);
    expect(podSpec(deployment!).securityContext?.runAsNonRoot).toBe(true);
    expect(main.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
  });

  it('takes the settings every service shares from the aiaas-config ConfigMap', () => {
    const config = named(overlay, 'ConfigMap', 'aiaas-config') as (Resource & { data?: Record<string, string> }) | undefined;
    expect(config?.data).toEqual({ 'log-level': 'info' });
    for (const service of SERVICES) {
      expect([service, container(overlay, service).env?.find((entry) => entry.name === 'LOG_LEVEL')?.valueFrom]).toEqual([service, { configMapKeyRef: { name: 'aiaas-config', key: 'log-level' } }]);
    }
  });

  it.each(SERVICES)('keeps a disruption budget for %s', (service) => {
    const budget = named(overlay, 'PodDisruptionBudget', service);
    expect((budget?.spec as { selector?: unknown } | undefined)?.selector).toEqual({ matchLabels: podLabels(service) });
    expect((budget?.spec as { maxUnavailable?: number }).maxUnavailable).toBe(1);
  });

  it('lets only the gateway be reached from outside; the workers only from the gateway; metrics only from monitoring', () => {
    const policies = ofKind(overlay, 'NetworkPolicy').map((policy) => ({ name: policy.metadata.name, spec: policy.spec as { podSelector: { matchLabels?: Record<string, string> }; policyTypes: string[]; ingress?: { from?: unknown[]; ports?: { port: number }[] }[] } }));
    const denyAll = policies.find((policy) => policy.name === 'aiaas-default-deny');
    expect(denyAll?.spec).toEqual({ podSelector: { matchLabels: { 'app.kubernetes.io/part-of': 'aiaas' } }, policyTypes: ['Ingress', 'Egress'] });
    // Rules without `from` admit any source: only the gateway's may have one.
    const openToAll = policies.filter((policy) => (policy.spec.ingress ?? []).some((rule) => rule.from === undefined));
    expect(openToAll.map((policy) => [policy.name, policy.spec.podSelector.matchLabels, policy.spec.ingress!.flatMap((rule) => rule.ports!.map((port) => port.port))])).toEqual([
      ['gateway', podLabels('gateway'), [50051, 8080]],
    ]);
    const workers = policies.find((policy) => policy.name === 'workers')!;
    expect(workers.spec.ingress).toEqual([expect.objectContaining({ from: [{ podSelector: { matchLabels: podLabels('gateway') } }] })]);
    const metrics = policies.find((policy) => policy.name === 'aiaas-metrics')!;
    expect(metrics.spec.ingress).toEqual([{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ protocol: 'TCP', port: 9464 }] }]);
  });
});

const ARTIFACT_USERS = ['preprocessing', 'training', 'evaluation', 'inference'] as const;

describe.each(OBJECT_STORE_OVERLAYS)('artifacts in the %s overlay', (overlay) => {
  it('live in S3 or MinIO, named by the aiaas-s3 Secret, with no shared volume left', () => {
    expect(named(overlay, 'PersistentVolumeClaim', 'artifacts')).toBeUndefined();
    for (const service of ARTIFACT_USERS) {
      const main = container(overlay, service);
      const env = new Map((main.env ?? []).map((entry) => [entry.name, entry]));
      expect([service, env.get('ARTIFACT_STORE')?.value, env.get('S3_BUCKET')?.valueFrom, env.has('ARTIFACT_DIR')]).toEqual([service, 's3', { secretKeyRef: { name: 'aiaas-s3', key: 'bucket' } }, false]);
      const mounts = (main as { volumeMounts?: { mountPath: string }[] }).volumeMounts ?? [];
      expect([service, mounts.map((mount) => mount.mountPath).filter((path) => path.includes('artifacts'))]).toEqual([service, []]);
      // Every directory a service is told to use is one it has.
      const importDir = env.get('PREPROCESSING_IMPORT_DIR')?.value;
      if (importDir) expect(mounts.map((mount) => mount.mountPath)).toContain(importDir);
    }
  });

  it('are reachable by the artifact users, and only by them, through the network policies', () => {
    const egress = named(overlay, 'NetworkPolicy', 'artifact-store-egress')?.spec as { podSelector: unknown; egress: { ports: { port: number }[] }[] } | undefined;
    expect(egress?.podSelector).toEqual({ matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: [...ARTIFACT_USERS] }] });
    expect(egress?.egress.flatMap((rule) => rule.ports.map((port) => port.port))).toEqual(overlay === 'dev' ? [9000] : [443, 80]);
  });
});

describe('the shared-volume overlay', () => {
  it('runs Redis and keeps every artifact user on the one ReadWriteMany claim', () => {
    expect(named('shared-volume', 'StatefulSet', 'redis')).toBeDefined();
    expect((named('shared-volume', 'PersistentVolumeClaim', 'artifacts')?.spec as { accessModes?: string[] }).accessModes).toEqual(['ReadWriteMany']);
    for (const service of ARTIFACT_USERS) {
      expect([service, podSpec(named('shared-volume', 'Deployment', service)!)]).toEqual([service, expect.objectContaining({ volumes: expect.arrayContaining([{ name: 'artifacts', persistentVolumeClaim: { claimName: 'artifacts' } }]) })]);
    }
  });
});

describe('the dev overlay', () => {
  it('runs MinIO for the artifacts, open to the artifact users only', () => {
    const minio = named('dev', 'StatefulSet', 'minio');
    const main = podSpec(minio!).containers[0]!;
    expect(main.env?.map((entry) => [entry.name, entry.valueFrom ?? entry.value])).toEqual([
      ['HOME', '/tmp'],
      ['MINIO_ROOT_USER', { secretKeyRef: { name: 'aiaas-s3', key: 'access-key-id' } }],
      ['MINIO_ROOT_PASSWORD', { secretKeyRef: { name: 'aiaas-s3', key: 'secret-access-key' } }],
    ]);
    expect(podSpec(minio!).securityContext?.runAsNonRoot).toBe(true);
    // Read-only root: MinIO writes only its data and, under HOME, its config.
    expect(main.securityContext?.readOnlyRootFilesystem).toBe(true);
    expect(((main as { volumeMounts?: { mountPath: string }[] }).volumeMounts ?? []).map((mount) => mount.mountPath).sort()).toEqual(['/data', '/tmp']);
    expect((named('dev', 'Service', 'minio')!.spec as { ports: { port: number }[] }).ports.map((port) => port.port)).toEqual([9000]);
    const ingress = (named('dev', 'NetworkPolicy', 'minio')!.spec as { ingress: { from: unknown[] }[] }).ingress;
    expect(ingress).toEqual([expect.objectContaining({ from: [{ podSelector: { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: [...ARTIFACT_USERS] }] } }] })]);
  });

  it('runs its own Redis, and one replica of each service', () => {
    expect(named('dev', 'StatefulSet', 'redis')).toBeDefined();
    for (const service of SERVICES) expect((named('dev', 'Deployment', service)!.spec as { replicas: number }).replicas).toBe(1);
    expect(ofKind('dev', 'HorizontalPodAutoscaler')).toEqual([]);
  });
});

describe.each(['prod', 'gpu'] as const)('the %s overlay', (overlay) => {
  it('points every service at the managed Redis, with no Redis of its own', () => {
    expect(named(overlay, 'StatefulSet', 'redis')).toBeUndefined();
    for (const service of SERVICES) {
      expect([service, container(overlay, service).env?.find((entry) => entry.name === 'REDIS_URL')]).toEqual([service, { name: 'REDIS_URL', valueFrom: { secretKeyRef: { name: 'aiaas-redis', key: 'url' } } }]);
    }
  });

  it('autoscales the gateway and inference on CPU, from two replicas', () => {
    const autoscalers = ofKind(overlay, 'HorizontalPodAutoscaler').map((hpa) => hpa.spec as { scaleTargetRef: { kind: string; name: string }; minReplicas: number; metrics: { resource: { name: string } }[] });
    expect(autoscalers.map((hpa) => [hpa.scaleTargetRef.kind, hpa.scaleTargetRef.name, hpa.minReplicas, hpa.metrics.map((metric) => metric.resource.name)]).sort()).toEqual([
      ['Deployment', 'gateway', 2, ['cpu']],
      ['Deployment', 'inference', 2, ['cpu']],
    ]);
  });

  // Which lists: each worker app's manifest spec checks them against the queues it consumes.
  it('scales each worker with KEDA on BullMQ wait lists, from one replica', () => {
    const scaled = ofKind(overlay, 'ScaledObject').map((object) => object.spec as { scaleTargetRef: { name: string }; minReplicaCount: number; triggers: { type: string; metadata: { listName: string } }[] });
    expect(scaled.map((object) => object.scaleTargetRef.name).sort()).toEqual([...WORKERS].sort());
    for (const object of scaled) {
      expect([object.scaleTargetRef.name, object.minReplicaCount >= 1, object.triggers.every((trigger) => trigger.type === 'redis' && /^aiaas:[\w-]+:wait$/.test(trigger.metadata.listName))]).toEqual([object.scaleTargetRef.name, true, true]);
    }
    // KEDA makes its own autoscalers for these: an HPA of ours beside one would fight it.
    const autoscaled = ofKind(overlay, 'HorizontalPodAutoscaler').map((hpa) => (hpa.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name);
    expect(autoscaled.filter((name) => (WORKERS as readonly string[]).includes(name))).toEqual([]);
    // Scaling down waits and goes one pod at a time: the wait list is empty while jobs run.
    for (const object of ofKind(overlay, 'ScaledObject')) {
      const scaleDown = (object.spec as { advanced?: { horizontalPodAutoscalerConfig?: { behavior?: { scaleDown?: { stabilizationWindowSeconds?: number; policies?: { type: string; value: number }[] } } } } }).advanced?.horizontalPodAutoscalerConfig?.behavior?.scaleDown;
      expect([object.metadata.name, (scaleDown?.stabilizationWindowSeconds ?? 0) >= 600, scaleDown?.policies]).toEqual([object.metadata.name, true, [expect.objectContaining({ type: 'Pods', value: 1 })]]);
    }
  });
});

describe('the gpu overlay', () => {
  it('runs training and inference on GPU nodes with a GPU each, the CUDA image and the native backend', () => {
    for (const service of ['training', 'inference'] as const) {
      const spec = podSpec(named('gpu', 'Deployment', service)!);
      const main = container('gpu', service);
      expect(main.resources?.limits?.['nvidia.com/gpu']).toBe(1);
      expect(main.image).toMatch(/aiaas-gpu:/);
      expect(main.env).toEqual(expect.arrayContaining([{ name: 'TFJS_BACKEND', value: 'tensorflow' }]));
      expect(spec.nodeSelector).toEqual({ 'nvidia.com/gpu.present': 'true' });
      expect(spec.tolerations).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'nvidia.com/gpu', effect: 'NoSchedule' })]));
    }
    for (const service of ['gateway', 'preprocessing', 'evaluation'] as const) {
      expect([service, container('gpu', service).resources?.limits?.['nvidia.com/gpu']]).toEqual([service, undefined]);
      expect(container('gpu', service).image).not.toMatch(/gpu/);
    }
  });
});
