import { artifactEnv, computeEnv, defineEnv, integer, jobRecoveryEnv, redisEnv, serviceEnv } from '@aiaas/config';

/** Default gRPC port of the training service. */
export const TRAINING_DEFAULT_PORT = 50053;

/** Environment of the training service. */
export const trainingEnv = defineEnv({
  ...serviceEnv(TRAINING_DEFAULT_PORT),
  ...redisEnv(),
  ...artifactEnv(),
  ...computeEnv(),
  ...jobRecoveryEnv(),
  workerConcurrency: integer({
    env: 'WORKER_CONCURRENCY',
    doc: 'Training jobs this replica runs at once; they share its CPU, so more replicas scale better than more concurrency.',
    default: 1,
    min: 1,
    max: 16,
  }),
  tenantTrialLimit: integer({
    env: 'TUNING_TRIALS_PER_TENANT',
    doc: 'Hyper-parameter search trials one tenant may run at once across all training replicas; more wait in the queue.',
    default: 4,
    min: 1,
    max: 1_000,
  }),
  trialConcurrency: integer({
    env: 'TRAINING_TRIAL_CONCURRENCY',
    doc: 'Hyper-parameter search trials this replica trains at once (beside its pipeline jobs).',
    default: 1,
    min: 1,
    max: 16,
  }),
});
