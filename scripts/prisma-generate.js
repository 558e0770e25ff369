#!/usr/bin/env node
// Generates the Prisma client. `prisma generate` does not use the schema engine, but the CLI
// insists on downloading it first; where that download is impossible (no route to Prisma's
// binary server) and no engine is installed, any executable stands in for it.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const enginesDir = path.dirname(require.resolve('@prisma/engines/package.json'));
const hasEngine = fs.readdirSync(enginesDir).some((f) => f.startsWith('schema-engine'));
const env = { ...process.env };
if (!hasEngine && !env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;

const cli = require.resolve('prisma/build/index.js');
const run = spawnSync(process.execPath, [cli, 'generate'], { stdio: 'inherit', env });
process.exit(run.status ?? 1);
