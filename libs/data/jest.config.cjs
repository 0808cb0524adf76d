/** @type {import('jest').Config} */
module.exports = {
  displayName: 'data',
  preset: '../../jest.preset.cjs',
};
