// A department larger than one page of the ratings grid, in Chromium against the real core (in its
// own thread): the store sends one page of 100, the pager turns to the next, keyboard entry and
// fill-down work on that page, and the cap panel counts the whole department, not the page. A rating
// written meanwhile by another connection (as a job worker's import) shows when the page comes back.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2eApp } from './harness/e2e-app';
import { openApp } from './harness/browser';
import { makeAgency, makeYear } from '../support/year-fixtures';
import { openStore } from '../../electron/core/db/open';
import { storeFile } from '../../electron/core/db/paths';
import { saveRatingsBatch } from '../../electron/core/ratings/save';

let office = '';
const app = useE2eApp({
  seed: (t) => {
    const fx = makeAgency(t.ctx, { departments: ['办公室'], perDepartment: 120 });
    office = fx.departments['办公室']!;
    makeYear(t.ctx, fx.agencyId);
  },
});

const cell = (page: Page, personNo: string, field: string) =>
  page.locator(`tr[data-person="${personNo}"] td[data-field="${field}"]`);

async function waitSaved(page: Page) {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="save-state"]')?.textContent?.startsWith('已保存'),
    undefined,
    { timeout: 10_000 },
  );
}

/** What the store holds for one field of the fourth quarter, by 人员编号. */
function stored(field: 'rater' | 'rating', personNos: string[]) {
  const rows = app.core.db
    .prepare(
      `SELECT p.person_no AS no, r.${field} AS v FROM person p JOIN period_rating r ON r.person_id = p.id
        AND r.period_id = (SELECT id FROM period WHERE code = '2026Q4')`,
    )
    .all() as { no: string; v: string | null }[];
  const by = new Map(rows.map((r) => [r.no, r.v ?? '']));
  return personNos.map((no) => by.get(no) ?? '');
}

describe('ratings grid pages (e2e)', () => {
  it('turns pages of a 120-person department; entry and fill-down on page 2; the cap counts the department', async () => {
    const page = await openApp(app.browser, app.server.url, 'ratings');
    await page.getByRole('grid', { name: '平时考核录入表' }).waitFor({ timeout: 20_000 });
    await page.getByRole('combobox', { name: '考核期间' }).click();
    await page.locator('.ant-select-item-option[title="第四季度（2026Q4）"]').click();
    await cell(page, 'A001', 'rating').waitFor();
    expect(await page.locator('tr[data-person]').count()).toBe(100);
    await expect.poll(() => page.getByTestId('grid-pages').textContent()).toContain('共 120 人');
    expect(await page.getByTestId('cap-dept-missing').textContent()).toBe('未评 120 人');

    // Page 2: the last 20 people, numbered on from 101.
    await page.locator('[data-testid="grid-pages"] .ant-pagination-item-2').click();
    await cell(page, 'A101', 'rating').waitFor();
    expect(await page.locator('tr[data-person]').count()).toBe(20);
    expect(await page.locator('tr[data-person="A101"] td').first().textContent()).toBe('101');

    // Keyboard entry: 1 好 and 2 较好, each moving down; the cap panel counts the whole department.
    await cell(page, 'A101', 'rating').click();
    await page.keyboard.press('1');
    await page.keyboard.press('2');
    await waitSaved(page);
    await expect.poll(() => page.getByTestId('cap-dept-missing').textContent()).toBe('未评 118 人');
    await expect.poll(() => stored('rating', ['A101', 'A102'])).toEqual(['good', 'fair']);

    // 评价人 typed once and filled down over three rows with Ctrl+D.
    await cell(page, 'A101', 'rater').click();
    await page.keyboard.type('李科长');
    await page.keyboard.press('Enter');
    await waitSaved(page);
    await cell(page, 'A101', 'rater').click();
    for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+d');
    await waitSaved(page);
    await expect
      .poll(() => stored('rater', ['A101', 'A102', 'A103', 'A104']))
      .toEqual(['李科长', '李科长', '李科长', '']);

    // Another connection to the store (a job worker's) rates A005; page 1 shows it, the cap follows.
    const worker = openStore(storeFile(app.t.dir), { skipMigrate: true, quickCheck: false });
    try {
      saveRatingsBatch({ ...app.t.ctx, db: worker }, [
        { periodId: periodOf(worker), personId: personOf(worker, 'A005'), unitId: office, rating: 'average' },
      ]);
    } finally {
      worker.close();
    }
    await page.locator('[data-testid="grid-pages"] .ant-pagination-item-1').click();
    await cell(page, 'A001', 'rating').waitFor();
    await expect.poll(() => cell(page, 'A005', 'rating').textContent()).toBe('一般');
    expect(await page.getByTestId('cap-dept-missing').textContent()).toBe('未评 117 人');
    await page.close();
  });
});

function periodOf(db: ReturnType<typeof openStore>): string {
  return db.prepare("SELECT id FROM period WHERE code = '2026Q4'").pluck().get() as string;
}
function personOf(db: ReturnType<typeof openStore>, personNo: string): string {
  return db.prepare('SELECT id FROM person WHERE person_no = ?').pluck().get(personNo) as string;
}
