// The roster page with 20,000 people (the demo generator at scale): the store sends one page, the
// pager reaches the last person, a column sort and a search ask the store again; timings are printed,
// not asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { launchBrowser, openApp } from './harness/browser';
import { startHarness, type HarnessServer } from './harness/server';
import { startThreadedCore, type ThreadedCore } from './harness/core-thread';
import { tempCore, type TempCore } from '../support/temp-core';
import { generateDemo } from '../../electron/core/demo';
import { listPeople } from '../../electron/core/roster';

const PEOPLE = 20_000;
let t: TempCore;
let core: ThreadedCore;
let server: HarnessServer;
let browser: Browser;

beforeAll(async () => {
  t = tempCore({ checkOutputs: false });
  generateDemo(t.ctx, { people: PEOPLE });
  core = await startThreadedCore(t);
  server = await startHarness(core.host);
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await core?.close();
  t?.cleanup();
});

describe('roster page at 20,000 people', () => {
  it('shows one page from the store, turns to the last page, sorts and filters', async () => {
    const all = listPeople(core.db).rows;
    const page = await openApp(browser, server.url, 'roster');
    const t0 = Date.now();
    await page.getByText(`共 ${all.length} 人`).waitFor({ timeout: 60_000 });
    await page.locator('.ant-table-row').first().waitFor();
    const firstPaint = Date.now() - t0;
    const domRows = await page.locator('.ant-table-row').count();
    expect(domRows).toBe(100); // one page, never 20,000 rows

    const t1 = Date.now();
    await page.locator('.ant-pagination-item').last().click();
    const last = all.at(-1)!;
    await page.locator('.ant-table-row', { hasText: last.personNo }).waitFor({ timeout: 30_000 });
    const lastPageMs = Date.now() - t1;

    // 人员编号 descending: the store sorts the whole list, the first row is the highest number
    const byNo = [...all].sort((a, b) => (a.personNo < b.personNo ? 1 : -1));
    await page.locator('.ant-table-thead th', { hasText: '人员编号' }).click();
    await page.locator('.ant-table-thead th', { hasText: '人员编号' }).click();
    await page.locator('.ant-table-row').first().filter({ hasText: byNo[0]!.personNo }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.ant-pagination-item-active').textContent()).toBe('1');

    const t2 = Date.now();
    await page.getByLabel('搜索人员').fill(last.personNo);
    await page.getByText('符合条件 1 人').waitFor({ timeout: 30_000 });
    const searchMs = Date.now() - t2;
    mkdirSync('test-results', { recursive: true });
    await page.getByLabel('搜索人员').fill('');
    await page.getByText(`共 ${all.length} 人`).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: 'test-results/roster-20k.png' });
    console.log(
      `roster page, ${all.length} people: first rows ${firstPaint} ms, last page ${lastPageMs} ms, search ${searchMs} ms (incl. 200 ms debounce), ${domRows} rows in the DOM`,
    );
  });
});
