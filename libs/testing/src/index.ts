/**
 * Helpers for tests only: a real Redis shared safely between test files (unique key prefixes),
 * and checks that deployment manifests agree with the code.
 *
 * @example
 * ```ts
 * import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
 * const prefix = uniquePrefix('registry');
 * afterAll(() => deleteKeysWithPrefix(redis, prefix));
 * ```
 */
export { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from './test-redis';
export {
  checkRedisManifests,
  checkServiceManifests,
  COMPOSE_FILE,
  KUSTOMIZE_BASE,
  loadComposeManifest,
  loadDeploymentManifests,
  loadKubernetesManifests,
  WORKSPACE_ROOT,
} from './deployment-manifests';
export type { DeploymentManifests, ManifestDocument, ServiceManifestExpectations } from './deployment-manifests';
export { checkReadmeConfiguration } from './readme-configuration';
export { checkOverlayEnvironment, KUSTOMIZE_OVERLAYS, renderOverlay, scaledListNames } from './kustomize';
export type { KustomizeOverlay } from './kustomize';
