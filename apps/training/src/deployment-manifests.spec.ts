import { checkReadmeConfiguration, checkServiceManifests } from '@aiaas/testing';
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
});
