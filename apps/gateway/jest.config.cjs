/** @type {import('jest').Config} */
module.exports = {
  displayName: 'gateway',
  preset: '../../jest.preset.cjs',
  // The dashboard's browser modules import each other as "./x.js", as the browser loads them.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};
