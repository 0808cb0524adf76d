/** @type {import('jest').Config} */
module.exports = {
  displayName: 'metrics',
  preset: '../../jest.preset.cjs',
};
