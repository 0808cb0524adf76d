/** @type {import('jest').Config} */
module.exports = {
  displayName: 'evaluation',
  preset: '../../jest.preset.cjs',
};
