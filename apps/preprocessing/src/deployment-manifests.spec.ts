import { checkReadmeConfiguration, checkServiceManifests } from '@aiaas/testing';
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
});
