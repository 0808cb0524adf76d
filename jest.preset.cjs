// Shared jest settings for every project. TypeScript is compiled by swc (no type check here;
// the `typecheck` target does that), and the "@aiaas/source" export condition makes
// `@aiaas/*` imports resolve to a library's sources, so tests never need a prior build.
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  testEnvironmentOptions: {
    customExportConditions: ['@aiaas/source', 'node', 'node-addons', 'require', 'default'],
  },
  reporters: ['default', path.join(__dirname, 'tools/jest/json-result-reporter.cjs')],
};
