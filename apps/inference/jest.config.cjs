/** @type {import('jest').Config} */
module.exports = {
  displayName: 'inference',
  preset: '../../jest.preset.cjs',
};
