/** Unit tests live beside the code; integration tests under test/. Imports resolve through tsconfig's @shailoo/* paths. */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': 'ts-jest' },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,simulators}/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/', '/fixture-consumer/'] },
    // Another project's tests: plain JavaScript that reaches shailoo-sim only as an installed package.
    { displayName: 'consumer', testEnvironment: 'node', rootDir: '<rootDir>/test/fixture-consumer', testMatch: ['<rootDir>/*.test.js'] },
  ],
};
