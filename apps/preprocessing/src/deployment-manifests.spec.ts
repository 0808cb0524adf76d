import { QUEUE_NAMES, TASK_CONTRACTS } from '@aiaas/queue';
import { checkOverlayEnvironment, checkReadmeConfiguration, checkServiceManifests, KUSTOMIZE_OVERLAYS, scaledListNames } from '@aiaas/testing';
import { PREPROCESSING_DEFAULT_PORT, preprocessingEnv } from './config';

// docker-compose.yml and k8s/base must run the preprocessing service the way its config.ts expects.
describe('preprocessing deployment manifests', () => {
  it('run the preprocessing service on its default port with only the variables its EnvSpec declares', () => {
    const problems = checkServiceManifests({
      service: 'preprocessing',
      variables: preprocessingEnv.variables,
      defaultPort: PREPROCESSING_DEFAULT_PORT,
      usesArtifacts: true,
    });
    expect(problems).toEqual([]);
  });

  it('are documented in the README configuration table', () => {
    expect(checkReadmeConfiguration('preprocessing', preprocessingEnv.variables)).toEqual([]);
  });

  it.each(KUSTOMIZE_OVERLAYS)('set only declared variables in the %s overlay, as kubectl kustomize renders it', (overlay) => {
    expect(checkOverlayEnvironment(overlay, 'preprocessing', preprocessingEnv.variables)).toEqual([]);
  });

  it.each(['prod', 'gpu'] as const)('are scaled by KEDA on the wait list of every queue preprocessing consumes in the %s overlay', (overlay) => {
    expect(scaledListNames(overlay, 'preprocessing')).toEqual([QUEUE_NAMES.preprocess, TASK_CONTRACTS.preprocessShard.queue].map((queue) => `aiaas:${queue}:wait`));
  });
});
