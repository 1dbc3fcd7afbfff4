// Importing a department's 数据交换包 in Debian's Chromium against the real core: the bundle is
// "picked" through ScriptedDesktop, the preview lists the one conflict, 导入 stays disabled until
// the clerk chooses, and the senders tab then names the department. Screenshots go to test-results/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openApp } from './harness/browser';
import { startHarness, type HarnessServer } from './harness/server';
import { startThreadedCore, type ThreadedCore } from './harness/core-thread';
import { tempCore, type TempCore } from '../support/temp-core';
import { seedStore, type SeededStore } from '../support/xlsx-fixtures';
import { runInline } from '../support/inline-task';
import { saveRatingsBatch } from '../../electron/core/ratings/save';
import { ensureWorkstation } from '../../electron/core/exchange/workstation';

let office: TempCore;
let dept: TempCore;
let so: SeededStore;
let sd: SeededStore;
let core: ThreadedCore;
let server: HarnessServer;
let browser: Browser;
let path: string;

beforeAll(async () => {
  office = tempCore();
  dept = tempCore();
  so = seedStore(office.ctx, 2);
  sd = seedStore(dept.ctx, 2);
  // Both rated 张伟 for Q1, differently, before any exchange: one conflict.
  saveRatingsBatch(dept.ctx, [
    { periodId: sd.periods.Q1!, personId: sd.people[0]!.id, rating: 'fair' },
    { periodId: sd.periods.Q1!, personId: sd.people[1]!.id, rating: 'fair' },
  ]);
  saveRatingsBatch(office.ctx, [{ periodId: so.periods.Q1!, personId: so.people[0]!.id, rating: 'average' }]);
  path = join(dept.dir, '办公室-2026.dax');
  await runInline(dept, 'exchange.export', {
    direction: 'up',
    unitId: sd.departments['办公室'],
    yearId: sd.yearId,
    path,
    workstation: ensureWorkstation(dept.ctx, '办公室工作站'),
    appVersion: '0.1.0',
  });
  core = await startThreadedCore(office);
  server = await startHarness(core.host);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await core?.close();
  office?.cleanup();
  dept?.cleanup();
});

describe('exchange bundle import in the browser', () => {
  it('shows the conflict, applies only once it is chosen, lists the sender', async () => {
    core.desktop.nextOpen.push(path);
    const page = await openApp(browser, server.url, 'exchange');
    mkdirSync('test-results', { recursive: true });
    try {
      await scenario(page);
    } catch (e) {
      await page.screenshot({ path: 'test-results/exchange-failed.png' });
      throw e;
    }
  });
});

async function scenario(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '导入交换包' }).click();
  await page.getByTestId('exchange-pick').click();
  const items = page.getByTestId('exchange-items');
  await items.waitFor({ timeout: 60_000 });
  const row = items.locator('tbody tr').filter({ hasText: '双方记录不同' });
  await row.waitFor();
  const text = await row.innerText();
  expect(text).toContain('张伟（P0001） 2026Q1');
  expect(text).toContain('等次：一般');
  expect(text).toContain('等次：较好');
  const apply = page.getByTestId('exchange-apply');
  expect(await apply.isDisabled()).toBe(true);
  await page.screenshot({ path: 'test-results/exchange-preview.png' });

  await row.getByText('采用交换包的').click();
  await apply.click();
  await page
    .getByTestId('exchange-result')
    .getByText(/交换包导入完成/)
    .waitFor({ timeout: 60_000 });
  const rating = core.db
    .prepare('SELECT rating FROM period_rating WHERE period_id = ? AND person_id = ?')
    .pluck()
    .get(so.periods.Q1, so.people[0]!.id);
  expect(rating).toBe('fair');

  await page.getByRole('tab', { name: '报送情况' }).click();
  await page.getByTestId('exchange-senders').getByText('某区发改委 / 办公室').waitFor();
  expect(await page.getByTestId('exchange-senders').innerText()).toContain('办公室工作站');
  await page.screenshot({ path: 'test-results/exchange-senders.png' });
}
