// First run at 1366×768, through the real UI against the real core: the two administrators are set
// up, the administrator's dashboard walks 单位 → 部门 → 人员 → 年度 and then hands over; the security
// administrator is told the last step and creates the 考核办经办人; the 经办人 signs in and is offered
// rating and the year end. Every screen is checked for clipped columns. Screenshots:
// test-results/first-run-<n>-<step>.png.
import { describe, expect, it } from 'vitest';
import { setUpAdministrators, signIn, signInFirstTime, useE2eApp } from './harness/e2e-app';
import type { Page } from 'playwright-core';
import { openApp, SMALL_SCREEN } from './harness/browser';
import { clippedColumns } from './harness/layout';

const app = useE2eApp({
  signedIn: false, // nobody signed in: the app starts at the first-run setup
});
let shot = 0;

async function look(page: Page, name: string) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: `test-results/first-run-${++shot}-${name}.png` });
  expect(await clippedColumns(page), name).toEqual([]);
}

const steps = (page: Page) => page.getByTestId('first-steps');

describe('first run as a wizard (e2e, 1366×768)', () => {
  it('ends with a 考核办经办人 who can rate and decide, the duties kept apart', async () => {
    const page = await openApp(app.browser, app.server.url, 'dashboard', SMALL_SCREEN);
    await setUpAdministrators(page);
    await look(page, 'setup');
    await page.getByRole('button', { name: '创建并登录' }).click();

    // 1 单位
    await steps(page).getByText('建立单位（下一步）').waitFor({ timeout: 20_000 });
    await look(page, 'agency');
    await page.getByLabel('单位名称').fill('某区发展和改革委员会');
    await page.getByTestId('wizard-agency').click();
    // 2 部门
    await steps(page).getByText('建立部门（下一步）').waitFor({ timeout: 15_000 });
    await page.getByLabel('部门名称').fill('办公室\n综合科');
    await look(page, 'departments');
    await page.getByTestId('wizard-departments').click();
    // 3 人员: the step offers the template and the import (the file dialog is the desktop's); the
    // people are entered here through the roster service, as a department's file would bring them
    await steps(page).getByText('录入人员或从表格导入（下一步）').waitFor({ timeout: 15_000 });
    expect(
      await steps(page)
        .getByRole('button', { name: /从表格导入/ })
        .count(),
    ).toBe(1);
    await look(page, 'people');
    const office = app.core.db.prepare("SELECT id FROM unit WHERE name = '办公室'").get() as { id: string };
    for (const [no, name] of [
      ['A001', '王一'],
      ['A002', '王二'],
      ['A003', '王三'],
    ] as const)
      await app.core.call('roster.create', {
        personNo: no,
        name,
        unitId: office.id,
        category: 'civil_servant',
        hireDate: '2020-01-01',
      });
    await page.reload();
    // 4 年度
    await steps(page).getByText('建立考核年度（下一步）').waitFor({ timeout: 15_000 });
    await look(page, 'year');
    await steps(page).getByRole('button', { name: '建立年度' }).click();
    // 5 经办人: the administrator cannot create accounts; they hand over
    await steps(page).getByText('建立考核办经办人账号（下一步）').waitFor({ timeout: 15_000 });
    expect(await steps(page).innerText()).toContain('系统管理员不能创建账号');
    await look(page, 'handover');
    expect(await page.getByRole('menuitem', { name: '系统管理' }).count()).toBe(1);
    await page.getByTestId('wizard-handover').click();

    // the security administrator is told the last step and creates the 经办人
    await page.locator('#username').waitFor({ timeout: 15_000 });
    await signIn(page, 'anquan', 'Baohu#2026bq');
    await page.getByTestId('no-clerk').waitFor({ timeout: 15_000 });
    await look(page, 'security');
    await page.getByTestId('create-clerk').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '新建操作员' });
    await dialog.getByLabel('用户名').fill('jingban');
    await dialog.getByLabel('姓名').fill('赵经办');
    await dialog.getByLabel('初始密码').fill('Chushi#2026jb');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('cell', { name: 'jingban' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('no-clerk').count()).toBe(0);
    await look(page, 'clerk-created');
    await page.getByRole('button', { name: '退出登录' }).click();

    // the 经办人 signs in, changes the first password and can do the work
    await signInFirstTime(page, 'jingban', 'Chushi#2026jb', 'Pingshi#2026ok');
    try {
      await page.getByRole('menuitem', { name: '平时考核' }).waitFor({ timeout: 15_000 });
    } catch (e) {
      await page.screenshot({ path: 'test-results/first-run-failed.png' });
      throw e;
    }
    expect(await page.getByTestId('first-steps').count()).toBe(0);
    await look(page, 'clerk-dashboard');
    await page.getByRole('menuitem', { name: '平时考核' }).click();
    await page.locator('tr[data-person]').first().waitFor({ timeout: 20_000 });
    // offered: rating entry and the department's import
    expect(await page.getByRole('button', { name: /从表格导入/ }).count()).toBeGreaterThan(0);
    await look(page, 'clerk-ratings');
    await page.getByRole('menuitem', { name: '年终考核' }).click();
    await page.getByTestId('stage-bar').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('stage-review').count()).toBe(1);
    await look(page, 'clerk-yearend');
    await page.close();
  }, 240_000);
});
