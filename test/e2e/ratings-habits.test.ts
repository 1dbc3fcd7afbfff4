// The ratings grid's spreadsheet habits in Chromium against the real core: Shift+arrows and a drag
// select a range, Ctrl+C puts it on the clipboard as Excel cells, Ctrl+D fills down, a block pasted
// from Excel lands over two columns, Delete clears a range, Ctrl+Z / Ctrl+Y undo and redo — and the
// store holds what the screen shows after each.
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './harness/e2e-app';
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { openApp, SMALL_SCREEN } from './harness/browser';
import { makeAgency, makeYear } from '../support/year-fixtures';

const app = useE2eApp({
  seed: (t) => {
    const fx = makeAgency(t.ctx, { departments: ['办公室'], perDepartment: 5 });
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

/** What the store holds for one column, A001…A005 in order. */
function stored(field: 'rater' | 'rating' | 'comment') {
  const rows = app.core.db
    .prepare(
      `SELECT p.person_no AS no, r.${field} AS v FROM person p LEFT JOIN period_rating r ON r.person_id = p.id
       AND r.period_id = (SELECT id FROM period WHERE code = '2026Q4')
       ORDER BY p.person_no`,
    )
    .all() as { no: string; v: string | null }[];
  return rows.map((r) => r.v ?? '');
}

/** The clipboard text of the next copy or cut, read as the page wrote it. */
async function nextClipboard(page: Page, keys: string) {
  await page.evaluate(() => {
    (window as unknown as { copied?: string }).copied = undefined;
    window.addEventListener(
      'copy',
      (e) => ((window as unknown as { copied?: string }).copied = e.clipboardData?.getData('text/plain')),
      { once: true },
    );
  });
  await page.keyboard.press(keys);
  return page.evaluate(() => (window as unknown as { copied?: string }).copied);
}

describe('ratings grid office habits (e2e)', () => {
  it('selects, copies, fills down, pastes a block, clears, undoes and redoes', async () => {
    const page = await openApp(app.browser, app.server.url, 'ratings', SMALL_SCREEN);
    await page.getByRole('grid', { name: '平时考核录入表' }).waitFor({ timeout: 20_000 });
    await page.getByRole('combobox', { name: '考核期间' }).click();
    await page.locator('.ant-select-item-option[title="第四季度（2026Q4）"]').click();
    await cell(page, 'A001', 'rating').waitFor();

    // Ratings by key, then 评价人 typed once and filled down over three rows with Ctrl+D.
    await cell(page, 'A001', 'rating').click();
    for (const k of ['2', '3', '2']) await page.keyboard.press(k);
    await cell(page, 'A001', 'rater').click();
    await page.keyboard.type('张科长');
    await page.keyboard.press('Enter');
    await waitSaved(page);
    await cell(page, 'A001', 'rater').click();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowDown');
    expect(await page.locator('td[aria-selected="true"]').count()).toBe(4);
    await page.keyboard.press('Control+d');
    await waitSaved(page);
    await expect.poll(() => stored('rater')).toEqual(['张科长', '张科长', '张科长', '张科长', '']);

    // Ctrl+Z takes the whole fill back in one step; Ctrl+Y puts it back.
    await page.keyboard.press('Control+z');
    await waitSaved(page);
    await expect.poll(() => stored('rater')).toEqual(['张科长', '', '', '', '']);
    await page.keyboard.press('Control+y');
    await waitSaved(page);
    await expect.poll(() => stored('rater')).toEqual(['张科长', '张科长', '张科长', '张科长', '']);

    // A drag from A001 等次 to A003 评语 selects 3 × 2 cells; Ctrl+C gives Excel's tab-separated text.
    await cell(page, 'A001', 'rating').hover();
    await page.mouse.down();
    await cell(page, 'A002', 'comment').hover();
    await cell(page, 'A003', 'comment').hover();
    await page.mouse.up();
    expect(await page.locator('td[aria-selected="true"]').count()).toBe(6);
    expect(await nextClipboard(page, 'Control+c')).toBe('较好\t\r\n一般\t\r\n较好\t\r\n');

    // A block copied from Excel (two columns, one quoted cell with a line break) pasted at A004 等次.
    await cell(page, 'A004', 'rating').click();
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.setData('text/plain', '一般\t"按时完成\n任务"\r\n较好\t认真负责\r\n');
      document
        .querySelector('[role="grid"]')!
        .dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await waitSaved(page);
    await expect.poll(() => stored('rating')).toEqual(['fair', 'average', 'fair', 'average', 'fair']);
    expect(stored('comment')).toEqual(['', '', '', '按时完成\n任务', '认真负责']);
    // The pasted block stays selected.
    expect(await page.locator('td[aria-selected="true"]').count()).toBe(4);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/ratings-range.png' });

    // Delete over the block clears both columns; one undo brings both back.
    await page.keyboard.press('Delete');
    await waitSaved(page);
    await expect.poll(() => stored('comment')).toEqual(['', '', '', '', '']);
    expect(stored('rating')).toEqual(['fair', 'average', 'fair', '', '']);
    await page.keyboard.press('Control+z');
    await waitSaved(page);
    await expect.poll(() => stored('comment')).toEqual(['', '', '', '按时完成\n任务', '认真负责']);
    expect(stored('rating')).toEqual(['fair', 'average', 'fair', 'average', 'fair']);
  });
});
