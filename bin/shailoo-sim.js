#!/usr/bin/env node
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
if (!fs.existsSync(entry)) {
  console.error('shailoo-sim is not built yet: run `npm run build` (npm start does it for you).');
  process.exit(1);
}
require(entry).main();
