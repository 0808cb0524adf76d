/**
 * Test helpers for code built on the registry: valid records to store or to feed a processor.
 *
 * @example
 * ```ts
 * import { modelVersionFixture } from '@aiaas/registry/testing';
 * await registry.models.registerVersion(modelVersionFixture({ version: 2, jobId: 'job_b' }));
 * ```
 */
export { modelVersionFixture } from './model-version-fixture';
