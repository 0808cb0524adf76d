/** @type {import('jest').Config} */
module.exports = {
  displayName: 'datasets',
  preset: '../../jest.preset.cjs',
};
