/** @type {import('jest').Config} */
module.exports = {
  displayName: 'preprocessing',
  preset: '../../jest.preset.cjs',
};
