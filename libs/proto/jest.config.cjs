/** @type {import('jest').Config} */
module.exports = {
  displayName: 'proto',
  preset: '../../jest.preset.cjs',
};
