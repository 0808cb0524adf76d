import { checkOverlayEnvironment, checkReadmeConfiguration, checkServiceManifests, KUSTOMIZE_OVERLAYS } from '@aiaas/testing';
import { INFERENCE_DEFAULT_PORT, inferenceEnv } from './config';

// docker-compose.yml and k8s/base must run the inference service the way its config.ts expects.
describe('inference deployment manifests', () => {
  it('run the inference service on its default port with only the variables its EnvSpec declares', () => {
    const problems = checkServiceManifests({
      service: 'inference',
      variables: inferenceEnv.variables,
      defaultPort: INFERENCE_DEFAULT_PORT,
      usesArtifacts: true,
    });
    expect(problems).toEqual([]);
  });

  it('are documented in the README configuration table', () => {
    expect(checkReadmeConfiguration('inference', inferenceEnv.variables)).toEqual([]);
  });

  it.each(KUSTOMIZE_OVERLAYS)('set only declared variables in the %s overlay, as kubectl kustomize renders it', (overlay) => {
    expect(checkOverlayEnvironment(overlay, 'inference', inferenceEnv.variables)).toEqual([]);
  });
});
