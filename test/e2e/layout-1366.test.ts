// Every page at 1366×768, the smallest screen an office still has, on the demo store (120 people,
// long names, every kind of event): each table's columns are all visible without sideways scrolling,
// none sits under a fixed column, no cell's text is cut. A screenshot per page is kept for review in
// test-results/layout-1366-<page>.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { launchBrowser, openApp, SMALL_SCREEN } from './harness/browser';
import { startHarness, type HarnessServer } from './harness/server';
import { startThreadedCore, type ThreadedCore } from './harness/core-thread';
import { clippedColumns } from './harness/layout';
import { tempCore, type TempCore } from '../support/temp-core';
import { generateDemo } from '../../electron/core/demo/generate';

let t: TempCore;
let core: ThreadedCore;
let server: HarnessServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  t = tempCore();
  generateDemo(t.ctx, {});
  core = await startThreadedCore(t);
  server = await startHarness(core.host);
  browser = await launchBrowser();
  page = await openApp(browser, server.url, 'dashboard', SMALL_SCREEN);
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await core?.close();
  t?.cleanup();
});

async function visit(route: string, ready: string) {
  await page.goto(`${server.url}/#/${route}`);
  await page.locator(ready).first().waitFor({ timeout: 20_000 });
}

async function check(name: string) {
  // Tables settle (virtual rows measured, fixed-column shadows placed) on the next frames.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: `test-results/layout-1366-${name}.png` });
  expect(await clippedColumns(page), name).toEqual([]);
}

describe('every page at 1366×768 (e2e)', () => {
  it('年度进度', async () => {
    await visit('dashboard', 'canvas');
    await check('dashboard');
  });

  it('人员名册: every column of the roster visible, 状态 not under 操作', async () => {
    await visit('roster', '.ant-table-row');
    await check('roster');
  });

  it('平时考核: the grid and the 复核 tab', async () => {
    await visit('ratings', 'tr[data-person]');
    await page.getByRole('combobox', { name: '部门' }).click();
    await page.locator('.ant-select-item-option', { hasText: '办公室' }).click();
    await expect.poll(() => page.locator('tr[data-person]').count()).toBeGreaterThan(10);
    await page.keyboard.press('Escape');
    await check('ratings');
    await page.getByRole('tab', { name: '复核' }).click();
    await page.locator('.ant-table-row').first().waitFor();
    await check('ratings-review');
  });

  it('事件记录: 说明 visible', async () => {
    await visit('evidence', '.ant-table-row');
    await check('evidence');
  });

  it('年终考核: 最终结果 inside the window', async () => {
    await visit('yearend', '.ant-table-row');
    await check('yearend');
  });

  it('材料打印', async () => {
    await visit('pack', 'text=生成考核材料');
    await check('pack');
  });

  it('年度设置', async () => {
    await visit('settings', 'text=建立考核年度');
    await check('settings');
  });

  it('审计日志', async () => {
    await visit('audit', '.ant-table-row');
    await check('audit');
  });

  it('系统管理: backups, operators, app info', async () => {
    await visit('system', '.ant-table-row');
    await check('system-backups');
    await page.getByRole('tab', { name: '操作员' }).click();
    await page.getByRole('tabpanel').locator('.ant-table').first().waitFor();
    await check('system-operators');
    await page.getByRole('tab', { name: '程序与数据' }).click();
    await check('system-info');
  });
});
