import { Injectable, OnModuleInit } from '@nestjs/common';
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The live page's sources (apps/live-page/src), found from here in the source tree, the build and an installed package alike. */
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

async function buildPage(): Promise<PageFiles> {
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
 * The trainers' live page, bundled from the project's own sources with esbuild (about a tenth of
 * a second, once per process; nothing from a CDN), served at `/`.
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
