/** @type {import('jest').Config} */
module.exports = {
  displayName: 'model-spec',
  preset: '../../jest.preset.cjs',
};
