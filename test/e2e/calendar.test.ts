// The holiday calendar in Chromium: the office enters next year's days from the State Council notice,
// a 调休上班 day on a weekday is refused with the day named, the saved year is in the store with its
// audit entry, and a shipped year shows its days. Screenshot: test-results/calendar-card.png.
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './harness/e2e-app';
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { openApp } from './harness/browser';
import { makeAgency } from '../support/year-fixtures';
import { fillDate } from './harness/dates';

const app = useE2eApp({
  seed: (t) => {
    makeAgency(t.ctx, { departments: ['办公室'], perDepartment: 2 });
  },
});

async function addDay(page: Page, date: string, kind: '放假' | '调休上班', name: string) {
  await fillDate(page.getByTestId('calendar-new-date'), date);
  await page.getByTestId('calendar-new-kind').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(kind, { exact: true }).click();
  await page.getByTestId('calendar-new-name').fill(name);
  await page.getByTestId('calendar-add').click();
}

describe('holiday calendar (e2e)', () => {
  it('enters a year the app does not ship, refuses a bad day by name, saves with audit', async () => {
    const page = await openApp(app.browser, app.server.url, 'settings');
    const card = page.getByTestId('calendar-card');
    await card.waitFor({ timeout: 20_000 });
    // pick 2030, a year no table holds
    const other = card.getByPlaceholder('其他年份');
    await other.fill('2030');
    await other.press('Enter');
    await card.getByText('2030 年的节假日安排尚未录入').waitFor({ timeout: 10_000 });
    await addDay(page, '2030-01-01', '放假', '元旦');
    await addDay(page, '2030-02-06', '调休上班', '春节'); // a Wednesday: refused on save
    await page.getByTestId('calendar-basis').fill('国办发明电（测试）');
    await page.getByTestId('calendar-save').click();
    await page
      .locator('.ant-message-notice', { hasText: '2030-02-06 是星期三，本来就是工作日' })
      .waitFor({ timeout: 10_000 });
    expect(app.core.db.prepare('SELECT COUNT(*) AS n FROM calendar_year').get()).toEqual({ n: 0 });
    await page
      .getByTestId('calendar-days')
      .getByRole('row', { name: /2030-02-06/ })
      .getByText('删除')
      .click();
    await addDay(page, '2030-02-09', '调休上班', '春节'); // a Saturday
    await page.getByTestId('calendar-save').click();
    await page.locator('.ant-message-notice', { hasText: '已保存 2030 年节假日安排' }).waitFor({ timeout: 10_000 });
    expect(app.core.db.prepare('SELECT date, kind, name FROM calendar_day ORDER BY date').all()).toEqual([
      { date: '2030-01-01', kind: 'holiday', name: '元旦' },
      { date: '2030-02-09', kind: 'workday', name: '春节' },
    ]);
    const audit = app.core.db
      .prepare(`SELECT entity_id, reason FROM audit_log WHERE action = 'calendar.save'`)
      .all() as {
      entity_id: string;
      reason: string;
    }[];
    expect(audit).toEqual([{ entity_id: '2030', reason: '国办发明电（测试）' }]);
    await card.getByText('本单位录入').first().waitFor();
    // a shipped year shows its days: 2026 国庆 with Saturday 10 October worked
    await page.getByTestId('calendar-year').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('2026 年（内置）').click();
    await card.getByRole('row', { name: /2026-10-10/ }).waitFor({ timeout: 10_000 });
    expect(await card.getByRole('row', { name: /2026-10-10/ }).textContent()).toContain('调休上班');
    mkdirSync('test-results', { recursive: true });
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: 'test-results/calendar-card.png' });
  });
});
