/** @type {import('jest').Config} */
module.exports = {
  displayName: 'launcher',
  preset: '../../jest.preset.cjs',
};
