#!/usr/bin/env node
// Fails when the TypeScript files of apps/, libs/ and simulators/ import one another in a circle —
// relative imports and @shailoo/* aliases (resolved through tsconfig's paths), type-only imports
// included: a cycle of types is still a knot a reader must untie. Part of `npm run lint`.
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { dirname, join, normalize, relative } = require('node:path');

const root = join(__dirname, '..');
const aliases = Object.fromEntries(
  Object.entries(JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).compilerOptions.paths).map(([name, [target]]) => [name, join(root, target)]),
);

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'generated' ? [] : sources(path);
    return /\.ts$/.test(e.name) && !/\.(spec|d)\.ts$/.test(e.name) ? [path] : [];
  });
}

function resolve(from, spec) {
  const base = spec.startsWith('.') ? normalize(join(dirname(from), spec)) : aliases[spec];
  if (!base) return null;
  return [base, `${base}.ts`, join(base, 'index.ts')].find((p) => p.endsWith('.ts') && existsSync(p)) ?? null;
}

const files = ['apps', 'libs', 'simulators'].flatMap((d) => sources(join(root, d)));
const graph = new Map(
  files.map((f) => {
    const specs = [...readFileSync(f, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    return [f, specs.map((s) => resolve(f, s)).filter(Boolean)];
  }),
);

// Tarjan's strongly connected components: any of more than one file is a cycle.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const cycles = [];
function visit(v) {
  index.set(v, counter);
  low.set(v, counter++);
  stack.push(v);
  for (const w of graph.get(v) ?? []) {
    if (!index.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (stack.includes(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) !== index.get(v)) return;
  const component = [];
  for (let w; w !== v;) component.push((w = stack.pop()));
  if (component.length > 1) cycles.push(component.map((f) => relative(root, f)).sort());
}
for (const f of files) if (!index.has(f)) visit(f);

for (const c of cycles) console.error(`import cycle: ${c.join(' → ')}`);
if (cycles.length) process.exit(1);
console.log(`import-cycles: ${files.length} files, no cycle`);
