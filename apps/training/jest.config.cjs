/** @type {import('jest').Config} */
module.exports = {
  displayName: 'training',
  preset: '../../jest.preset.cjs',
};
