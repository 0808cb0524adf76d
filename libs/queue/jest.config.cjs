/** @type {import('jest').Config} */
module.exports = {
  displayName: 'queue',
  preset: '../../jest.preset.cjs',
};
