import { QUEUE_NAMES } from '@aiaas/queue';
import { checkOverlayEnvironment, checkReadmeConfiguration, checkServiceManifests, KUSTOMIZE_OVERLAYS, scaledListNames } from '@aiaas/testing';
import { EVALUATION_DEFAULT_PORT, evaluationEnv } from './config';

// docker-compose.yml and k8s/base must run the evaluation service the way its config.ts expects.
describe('evaluation deployment manifests', () => {
  it('run the evaluation service on its default port with only the variables its EnvSpec declares', () => {
    const problems = checkServiceManifests({
      service: 'evaluation',
      variables: evaluationEnv.variables,
      defaultPort: EVALUATION_DEFAULT_PORT,
      usesArtifacts: true,
    });
    expect(problems).toEqual([]);
  });

  it('are documented in the README configuration table', () => {
    expect(checkReadmeConfiguration('evaluation', evaluationEnv.variables)).toEqual([]);
  });

  it.each(KUSTOMIZE_OVERLAYS)('set only declared variables in the %s overlay, as kubectl kustomize renders it', (overlay) => {
    expect(checkOverlayEnvironment(overlay, 'evaluation', evaluationEnv.variables)).toEqual([]);
  });

  it.each(['prod', 'gpu'] as const)('are scaled by KEDA on the wait list of every queue evaluation consumes in the %s overlay', (overlay) => {
    expect(scaledListNames(overlay, 'evaluation')).toEqual([QUEUE_NAMES.evaluate].map((queue) => `aiaas:${queue}:wait`));
  });
});
