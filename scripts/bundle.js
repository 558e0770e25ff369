#!/usr/bin/env node
// The build's bundles, made once so that nothing at run time needs esbuild or the Prisma client's
// package (both are devDependencies):
// - the live page (apps/live-page/src) → dist/apps/live-page/{main.js,index.html,style.css};
// - the store (libs/persistence) with the Prisma client it generated, that client's runtime and
//   the driver adapters → one CommonJS file in place of what tsc compiled
//   (dist/libs/persistence/src/index.js).
const { build } = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');

async function livePage() {
  const src = path.join(root, 'apps', 'live-page', 'src');
  const out = path.join(root, 'dist', 'apps', 'live-page');
  fs.mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [path.join(src, 'main.ts')],
    bundle: true,
    outfile: path.join(out, 'main.js'),
    format: 'iife',
    target: 'es2020',
    minify: true,
    logLevel: 'warning',
  });
  for (const f of ['index.html', 'style.css']) fs.copyFileSync(path.join(src, f), path.join(out, f));
}

/** What the store bundles: the Prisma client's runtime and the driver adapters (devDependencies), nothing else. */
const BUNDLED = /^(@prisma\/|pglite-prisma-adapter$|postgres-array$)/;

async function persistence() {
  const lib = path.join(root, 'dist', 'libs', 'persistence', 'src');
  const entry = path.join(lib, 'index.js');
  const bundled = path.join(lib, 'index.bundle.js');
  // Bundled from tsc's output, so Nest's decorator metadata is kept; the rest of the project and
  // every other package stay outside (one copy of each at run time).
  const keepOutside = {
    name: 'keep-outside',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (args.path.startsWith('.')) {
          const target = path.resolve(args.resolveDir, args.path);
          if (target.startsWith(lib) || !args.resolveDir.startsWith(lib)) return undefined;
          // The rest of the project (tsc-alias made @shailoo/* relative to the importing file): relative to the bundle now.
          const fromBundle = path.relative(lib, target);
          return { path: fromBundle.startsWith('.') ? fromBundle : `./${fromBundle}`, external: true };
        }
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
        return BUNDLED.test(name) ? undefined : { path: args.path, external: true };
      });
    },
  };
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    outfile: bundled,
    plugins: [keepOutside],
    logLevel: 'warning',
  });
  fs.renameSync(bundled, entry);
  // The generated client now lives in the bundle. Its declarations would need the Prisma client's
  // package to type-check, which a user does not install: the store's own declarations name only
  // PrismaClient, kept opaque (nobody outside the store reaches into it).
  const generated = path.join(lib, 'generated');
  fs.rmSync(generated, { recursive: true, force: true });
  fs.mkdirSync(generated);
  const opaque =
    "/** The store's Prisma client, bundled into the store (scripts/bundle.js); opaque outside it. */\nexport declare class PrismaClient {\n  private readonly bundled;\n}\n";
  fs.writeFileSync(path.join(generated, 'client.d.ts'), opaque);
}

/** The protobuf contract's declarations (pbts wrote them beside its JavaScript; tsc does not copy a .d.ts). */
function contractTypes() {
  const generated = ['libs', 'contracts', 'src', 'generated', 'shailoo.d.ts'];
  fs.copyFileSync(path.join(root, ...generated), path.join(root, 'dist', ...generated));
}

contractTypes();
Promise.all([livePage(), persistence()]).catch((err) => {
  console.error(err);
  process.exit(1);
});
