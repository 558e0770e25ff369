import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { demoScenario, loadScenario, parseScenario, RunResult, runScenario, Scenario, SimulationStack } from '@shailoo/scenario-runner';

jest.setTimeout(240_000);

// .ci/run installs Debian's chromium; elsewhere point CHROMIUM_PATH at one, or these tests are skipped.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI) throw new Error(`CI must install chromium (${CHROMIUM}) for the live page's browser tests`);

/** Screenshots for a person to look at: test-artifacts/ (not in git). */
const ARTIFACTS = join(__dirname, '..', 'test-artifacts');

interface Watched {
  page: Page;
  token: string;
  result: RunResult;
  stack: SimulationStack;
  errors: string[];
}

/**
 * Runs the demo's day at `speed`, opens the page as soon as the server serves, lets `during` act
 * while the day runs, and `after` look once it is over (the stack still serving).
 */
async function watchDemoDay(
  browser: Browser,
  speed: number,
  during: (page: Page, token: string) => Promise<void>,
  after: (w: Watched) => Promise<void>,
): Promise<void> {
  const errors: string[] = [];
  let opened: Promise<{ page: Page; token: string }> | null = null;
  let acting: Promise<void> = Promise.resolve();
  await runScenario(demoScenario('Кайыңды', 'kaiyndy-2021'), {
    speed,
    onServing: ({ httpUrl, operatorToken }) => {
      opened = (async () => {
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`${httpUrl}/?lang=ky`);
        await page.waitForSelector('body[data-ready=true]', { timeout: 10_000 });
        return { page, token: operatorToken };
      })();
      // A failure while the clock is paused must not leave the day paused for ever: resume, then fail.
      acting = opened.then(({ page, token }) =>
        during(page, token).catch(async (err) => {
          await fetch(`${httpUrl}/api/simulation/resume`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
          throw err;
        }),
      );
    },
    whenDone: async (result, stack) => {
      const { page, token } = await opened!;
      await acting;
      try {
        await after({ page, token, result, stack, errors });
      } finally {
        await page.close();
      }
    },
  });
}

const seatsShown = (page: Page) =>
  page.$$eval('#allocation tr[data-party]', (rows) =>
    Object.fromEntries(rows.map((r) => [r.getAttribute('data-party'), Number(r.querySelector('[data-seats]')!.getAttribute('data-seats'))])),
  );

(hasChromium ? describe : describe.skip)('the live page in a real browser (Debian chromium, Playwright)', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(() => browser?.close());

  it('watches the Kaiyndy demo day to its end: seats shown = seats published, in Kyrgyz, Russian and English', async () => {
    await watchDemoDay(
      browser,
      2_500,
      async () => undefined,
      async ({ page: p, stack, result, errors }) => {
        const id = result.report.scenario === 'demo' ? Object.keys(result.report.published)[0] : '';
        const { provisional } = await stack.api.seats(id);
        expect(Object.values(provisional!.seats).sort()).toEqual([2, 2, 4, 4, 9]);
        expect(result.report.datasetSeats[id]?.matches).toBe(true);
        // The page caught up with the end of the day over its event stream.
        await p.waitForFunction("document.querySelector('[data-total-seats]')?.getAttribute('data-total-seats') === '21'", undefined, { timeout: 15_000 });
        expect(await seatsShown(p)).toEqual(Object.fromEntries(Object.entries(provisional!.seats).filter(([, n]) => n > 0)));
        expect(await p.textContent('#title')).toBe('Шайлоо күнү — түз көрсөтүү');
        // Every station reported: its square says so.
        await p.waitForFunction("document.querySelectorAll('#board .cell.protocol, #board .cell.box').length === 4", undefined, { timeout: 10_000 });
        expect(await p.locator('#ticker li').count()).toBeGreaterThan(8);
        // The ticker keeps the election's time, as the console's clock does, not the wall clock.
        const times = await p.locator('#ticker time').allTextContents();
        expect(times.filter((x) => !/^\d\d:\d\d$/.test(x) || x < '07:00')).toEqual([]);
        await p.screenshot({ path: join(ARTIFACTS, 'live-page-ky.png'), fullPage: true });

        await p.click('#lang-ru');
        expect(await p.textContent('#title')).toBe('День выборов — в прямом эфире');
        expect(new URL(p.url()).searchParams.get('lang')).toBe('ru');
        // Why a party got no seats is said in the page's language, not in the server's English.
        const failedRu = await p.locator('tr.failed').allTextContents();
        expect(failedRu.length).toBeGreaterThan(0);
        expect(failedRu.join('\n')).toMatch(/не прошла: \d+\.\d\d% — ниже порога 7\.0%/);
        expect(failedRu.join('\n')).not.toMatch(/under|threshold/);
        // A party the 2021 source does not name is named in the page's language, by its order on the ballot.
        expect(failedRu.join('\n')).toMatch(/^Партия без названия № \d+/m);
        expect(await p.textContent('#results')).not.toContain('өтпөгөн');
        await p.screenshot({ path: join(ARTIFACTS, 'live-page-ru.png'), fullPage: true });
        await p.click('#lang-en');
        expect(await p.textContent('#title')).toBe('Election day — live');
        // Drill down: the region, then a station's devices.
        await p.click('[data-region="chui"]');
        await p.click('#board .cell >> nth=0');
        await p.waitForSelector('#detail:not([hidden]) li');
        expect(await p.textContent('#detail')).toMatch(/Ballot box \(АЭУ\) aeu-/);
        await p.screenshot({ path: join(ARTIFACTS, 'live-page-en.png'), fullPage: true });
        await p.setViewportSize({ width: 390, height: 844 });
        await p.screenshot({ path: join(ARTIFACTS, 'live-page-phone.png'), fullPage: true });
        // A page opened after the day starts its chart of precincts reporting where the count stands.
        const late = await p
          .context()
          .browser()!
          .newPage({ viewport: { width: 1400, height: 1000 } });
        try {
          await late.goto(p.url());
          await late.waitForSelector('body[data-ready=true]', { timeout: 10_000 });
          await late.waitForSelector('#reporting circle', { timeout: 10_000 });
          expect(await late.locator('#reporting circle title').first().textContent()).toMatch(/ 4$/);
        } finally {
          await late.close();
        }

        const stats = (await p.evaluate('window.shailooLive')) as { readyMs: number; latenciesMs: number[]; events: number };
        const sorted = [...stats.latenciesMs].sort((a, b) => a - b);
        console.log(
          `live page: ready in ${stats.readyMs.toFixed(0)} ms; ${stats.events} events; stored → shown p50 ${sorted[Math.floor(sorted.length * 0.5)]} ms, p99 ${sorted[Math.floor(sorted.length * 0.99)]} ms`,
        );
        expect(stats.events).toBeGreaterThan(0);
        expect(errors).toEqual([]);
      },
    );
  });

  it('shows the candidate contests: the districts’ board with leader, margin, reporting and winner, and each village council’s seats with the women’s reserve', async () => {
    const look = async (scenario: Scenario, check: (page: Page, id: string, stack: SimulationStack) => Promise<void>) => {
      const errors: string[] = [];
      await runScenario(scenario, {
        whenDone: async (result, stack) => {
          const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
          page.on('pageerror', (e) => errors.push(e.message));
          try {
            await page.goto(`${stack.target.registerUrl}/?lang=ky`);
            await page.waitForSelector('body[data-ready=true]', { timeout: 10_000 });
            await check(page, Object.keys(result.report.published)[0], stack);
          } finally {
            await page.close();
          }
        },
      });
      expect(errors).toEqual([]);
    };
    const part = parseScenario(
      {
        name: 'jk-part',
        description: 'Talas and Naryn',
        election: { source: 'jogorku-kenesh-2021', regions: ['talas', 'naryn'] },
        seed: 'jk-page',
        identification: 'local',
      },
      'test',
    );
    await look(part, async (page, id, stack) => {
      const contests = await stack.api.contests(id);
      const districts = contests.filter((c) => c.system === 'single-member');
      await page.waitForSelector('#contests-panel:not([hidden]) #districts tr[data-contest]');
      expect(await page.locator('#districts tr[data-status="final"]').count()).toBe(districts.length);
      expect(await page.getAttribute('[data-decided]', 'data-decided')).toBe(String(districts.length));
      for (const d of districts) {
        const row = page.locator(`#districts tr[data-contest="${d.contestId}"]`);
        const winner = d.selections.find((s) => s.id === d.elected[0])!;
        expect(await row.locator('.winner').textContent()).toContain(winner.name);
        expect((await row.locator('td').nth(1).textContent())!.replace(/\D/g, '')).toBe(String(d.margin));
        expect(await row.locator('td').nth(2).textContent()).toBe(`${d.precinctsTotal}/${d.precinctsTotal}`);
      }
      expect(await page.locator('#councils .council').count()).toBe(0);
      await page.locator('#contests-panel').screenshot({ path: join(ARTIFACTS, 'districts-board.png') });
      await page.click('#lang-ru');
      // The Russian page names the candidates in their Russian form.
      const winnerRu = districts[0].selections.find((s) => s.id === districts[0].elected[0])!.nameRu!;
      expect(await page.locator(`#districts tr[data-contest="${districts[0].contestId}"] .winner`).textContent()).toContain(winnerRu);
    });
    await look(loadScenario('ayil-kenesh-2021'), async (page, id, stack) => {
      const councils = await stack.api.contests(id);
      await page.waitForSelector('#councils .council[data-status="final"]');
      expect(await page.locator('#councils .council').count()).toBe(councils.length);
      expect(await page.locator('#districts tr').count()).toBe(0);
      for (const c of councils) {
        const outcome = c.outcome.final!;
        if (outcome.system !== 'village-council') throw new Error('a village council');
        const panel = page.locator(`.council[data-contest="${c.contestId}"]`);
        expect(await panel.locator('li').count()).toBe(c.seats);
        expect(await panel.locator('li.reserved').count()).toBe(outcome.council.reservedTo.length);
        const women = Number(await panel.locator('[data-women]').getAttribute('data-women'));
        expect(women).toBeGreaterThanOrEqual(outcome.council.reserved);
        expect(await panel.textContent()).toContain(`⌈30% × ${c.seats}⌉ = ${outcome.council.reserved}`);
      }
      await page.locator('#contests-panel').screenshot({ path: join(ARTIFACTS, 'village-councils.png') });
    });
  });

  it('the trainer’s console pauses the clock, jams a box and forges a message: the board, the ticker and the run’s report show them', async () => {
    await watchDemoDay(
      browser,
      1_500,
      async (p, token) => {
        await p.waitForSelector('#console:not([hidden])');
        // Without the operator's token the console is refused.
        await p.click('#pause');
        await p.waitForFunction("document.querySelector('#console-status').textContent.includes('401')");
        await p.fill('#token', token);
        await p.click('#pause');
        await p.waitForFunction("!document.querySelector('#pace').textContent.includes('×')");
        // A status asked for before the pause may still land: let the next one in first.
        await p.waitForTimeout(1200);
        const paused = await p.textContent('#clock');
        await p.waitForTimeout(1500);
        expect(await p.textContent('#clock')).toBe(paused);
        await p.click('#pause');
        // Jam the box of the first station, and forge a message at the second.
        await p.click('#board .cell >> nth=0');
        await p.selectOption('#fault-kind', 'box-jam');
        await p.click('#inject');
        await p.waitForSelector('#board .cell.faulted[data-faults~="box-jam"]');
        await p.click('#board .cell >> nth=1');
        await p.selectOption('#fault-kind', 'forged-message');
        await p.click('#inject');
        await p.waitForSelector('#ticker li.ev-rejection');
        await p.screenshot({ path: join(ARTIFACTS, 'live-page-console.png'), fullPage: true });
      },
      async ({ page: p, result, errors }) => {
        const faults = result.report.liveFaults;
        expect(faults.map((f) => f.kind)).toEqual(['box-jam', 'forged-message']);
        expect(faults.every((f) => f.by === 'environment' && f.precinctIds.length === 1)).toBe(true);
        // The jammed box's station was counted by hand: its square says so once its protocol is in.
        await p.waitForSelector(`#board .cell.hand[data-precinct="${faults[0].precinctIds[0]}"]`, { timeout: 15_000 });
        expect(await p.locator('#ticker li.ev-fault').count()).toBe(2);
        expect(result.report.oracle.ok).toBe(true);
        expect(result.report.oracle.expectedDifferences['box-failed']).toBe(1);
        await p.screenshot({ path: join(ARTIFACTS, 'live-page-console-end.png'), fullPage: true });
        expect(errors).toEqual([]);
      },
    );
  });
});
