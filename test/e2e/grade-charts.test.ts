// The year-end charts in Chromium at 1366×768: this year's grades per quota unit beside its 优秀
// places, the agency's grades over the years (imported years included), and one person's grades
// year by year in the workbench's expanded row — all drawn from yearend.gradeHistory and the
// workbench's quota units.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { launchBrowser, openApp, SMALL_SCREEN } from './harness/browser';
import { startHarness, type HarnessServer } from './harness/server';
import { startThreadedCore, type ThreadedCore } from './harness/core-thread';
import { tempCore, type TempCore } from '../support/temp-core';
import { seedYearEnd, type SeedPerson } from '../support/yearend-fixtures';

let t: TempCore;
let core: ThreadedCore;
let server: HarnessServer;
let browser: Browser;

const people: SeedPerson[] = [
  {
    no: 'A01',
    name: '张一',
    ratings: '好 好 好 好',
    history: [
      { year: 2024, grade: 'excellent' },
      { year: 2025, grade: 'competent' },
    ],
  },
  { no: 'A02', name: '张二', ratings: '较好 较好 较好 较好', history: [{ year: 2025, grade: 'excellent' }] },
  { no: 'A03', name: '张三', ratings: '较好 较好 较好 较好', history: [{ year: 2025, grade: 'competent' }] },
  { no: 'A04', name: '张四', ratings: '一般 一般 一般 一般', dept: 1, history: [{ year: 2024, grade: 'basic' }] },
  { no: 'A05', name: '张五', ratings: '较好 较好 较好 较好', dept: 1 },
];

beforeAll(async () => {
  t = tempCore();
  seedYearEnd(t.ctx, { people });
  core = await startThreadedCore(t);
  server = await startHarness(core.host);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await core?.close();
  t?.cleanup();
});

describe('year-end charts (e2e)', () => {
  it('shows the distribution against the places, the years, and one person year by year', async () => {
    const page = await openApp(browser, server.url, 'yearend', SMALL_SCREEN);
    const charts = page.getByTestId('grade-charts');
    await charts.waitFor({ timeout: 20_000 });
    await charts.getByText('等次分布图').click();
    await page.getByRole('img', { name: '各考核单元等次分布与优秀名额' }).locator('canvas').waitFor();
    await page.getByRole('img', { name: '示例区发展改革委历年等次分布' }).locator('canvas').waitFor();

    // The person's chart in the expanded row of 张一.
    await page.locator('tr', { hasText: '张一' }).locator('.ant-table-row-expand-icon').click();
    await page.getByRole('img', { name: '张一历年考核等次' }).locator('canvas').waitFor();
    const box = await page.getByRole('img', { name: '张一历年考核等次' }).boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    mkdirSync('test-results', { recursive: true });
    await page.getByTestId('grade-charts').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/grade-charts.png' });
    await page.getByRole('img', { name: '张一历年考核等次' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/grade-charts-person.png' });
  });
});
