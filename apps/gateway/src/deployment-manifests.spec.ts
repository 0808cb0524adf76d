import { checkOverlayEnvironment, checkReadmeConfiguration, checkRedisManifests, checkServiceManifests, KUSTOMIZE_OVERLAYS } from '@aiaas/testing';
import { GATEWAY_DEFAULT_PORT, gatewayEnv } from './config';

// docker-compose.yml and k8s/base must run the gateway the way its config.ts expects.
describe('gateway deployment manifests', () => {
  it('run the gateway on its default port with only the variables its EnvSpec declares', () => {
    const problems = checkServiceManifests({
      service: 'gateway',
      variables: gatewayEnv.variables,
      defaultPort: GATEWAY_DEFAULT_PORT,
      usesArtifacts: false,
      // The only published service; it reaches preprocessing and inference by service name.
      published: true,
      otherPorts: [gatewayEnv.parse({}).httpPort],
    });
    expect(problems).toEqual([]);
  });

  it('run Redis with AOF persistence and no eviction, as BullMQ requires', () => {
    expect(checkRedisManifests()).toEqual([]);
  });

  it('are documented in the README configuration table', () => {
    expect(checkReadmeConfiguration('gateway', gatewayEnv.variables)).toEqual([]);
  });

  it.each(KUSTOMIZE_OVERLAYS)('set only declared variables in the %s overlay, as kubectl kustomize renders it', (overlay) => {
    expect(checkOverlayEnvironment(overlay, 'gateway', gatewayEnv.variables)).toEqual([]);
  });
});
