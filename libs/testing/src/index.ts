/**
 * Helpers for tests only: a real Redis shared safely between test files (unique key prefixes),
 * and checks that deployment manifests agree with the code.
 *
 * @example
 * ```ts
 * import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '@aiaas/testing';
 * const prefix = uniquePrefix('registry');
 * afterAll(() => deleteKeysWithPrefix(redis, prefix));
 * ```
 */
export { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from './test-redis';
export { createTestStageContext } from './test-stage-context';
export type { RecordedReports } from './test-stage-context';
