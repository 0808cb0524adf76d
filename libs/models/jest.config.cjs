/** @type {import('jest').Config} */
module.exports = {
  displayName: 'models',
  preset: '../../jest.preset.cjs',
};
