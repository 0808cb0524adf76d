/** @type {import('jest').Config} */
module.exports = {
  displayName: 'inference',
  preset: '../../jest.preset.cjs',
  // onnxruntime-node's outputs are main-realm typed arrays (see the file).
  testEnvironment: '<rootDir>/../../libs/onnx/jest-environment.cjs',
};
