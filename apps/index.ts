/**
 * The package's main entry (`require('shailoo-sim')` / `import … from 'shailoo-sim'`): what a
 * program embeds. The simulated stations for another project's tests are `shailoo-sim/testing`.
 */
export { startTallyServer, tallySettings, TallyStack } from '@shailoo/tally-server';
export type { TallyCollaborators, TallyServerHandle, TallyServerOptions, TallySettings, TallyStackOptions } from '@shailoo/tally-server';
export { loadScenario, parseScenario, runScenario, shippedScenarios, RunTimeoutError } from '@shailoo/scenario-runner';
export type { RunReport, RunResult, Scenario } from '@shailoo/scenario-runner';
export { runLoadtest } from '@shailoo/loadtest';
export type { LoadtestOptions, LoadtestReport } from '@shailoo/loadtest';
export * from '@shailoo/contracts';
