// Lint, and the direction of dependencies: libs never import apps or simulators; simulators never
// import apps or the database; libs/election imports nothing of ours; no relative import climbs
// out of its own package (use the @shailoo/* aliases of tsconfig.json).
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const APPS = ['@shailoo/tally-server', '@shailoo/identification', '@shailoo/scenario-runner'];
const SIMULATORS = ['@shailoo/ballot-box', '@shailoo/identification-device', '@shailoo/modem', '@shailoo/station', '@shailoo/scenario'];
const SERVER_SIDE = ['@shailoo/persistence', '@shailoo/registry'];
const CLIMBING = { group: ['../../*'], message: 'a relative import must not climb out of its package: import it by its @shailoo/* name' };

/** The no-restricted-imports rule for a part of the tree. */
const boundary = (names, message, patterns = [CLIMBING]) => ({
  'no-restricted-imports': ['error', { paths: names.map((name) => ({ name, message })), patterns }],
});

module.exports = tseslint.config(
  { ignores: ['dist/**', '**/node_modules/**', 'coverage/**', '**/generated/**', '.shailoo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-namespace': 'off',
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // Another project's tests, in plain JavaScript: shailoo-sim only as the package it installed.
    files: ['test/fixture-consumer/**/*.js'],
    languageOptions: { globals: { jest: 'readonly', describe: 'readonly', it: 'readonly', expect: 'readonly', fetch: 'readonly' } },
    rules: boundary([], '', [{ group: ['../*', '@shailoo/*'], message: 'a consumer reaches shailoo-sim only as the installed package' }]),
  },
  { files: ['libs/**/*.ts'], rules: boundary([...APPS, ...SIMULATORS], 'libs never import apps or simulators') },
  {
    files: ['libs/election/**/*.ts'],
    rules: boundary([], '', [CLIMBING, { group: ['@shailoo/*'], message: 'libs/election is pure: it imports nothing of ours' }]),
  },
  {
    files: ['libs/election/**/*.spec.ts'],
    rules: boundary([], '', [
      CLIMBING,
      { group: ['@shailoo/*', '!@shailoo/platform'], message: 'libs/election is pure; its tests may draw from @shailoo/platform only' },
    ]),
  },
  { files: ['simulators/**/*.ts'], rules: boundary([...APPS, ...SERVER_SIDE], 'simulators speak to servers over the wire only: no apps, no database') },
  { files: ['apps/**/*.ts'], rules: boundary([], '') },
  { files: ['test/**/*.ts', 'bench/**/*.ts'], rules: boundary([], '', [{ group: ['../*'], message: 'import the project by its @shailoo/* names' }]) },
);
