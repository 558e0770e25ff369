/**
 * Three tiers. Unit: beside the code, no I/O (`*.spec.ts`). Medium: beside the code, but they open
 * sockets, start a broker or write files (`*.medium.spec.ts`). Integration: under test/, across
 * processes on real brokers, databases and browsers. Imports resolve through tsconfig's @shailoo/* paths.
 */
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
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,simulators}/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.medium\\.spec\\.ts$'],
    },
    { ...common, displayName: 'medium', testMatch: ['<rootDir>/{apps,libs,simulators}/**/*.medium.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/', '/fixture-consumer/'] },
  ],
};
