/** @type {import('jest').Config} */
module.exports = {
  displayName: 'tensor',
  preset: '../../jest.preset.cjs',
};
