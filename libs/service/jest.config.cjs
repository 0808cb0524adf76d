/** @type {import('jest').Config} */
module.exports = {
  displayName: 'service',
  preset: '../../jest.preset.cjs',
};
