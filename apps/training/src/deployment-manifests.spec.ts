import { QUEUE_NAMES, TASK_CONTRACTS } from '@aiaas/queue';
import { checkOverlayEnvironment, checkReadmeConfiguration, checkServiceManifests, KUSTOMIZE_OVERLAYS, scaledListNames } from '@aiaas/testing';
import { TRAINING_DEFAULT_PORT, trainingEnv } from './config';

// docker-compose.yml and k8s/base must run the training service the way its config.ts expects.
describe('training deployment manifests', () => {
  it('run the training service on its default port with only the variables its EnvSpec declares', () => {
    const problems = checkServiceManifests({
      service: 'training',
      variables: trainingEnv.variables,
      defaultPort: TRAINING_DEFAULT_PORT,
      usesArtifacts: true,
    });
    expect(problems).toEqual([]);
  });

  it('are documented in the README configuration table', () => {
    expect(checkReadmeConfiguration('training', trainingEnv.variables)).toEqual([]);
  });

  it.each(KUSTOMIZE_OVERLAYS)('set only declared variables in the %s overlay, as kubectl kustomize renders it', (overlay) => {
    expect(checkOverlayEnvironment(overlay, 'training', trainingEnv.variables)).toEqual([]);
  });

  it.each(['prod', 'gpu'] as const)('are scaled by KEDA on the wait list of every queue training consumes in the %s overlay', (overlay) => {
    expect(scaledListNames(overlay, 'training')).toEqual([QUEUE_NAMES.train, TASK_CONTRACTS.trainTrial.queue].map((queue) => `aiaas:${queue}:wait`));
  });
});
