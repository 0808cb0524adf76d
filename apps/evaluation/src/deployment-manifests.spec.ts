import { checkReadmeConfiguration, checkServiceManifests } from '@aiaas/testing';
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
});
