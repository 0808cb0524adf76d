/** @type {import('jest').Config} */
module.exports = {
  displayName: 'onnx',
  preset: '../../jest.preset.cjs',
  // onnxruntime-node's outputs are main-realm typed arrays: see jest-environment.cjs.
  testEnvironment: '<rootDir>/jest-environment.cjs',
};
