// The ratings grid in Chromium against the real core: fill a department's period by keyboard (rating
// keys, arrows, Enter, typed text), see the autosave state and the cap share, reload, values persist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { framesRendered, launchBrowser, openApp } from './harness/browser';
import { startHarness, type HarnessServer } from './harness/server';
import { startThreadedCore, type ThreadedCore } from './harness/core-thread';
import { tempCore, type TempCore } from '../support/temp-core';
import { makeAgency, makeYear, move, type AgencyFixture } from '../support/year-fixtures';
import { defaultYearSettings } from '../../shared/settings/year-settings';

let t: TempCore;
let core: ThreadedCore;
let server: HarnessServer;
let browser: Browser;
let fx: AgencyFixture;
let yearId: string;

beforeAll(async () => {
  t = tempCore();
  fx = makeAgency(t.ctx, { departments: ['办公室', '规划科'], perDepartment: 5 });
  // One person moved from 规划科 to 办公室 in the middle of the fourth quarter.
  move(t.ctx, fx.people['A006']!, fx.departments['办公室']!, '2026-11-02');
  yearId = makeYear(t.ctx, fx.agencyId).year.id;
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

const cell = (page: Page, personNo: string, field: string) =>
  page.locator(`tr[data-person="${personNo}"] td[data-field="${field}"]`);
const saveState = (page: Page) => page.getByTestId('save-state');

async function waitSaved(page: Page) {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="save-state"]')?.textContent?.startsWith('已保存'),
    undefined,
    { timeout: 10_000 },
  );
}

describe('ratings grid (e2e)', () => {
  it('fills a period by keyboard, autosaves, shows the cap, and the values persist', async () => {
    const page = await openApp(browser, server.url, 'ratings');
    await page.getByRole('grid', { name: '平时考核录入表' }).waitFor({ timeout: 20_000 });
    // The page opens on the period containing today (Q4 by the test machine's date) or the one chosen.
    const periodSelect = page.getByRole('combobox', { name: '考核期间' });
    await periodSelect.click();
    await page.locator('.ant-select-item-option[title="第四季度（2026Q4）"]').click();
    await cell(page, 'A001', 'rating').waitFor();
    expect(await page.locator('tr[data-person]').count()).toBe(6); // 5 + the mover
    await expect.poll(() => cell(page, 'A006', 'rating').locator('xpath=..').textContent()).toContain('11月2日调入');
    expect(await page.getByTestId('cap-dept-missing').textContent()).toBe('未评 6 人');

    // Ratings by key: 1 好, h 好, 2 较好, y 一般, j 较好 — each key moves down.
    await cell(page, 'A001', 'rating').click();
    for (const k of ['1', 'h', '2', 'y', 'j']) await page.keyboard.press(k);
    await waitSaved(page);
    // Arrow up back to A005, then type a third 好 over the 较好 → over the cap (2 of 6), warned.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('1');
    await waitSaved(page);
    await expect.poll(() => page.getByTestId('cap-dept-text').textContent()).toContain('“好” 3 人 / 上限 2 人');
    expect(await page.getByTestId('cap-dept-text').textContent()).toContain('已超出');
    // Undo the last change (Ctrl+Z) → back to 较好.
    await page.keyboard.press('Control+z');
    await waitSaved(page);
    await expect.poll(() => cell(page, 'A004', 'rating').textContent()).toBe('一般');
    await expect.poll(() => page.getByTestId('cap-dept-text').textContent()).toContain('“好” 2 人 / 上限 2 人');

    // The last person: move there with ArrowDown, rate, then type 工作纪实 in place (Enter commits).
    await cell(page, 'A006', 'rating').click();
    await page.keyboard.press('3');
    // Typing Chinese straight onto a text cell opens its editor (as an input method's committed text would);
    // Enter (or F2, or a double click) opens it too.
    await cell(page, 'A001', 'workRecord').click();
    await page.keyboard.type('完成年度规划中期评估');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp'); // 评语 column of A001
    await page.keyboard.press('Enter');
    await page.keyboard.type('工作扎实');
    await page.keyboard.press('Enter');
    await waitSaved(page);
    expect(await page.getByTestId('cap-dept-missing').textContent()).toBe('未评 0 人');
    expect(await page.getByTestId('cap-unit-text').textContent()).toContain('“好” 2 人 / 上限 4 人');

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/ratings.png', fullPage: true });

    // Reload: everything came from the store.
    await page.reload();
    await page.getByRole('grid', { name: '平时考核录入表' }).waitFor({ timeout: 20_000 });
    await periodSelect.click();
    await page.locator('.ant-select-item-option[title="第四季度（2026Q4）"]').click();
    await expect.poll(() => cell(page, 'A002', 'rating').textContent()).toBe('好');
    const ratings = [];
    for (const no of ['A001', 'A002', 'A003', 'A004', 'A005', 'A006'])
      ratings.push(await cell(page, no, 'rating').textContent());
    expect(ratings).toEqual(['好', '好', '较好', '一般', '较好', '一般']);
    expect(await cell(page, 'A001', 'workRecord').textContent()).toBe('完成年度规划中期评估');
    expect(await cell(page, 'A001', 'comment').textContent()).toBe('工作扎实');
    const stored = core.db.prepare(`SELECT count(*) AS n FROM period_rating WHERE rating IS NOT NULL`).get() as {
      n: number;
    };
    expect(stored.n).toBe(6);
    expect(await saveState(page).textContent()).toBe('自动保存');
  });

  it('a blocking cap asks for a reason (override recorded); the 复核 tab returns a department with a note', async () => {
    const base = defaultYearSettings();
    await core.call('years.updateSettings', {
      yearId,
      settings: { ...base, goodCap: { ...base.goodCap, enforcement: 'block' } },
    });
    const page = await openApp(browser, server.url, 'ratings');
    await page.getByRole('grid', { name: '平时考核录入表' }).waitFor({ timeout: 20_000 });
    await cell(page, 'A003', 'rating').click();
    await page.keyboard.press('1'); // a third 好 in 办公室: over the cap of 2
    const reason = page.getByRole('textbox', { name: '突破理由' });
    await reason.waitFor({ timeout: 10_000 });
    await reason.fill('经考核办同意，该同志牵头完成重点项目');
    await page.screenshot({ path: 'test-results/ratings-override.png' });
    await page.getByRole('button', { name: '确认突破并保存' }).click();
    await waitSaved(page);
    await expect.poll(() => page.getByTestId('cap-dept-text').textContent()).toContain('“好” 3 人 / 上限 2 人');
    const o = core.db.prepare('SELECT reason, good_count, cap FROM cap_override').all();
    expect(o).toEqual([{ reason: '经考核办同意，该同志牵头完成重点项目', good_count: 3, cap: 2 }]);

    // Cancelling the dialog leaves the value unsaved.
    await cell(page, 'A005', 'rating').click();
    await page.keyboard.press('1');
    await page.getByRole('button', { name: '取消，不保存' }).click();
    await expect.poll(() => saveState(page).textContent()).toContain('保存失败');
    await expect.poll(() => cell(page, 'A005', 'rating').textContent()).toBe('较好');

    // An input method composing on the rating column: the committed “较好” is read as the rating.
    await cell(page, 'A004', 'rating').click();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'jiaohao', selectionStart: 7, selectionEnd: 7 });
    await cdp.send('Input.insertText', { text: '较好' });
    await waitSaved(page);
    await expect.poll(() => cell(page, 'A004', 'rating').textContent()).toBe('较好');

    // Paste a column copied from Excel into 评价人 (one batch save); then undo it with Ctrl+Z.
    await cell(page, 'A001', 'rater').click();
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.setData('text/plain', '张科长\r\n张科长\r\n李科长\r\n');
      document
        .querySelector('[role="grid"]')!
        .dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await waitSaved(page);
    await expect.poll(() => cell(page, 'A003', 'rater').textContent()).toBe('李科长');
    const raters = () =>
      (
        core.db
          .prepare(
            `SELECT rater FROM period_rating r JOIN person p ON p.id = r.person_id WHERE p.person_no IN ('A001','A002','A003') ORDER BY p.person_no`,
          )
          .all() as { rater: string }[]
      ).map((r) => r.rater);
    expect(raters()).toEqual(['张科长', '张科长', '李科长']);
    await page.keyboard.press('Control+z');
    await waitSaved(page);
    await expect.poll(raters).toEqual(['', '', '']);

    await page.getByRole('tab', { name: '复核' }).click();
    const officeRow = page.locator('tr[data-row-key]', { hasText: '办公室' });
    await officeRow.waitFor();
    expect(await officeRow.textContent()).toContain('超过上限 2 人');
    await officeRow.getByRole('button', { name: /^退\s?回$/ }).click();
    await page.getByRole('textbox', { name: '退回意见' }).fill('“好”比例过高，请重新评定');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /^退\s?回$/ })
      .click();
    await expect.poll(() => officeRow.textContent()).toContain('已退回');
    await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await page
      .locator('.ant-message-notice')
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => undefined);
    await page.screenshot({ path: 'test-results/ratings-review.png', fullPage: true });
    await page.getByRole('tab', { name: '录入' }).click();
    await expect.poll(() => page.getByText('考核办已退回本部门本期结果').count()).toBe(1);

    // Accept it again; the period can be marked reviewed only once every department is accepted
    // (规划科 too); then mark it (confirming the unrated count): the grid becomes read-only.
    await page.getByRole('tab', { name: '复核' }).click();
    await officeRow.getByRole('button', { name: /^通\s?过$/ }).click();
    await expect.poll(() => officeRow.textContent()).toContain('已通过');
    await expect.poll(() => page.getByText('规划科：尚未通过').count()).toBe(1);
    expect(await page.getByRole('button', { name: '标记本期已复核' }).isDisabled()).toBe(true);
    const planRow = page.locator('tr[data-row-key]', { hasText: '规划科' });
    await planRow.getByRole('button', { name: /^通\s?过$/ }).click();
    await expect.poll(() => planRow.textContent()).toContain('已通过');
    await expect.poll(() => page.getByRole('button', { name: '标记本期已复核' }).isDisabled()).toBe(false);
    await page.getByRole('button', { name: '标记本期已复核' }).click();
    expect(await page.locator('.ant-popconfirm').textContent()).toContain('全单位还有 4 人未评');
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /^标\s?记$/ })
      .click();
    await page.getByRole('button', { name: '重新打开' }).waitFor();
    await page.getByRole('tab', { name: '录入' }).click();
    await expect.poll(() => page.getByText('已由考核办复核，结果不能再修改').count()).toBe(1);
    await cell(page, 'A004', 'rating').click();
    await page.keyboard.press('4');
    await framesRendered(page); // the key has been handled and React has painted its answer
    expect(await cell(page, 'A004', 'rating').textContent()).toBe('较好');
    const a004 = core.db
      .prepare(`SELECT rating FROM period_rating r JOIN person p ON p.id = r.person_id WHERE p.person_no = 'A004'`)
      .all();
    expect(a004).toEqual([{ rating: 'fair' }]);
  });
});
