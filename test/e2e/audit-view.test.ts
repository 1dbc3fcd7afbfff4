// The audit page at 1366×768 on a store used as an office uses it: actions, objects and refusals read
// in Chinese, the filter offers object kinds by name, an opened entry lists its changed fields under
// Chinese names, and no row id, table name or permission code appears anywhere on the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { launchBrowser, openApp, SMALL_SCREEN } from './harness/browser';
import { startHarness, type HarnessServer } from './harness/server';
import { startThreadedCore, type ThreadedCore } from './harness/core-thread';
import { clippedColumns } from './harness/layout';
import { tempCore, type TempCore } from '../support/temp-core';
import { dispatch } from '../../electron/core/api/dispatch';
import { generateDemo } from '../../electron/core/demo/generate';

let t: TempCore;
let core: ThreadedCore;
let server: HarnessServer;
let browser: Browser;

async function ok<T>(method: string, input: unknown): Promise<T> {
  const r = await dispatch(t.core, t.session, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  t = tempCore();
  generateDemo(t.ctx, {});
  const people = await ok<{ rows: { id: string; updatedAt: string; unitId: string }[] }>('roster.list', {});
  const p = people.rows[5]!;
  await ok('roster.update', { id: p.id, expectedUpdatedAt: p.updatedAt, changes: { position: '四级主任科员' } });
  const year = (await ok<{ id: string }[]>('years.list', {}))[0]!;
  await ok('yearend.transition', { yearId: year.id, to: 'review' });
  await ok('yearend.bulkAccept', { yearId: year.id, departmentId: null });
  const dept = t.core.db.prepare("SELECT id FROM unit WHERE kind = 'department' LIMIT 1").pluck().get() as string;
  core = await startThreadedCore(t);
  // a rater asking for the year-end workbench: refused, and the refusal is in the log
  await core.host.setTestSession('rater', await core.createOperator('rater', [dept]));
  await core.host.call('yearend.workbench', { yearId: year.id }, 'rater');
  server = await startHarness(core.host);
  browser = await launchBrowser();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await core?.close();
  t?.cleanup();
});

const CODE = /\b[a-z]+(?:_[a-z]+)*\.[a-zA-Z_]+\b|\b(?:period_rating|yearend_decision|assessment_year|app_meta)\b/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('audit page (e2e)', () => {
  it('shows every entry in Chinese, with no row id or code', async () => {
    const page = await openApp(browser, server.url, 'audit', SMALL_SCREEN);
    await page.locator('.ant-table-row').first().waitFor({ timeout: 20_000 });
    const table = page.locator('.ant-table').first();
    const text = await table.innerText();
    expect(text).toContain('批量采纳建议等次');
    expect(text).toContain('缺少权限：查看年终考核');
    expect(text.match(UUID)).toBeNull();
    expect(text.match(CODE)).toBeNull();
    expect(await clippedColumns(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/audit-view-1366.png' });

    // the object filter offers kinds by name
    await page.getByRole('combobox', { name: '对象类别' }).click();
    await page.locator('.ant-select-item-option', { hasText: '年终考核结果' }).click();
    await expect.poll(() => page.locator('.ant-table-row').first().innerText()).toContain('年终考核');

    // an opened person.update lists the changed field under its Chinese name
    await page.getByRole('combobox', { name: '对象类别' }).click();
    await page.locator('.ant-select-item-option', { hasText: '人员' }).first().click();
    await page
      .locator('.ant-table-row', { hasText: '修改人员信息' })
      .first()
      .locator('.ant-table-row-expand-icon')
      .click();
    const details = page.getByRole('table', { name: '修改内容' });
    await details.waitFor();
    const detailText = await details.innerText();
    expect(detailText).toContain('职务职级');
    expect(detailText).toContain('四级主任科员');
    expect(detailText.match(UUID)).toBeNull();
    expect(detailText.match(/\b[a-z]+[A-Z][a-zA-Z]*\b/), 'a field under its program name').toBeNull();
    await page.screenshot({ path: 'test-results/audit-view-details-1366.png' });
  });
});
