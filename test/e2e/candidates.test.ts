// The committee's candidates drawer on the demo store at 1366×768, with 民主测评 votes imported from
// a tally sheet: each quota unit's places left are shown, the table sorts by votes (the column header),
// the first rows as many as the places are tinted, three ticked candidates open side by side, and no
// column of either table is cut. Screenshots: test-results/candidates-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { framesRendered, launchBrowser, openApp, SMALL_SCREEN } from './harness/browser';
import { startHarness, type HarnessServer } from './harness/server';
import { startThreadedCore, type ThreadedCore } from './harness/core-thread';
import { clippedColumns } from './harness/layout';
import { tempCore, type TempCore } from '../support/temp-core';
import { callOk } from '../support/import-flow';
import { importTallies } from '../support/tally-fixtures';
import { generateDemo } from '../../electron/core/demo/generate';
import type { OutputOf } from '../../shared/api';

type Dto = OutputOf<'yearend.candidates'>;

let t: TempCore;
let core: ThreadedCore;
let server: HarnessServer;
let browser: Browser;
let page: Page;
let dto: Dto;

beforeAll(async () => {
  t = tempCore();
  generateDemo(t.ctx, {});
  const yearId = (t.core.db.prepare('SELECT id FROM assessment_year WHERE year = 2026').get() as { id: string }).id;
  const first = await callOk<Dto>(t, 'yearend.candidates', { yearId });
  // votes for every candidate: a spread, so sorting by them reorders the table
  const rows = first.units.flatMap((u) =>
    u.candidates.map((c, i) => ({
      personNo: c.personNo,
      name: c.name,
      voters: 25,
      excellent: (i * 7) % 23,
      competent: 25 - ((i * 7) % 23),
    })),
  );
  await importTallies(t, yearId, 2026, rows);
  dto = await callOk<Dto>(t, 'yearend.candidates', { yearId });
  core = await startThreadedCore(t);
  server = await startHarness(core.host);
  browser = await launchBrowser();
  page = await openApp(browser, server.url, 'yearend', SMALL_SCREEN);
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await core?.close();
  t?.cleanup();
});

const names = (scope: string) =>
  page.locator(`${scope} .ant-table-tbody tr.ant-table-row td:nth-child(3) > div:first-child`).allInnerTexts();

describe('the candidates drawer (e2e)', () => {
  it('shows the places left, sorts by 民主测评 votes and compares the ticked candidates', async () => {
    expect(dto.hasVotes).toBe(true);
    const unit = dto.units[0]!;
    await page.getByTestId('open-candidates').click();
    const drawer = page.getByTestId('candidates');
    await drawer.locator('.ant-table-row').first().waitFor({ timeout: 20_000 });
    expect(await drawer.getByTestId('candidates-left').innerText()).toBe(`${unit.left} 名`);
    // every unit's places left in its switch
    for (const u of dto.units) await drawer.getByText(`${u.label}（剩 ${u.left} 名）`).waitFor();
    expect(await drawer.getByTestId('candidates-no-votes').count()).toBe(0);
    await framesRendered(page);
    await page.screenshot({ path: 'test-results/candidates-drawer.png' });
    expect(await clippedColumns(page)).toEqual([]);

    // the default order is the engine's: points, then 好 count
    expect(await names('[data-testid="candidates"]')).toEqual(unit.candidates.map((c) => c.name));
    // sorted by the share of 优秀 votes, highest first (antd: first click ascending, second descending)
    const header = drawer.locator('th', { hasText: '民主测评' });
    await header.click();
    await header.click();
    const share = (c: (typeof unit.candidates)[number]) => (c.votes ? c.votes.excellent / c.votes.voters : -1);
    const best = [...unit.candidates].sort((a, b) => share(b) - share(a))[0]!;
    await expect.poll(async () => (await names('[data-testid="candidates"]'))[0]).toBe(best.name);
    // the first rows, as many as the places, are tinted
    const tinted = await drawer
      .locator('.ant-table-tbody tr.ant-table-row')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).style.background !== ''));
    expect(tinted.filter(Boolean)).toHaveLength(Math.min(unit.allowed, unit.candidates.length));
    expect(tinted.slice(0, unit.allowed).every(Boolean)).toBe(true);

    // tick three and compare them side by side
    const checks = drawer.locator('.ant-table-tbody tr.ant-table-row .ant-checkbox-input');
    for (const i of [0, 1, 2]) await checks.nth(i).check();
    await drawer.getByTestId('candidates-compare-open').click();
    const compare = page.getByTestId('candidates-compare');
    await compare.locator('.ant-table-row').first().waitFor();
    const heads = await compare.locator('thead th').allInnerTexts();
    expect(heads.filter((h) => h.includes('（'))).toHaveLength(3);
    expect(heads.some((h) => h.includes(best.name))).toBe(true);
    const text = await compare.innerText();
    for (const label of ['平时考核', '积分', '奖励与实绩', '处分与问题', '历年等次', '民主测评', '建议', '已定'])
      expect(text).toContain(label);
    expect(text).toContain(`优秀 ${best.votes!.excellent} / ${best.votes!.voters}`);
    expect(text).not.toMatch(/→|\bQ[1-4]\b/);
    await framesRendered(page);
    await page.screenshot({ path: 'test-results/candidates-compare.png' });
    expect(await clippedColumns(page)).toEqual([]);
  });
});
