// The roster's probable duplicates in the built renderer: the header's 疑似重复 button opens the
// groups, 合并… shows what moves, and 备份并合并 leaves one record (the other's rating moved over).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { launchBrowser, openApp } from './harness/browser';
import { startHarness, type HarnessServer } from './harness/server';
import { startThreadedCore, type ThreadedCore } from './harness/core-thread';
import { tempCore, type TempCore } from '../support/temp-core';
import { createPerson } from '../../electron/core/roster';
import { writeTx } from '../../electron/core/context';
import { newId } from '../../electron/core/ids';
import { personInput, seedUnits } from '../support/roster-fixtures';

let t: TempCore;
let core: ThreadedCore;
let server: HarnessServer;
let browser: Browser;
let absorbedId = '';

beforeAll(async () => {
  t = tempCore();
  const r = seedUnits(t.ctx);
  createPerson(
    t.ctx,
    personInput(r.office.id, { personNo: 'A001', name: '张伟', gender: '男', birthMonth: '1985-03' }),
  );
  absorbedId = createPerson(
    t.ctx,
    personInput(r.planning.id, { personNo: 'N001', name: '张伟', gender: '男', birthMonth: '1985-03' }),
  ).id;
  createPerson(
    t.ctx,
    personInput(r.finance.id, { personNo: 'C001', name: '李娜', gender: '女', birthMonth: '1990-01' }),
  );
  writeTx(t.ctx, () => {
    const db = t.core.db;
    const T = '2026-11-01T00:00:00.000Z';
    const yearId = newId();
    const periodId = newId();
    db.prepare(
      `INSERT INTO assessment_year (id, unit_id, year, settings_json, created_at, updated_at, updated_by) VALUES (?, ?, 2026, '{}', ?, ?, 't')`,
    ).run(yearId, r.agency.id, T, T);
    db.prepare(
      `INSERT INTO period (id, year_id, code, label, seq, start_date, end_date) VALUES (?, ?, '2026Q1', '第一季度', 1, '2026-01-01', '2026-03-31')`,
    ).run(periodId, yearId);
    db.prepare(
      `INSERT INTO period_rating (id, period_id, person_id, unit_id, rating, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, 'good', ?, 't', ?, 't')`,
    ).run(newId(), periodId, absorbedId, r.planning.id, T, T);
  });
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

describe('roster: probable duplicates and merge', () => {
  it('shows the pair and merges it into the record kept', async () => {
    const page = await openApp(browser, server.url, 'roster');
    await page.getByRole('button', { name: '疑似重复' }).click();
    const group = page.getByTestId('duplicate-group');
    await group.getByText('张伟 · 男 · 1985-03').waitFor();
    expect(await group.locator('tbody tr').count()).toBe(2);
    await group.getByRole('button', { name: '合并…' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '合并人员记录' });
    await modal.getByText('转入 张伟（A001，办公室） 的记录').waitFor();
    await modal.getByLabel('合并原因').fill('调入时以新编号重复登记');
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/roster-merge.png' });
    await modal.getByRole('button', { name: /备份并合并/ }).click();
    await page.getByText(/已合并。合并前的数据已备份为/).waitFor();
    await page.getByText('没有疑似重复的人员').waitFor();
    const left = core.db.prepare("SELECT person_no FROM person WHERE name = '张伟'").all();
    expect(left).toEqual([{ person_no: 'A001' }]);
    const moved = core.db
      .prepare(
        "SELECT COUNT(*) AS n FROM period_rating r JOIN person p ON p.id = r.person_id WHERE p.person_no = 'A001'",
      )
      .get() as { n: number };
    expect(moved.n).toBe(1);
  });
});
