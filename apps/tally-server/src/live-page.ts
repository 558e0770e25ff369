import { Injectable, OnModuleInit } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The live page's sources (apps/live-page/src), found from here when running from the source tree. */
function pageSources(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'live-page', 'src');
    if (existsSync(join(candidate, 'main.ts'))) return candidate;
  }
  throw new Error(`the live page's sources (apps/live-page/src) are not above ${__dirname}`);
}

interface PageFiles {
  html: string;
  css: string;
  js: string;
}

/** Built once per process: every server a process starts (tests, a run's restarts) serves the same files. */
let built: Promise<PageFiles> | null = null;

/** The page as the build bundled it (scripts/bundle.js: dist/apps/live-page), beside this file's compiled place; null when running from sources. */
function bundledPage(): PageFiles | null {
  const dir = join(__dirname, '..', '..', 'live-page');
  if (!existsSync(join(dir, 'main.js'))) return null;
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  return { js: read('main.js'), html: read('index.html'), css: read('style.css') };
}

async function buildPage(): Promise<PageFiles> {
  const bundled = bundledPage();
  if (bundled) return bundled;
  // From sources (tests, ts-node) only: esbuild is a devDependency.
  const { build } = await import('esbuild');
  const src = pageSources();
  const bundle = await build({
    entryPoints: [join(src, 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    minify: true,
    logLevel: 'silent',
  });
  return { js: bundle.outputFiles[0].text, html: readFileSync(join(src, 'index.html'), 'utf8'), css: readFileSync(join(src, 'style.css'), 'utf8') };
}

/**
 * The trainers' live page, served at `/`: bundled by the build, or from the project's own sources
 * with esbuild when running from them (about a tenth of a second, once per process); nothing from a CDN.
 */
@Injectable()
export class LivePage implements OnModuleInit {
  html = '';
  css = '';
  js = '';

  async onModuleInit(): Promise<void> {
    built ??= buildPage();
    Object.assign(this, await built);
  }
}
