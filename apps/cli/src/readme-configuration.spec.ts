import { checkReadmeConfiguration } from '@aiaas/testing';
import { cliEnv } from './config';

describe('the CLI environment', () => {
  it('is documented in the README configuration table', () => {
    expect(checkReadmeConfiguration('cli', cliEnv.variables)).toEqual([]);
  });
});
