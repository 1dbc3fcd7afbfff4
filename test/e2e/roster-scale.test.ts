// The roster page with 20,000 people (the demo generator at scale): the virtual table keeps the DOM
// small, scrolls to the last row, and a search narrows the list; timings are printed, not asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { launchBrowser, openApp } from './harness/browser';
import { startHarness, type HarnessServer } from './harness/server';
import { tempCore, type TempCore } from '../support/temp-core';
import { generateDemo } from '../../electron/core/demo';
import { listPeople } from '../../electron/core/roster';

const PEOPLE = 20_000;
let t: TempCore;
let server: HarnessServer;
let browser: Browser;

beforeAll(async () => {
  t = tempCore({ checkOutputs: false });
  generateDemo(t.ctx, { people: PEOPLE });
  server = await startHarness(t.core, undefined, t.session);
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  t?.cleanup();
});

describe('roster page at 20,000 people', () => {
  it('renders a virtual window of rows, scrolls to the end, and filters', async () => {
    const all = listPeople(t.core.db).rows;
    const page = await openApp(browser, server.url, 'roster');
    const t0 = Date.now();
    await page.getByText(`共 ${all.length} 人`).waitFor({ timeout: 60_000 });
    await page.locator('.ant-table-row').first().waitFor();
    const firstPaint = Date.now() - t0;
    const domRows = await page.locator('.ant-table-row').count();
    expect(domRows).toBeGreaterThan(5);
    expect(domRows).toBeLessThan(120); // virtualised: never 20,000 rows in the DOM

    const t1 = Date.now();
    await page.locator('.ant-table-tbody-virtual-holder').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const last = all.at(-1)!;
    await page.locator('.ant-table-row', { hasText: last.personNo }).waitFor({ timeout: 10_000 });
    const scrollMs = Date.now() - t1;

    const t2 = Date.now();
    await page.getByLabel('搜索人员').fill(last.personNo);
    await page.getByText('符合条件 1 人').waitFor({ timeout: 30_000 });
    const searchMs = Date.now() - t2;
    mkdirSync('test-results', { recursive: true });
    await page.getByLabel('搜索人员').fill('');
    await page.getByText(`共 ${all.length} 人`).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: 'test-results/roster-20k.png' });
    console.log(
      `roster page, ${all.length} people: first rows ${firstPaint} ms, scroll to end ${scrollMs} ms, search ${searchMs} ms (incl. 200 ms debounce), ${domRows} rows in the DOM`,
    );
  });
});
