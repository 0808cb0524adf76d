/** @type {import('jest').Config} */
module.exports = {
  displayName: 'platform-e2e',
  preset: '../../jest.preset.cjs',
  // Starts five real service processes and trains real models.
  testTimeout: 180_000,
  // onnxruntime-node's outputs are main-realm typed arrays (see the file).
  testEnvironment: '<rootDir>/../../libs/onnx/jest-environment.cjs',
};
