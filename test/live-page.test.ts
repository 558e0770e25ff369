import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { runDemo } from '@shailoo/scenario-runner';

jest.setTimeout(180_000);

// .ci/run installs Debian's chromium; elsewhere point CHROMIUM_PATH at one, or these tests are skipped.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI) throw new Error(`CI must install chromium (${CHROMIUM}) for the live page's browser tests`);

/** Screenshots for a person to look at: test-artifacts/ (not in git). */
const ARTIFACTS = join(__dirname, '..', 'test-artifacts');

(hasChromium ? describe : describe.skip)('the live page in a real browser (Debian chromium, Playwright)', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(() => browser?.close());

  it('watches the Kaiyndy demo day to its end: seats shown = seats published, in Kyrgyz, Russian and English', async () => {
    let page: Page | null = null;
    const errors: string[] = [];
    let opened: Promise<void> = Promise.resolve();
    const demo = runDemo({
      council: 'Кайыңды',
      seed: 'kaiyndy-2021',
      httpPort: 0,
      // The day in about 20 s: slow enough to watch it happen.
      speed: 2_500,
      onServing: (url) => {
        opened = (async () => {
          page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
          page.on('pageerror', (e) => errors.push(e.message));
          await page.goto(`${url}/?lang=ky`);
          await page.waitForSelector('body[data-ready=true]', { timeout: 10_000 });
        })();
      },
    });
    const run = await demo;
    await opened;
    const p = page!;
    try {
      const id = run.results.electionId;
      const published = (await (await fetch(`${run.server.httpUrl}/api/elections/${id}/seats`)).json()) as { provisional: { seats: Record<string, number> } };
      expect(Object.values(published.provisional.seats).sort()).toEqual([2, 2, 4, 4, 9]);
      // The page caught up with the end of the day over its event stream.
      await p.waitForFunction(() => document.querySelector('[data-total-seats]')?.getAttribute('data-total-seats') === '21', undefined, { timeout: 15_000 });
      const shown = await p.$$eval('#allocation tr[data-party]', (rows) =>
        Object.fromEntries(rows.map((r) => [r.getAttribute('data-party'), Number(r.querySelector('[data-seats]')!.getAttribute('data-seats'))])),
      );
      expect(shown).toEqual(Object.fromEntries(Object.entries(published.provisional.seats).filter(([, n]) => n > 0)));
      expect(await p.textContent('#title')).toBe('Шайлоо күнү — түз көрсөтүү');
      // Every station reported: its square says so.
      await p.waitForFunction(() => document.querySelectorAll('#board .cell.protocol, #board .cell.box').length === 4, undefined, { timeout: 10_000 });
      expect(await p.locator('#ticker li').count()).toBeGreaterThan(8);
      await p.screenshot({ path: join(ARTIFACTS, 'live-page-ky.png'), fullPage: true });

      await p.click('#lang-ru');
      expect(await p.textContent('#title')).toBe('День выборов — в прямом эфире');
      expect(new URL(p.url()).searchParams.get('lang')).toBe('ru');
      await p.screenshot({ path: join(ARTIFACTS, 'live-page-ru.png'), fullPage: true });
      await p.click('#lang-en');
      expect(await p.textContent('#title')).toBe('Election day — live');
      // Drill down: the region, then a station's devices.
      await p.click('[data-region="chui"]');
      await p.click('#board .cell >> nth=0');
      await p.waitForSelector('#detail:not([hidden]) li');
      expect(await p.textContent('#detail')).toMatch(/Ballot box \(АЭУ\) aeu-/);
      await p.screenshot({ path: join(ARTIFACTS, 'live-page-en.png'), fullPage: true });
      // A phone's width.
      await p.setViewportSize({ width: 390, height: 844 });
      await p.screenshot({ path: join(ARTIFACTS, 'live-page-phone.png'), fullPage: true });

      const stats = await p.evaluate(() => (window as any).shailooLive as { readyMs: number; latenciesMs: number[]; events: number });
      const sorted = [...stats.latenciesMs].sort((a, b) => a - b);
      console.log(
        `live page: ready in ${stats.readyMs.toFixed(0)} ms; ${stats.events} events; stored → shown p50 ${sorted[Math.floor(sorted.length * 0.5)]} ms, p99 ${sorted[Math.floor(sorted.length * 0.99)]} ms`,
      );
      expect(stats.events).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await p.close();
      await run.stop();
    }
  });
});
