// 送达与签收 in Chromium on a decided year: record one person's 不同意 with its text through the
// dialog, sign a department on one day, and see who has not signed. The store and the audit agree.
// Screenshot: test-results/signoff-panel.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { launchBrowser, openApp } from './harness/browser';
import { startHarness, type HarnessServer } from './harness/server';
import { startThreadedCore, type ThreadedCore } from './harness/core-thread';
import { tempCore, type TempCore } from '../support/temp-core';
import { seedYearEnd, type SeededYear } from '../support/yearend-fixtures';
import { dispatch } from '../../electron/core/api/dispatch';

let t: TempCore;
let core: ThreadedCore;
let server: HarnessServer;
let browser: Browser;
let y: SeededYear;

beforeAll(async () => {
  t = tempCore();
  y = seedYearEnd(t.ctx, {
    people: [
      { no: 'A01', name: '张一', ratings: '较好 较好 较好 较好' },
      { no: 'A02', name: '张二', ratings: '较好 较好 较好 较好' },
      { no: 'B01', name: '李一', ratings: '较好 较好 较好 较好', dept: 1 },
      { no: 'B02', name: '李二', ratings: '较好 较好 较好 较好', dept: 1 },
    ],
  });
  for (const [method, input] of [
    ['yearend.transition', { yearId: y.yearId, to: 'review' }],
    ['yearend.bulkAccept', { yearId: y.yearId, departmentId: null }],
    ['yearend.transition', { yearId: y.yearId, to: 'notice', noticeStart: '2026-11-16', confirmPastStart: true }],
    ['yearend.transition', { yearId: y.yearId, to: 'final' }],
  ] as const) {
    const r = await dispatch(t.core, t.session, method, input);
    if (!r.ok) throw new Error(r.error.message);
  }
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

const signoffs = () =>
  core.db.prepare('SELECT person_id, delivered_on, opinion, opinion_text, signed_on FROM yearend_signoff').all() as {
    person_id: string;
    opinion: string | null;
    opinion_text: string;
  }[];

describe('sign-off panel (e2e)', () => {
  it('records a 不同意, signs a department on one day, lists who has not signed', { timeout: 120_000 }, async () => {
    const page = await openApp(browser, server.url, 'yearend');
    const panel = page.getByTestId('signoff-panel');
    await panel.waitFor({ timeout: 20_000 });
    await panel.getByTestId('signoff-counts').getByText('未签收 4').waitFor({ timeout: 10_000 });

    await panel.getByTestId('signoff-edit-A01').click();
    const dialog = page.locator('.ant-modal', { hasText: '送达与签收：张一' });
    await dialog.waitFor();
    await dialog.getByText('不同意', { exact: true }).click();
    await dialog.getByTestId('signoff-opinion-text').fill('第三季度工作量统计有误');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('.ant-message-notice', { hasText: '已保存 张一 的送达签收记录' }).waitFor({ timeout: 10_000 });
    await dialog.waitFor({ state: 'hidden' });
    expect(signoffs()).toEqual([
      {
        person_id: y.ids.get('A01'),
        delivered_on: '2026-11-25',
        opinion: 'disagree',
        opinion_text: '第三季度工作量统计有误',
        signed_on: '2026-11-25',
      },
    ]);

    // 综合科 (B01, B02) signed on one day
    await panel.getByTestId('signoff-department').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('综合科').click();
    await panel.getByTestId('signoff-bulk').click();
    const bulk = page.locator('.ant-modal', { hasText: '批量签收：综合科' });
    await bulk.getByRole('button', { name: /录\s*入/ }).click();
    await bulk.waitFor({ state: 'hidden', timeout: 10_000 });
    await panel.getByTestId('signoff-department').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('全部人员').click();
    await panel.getByTestId('signoff-counts').getByText('未签收 1').waitFor({ timeout: 10_000 });
    await panel.getByTestId('signoff-only-unsigned').click();
    await panel.getByRole('row', { name: /张二/ }).waitFor();
    expect(await panel.locator('.ant-table-tbody .ant-table-row').count()).toBe(1);
    expect(signoffs().filter((s) => s.opinion === 'agree')).toHaveLength(2);
    const audit = core.db
      .prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action IN ('yearend.signoff.record', 'yearend.signoff.bulk')`)
      .get() as { n: number };
    expect(audit.n).toBe(3);
    await panel.getByTestId('signoff-only-unsigned').click();
    mkdirSync('test-results', { recursive: true });
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: 'test-results/signoff-panel.png' });
  });
});
