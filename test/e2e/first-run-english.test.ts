// First run in English at 1366×768, through the real UI against the real core: the language is
// switched on the setup card itself, and the whole wizard — the two administrators, 单位 → 部门 →
// 人员 → 年度, the hand-over to the security administrator, the 考核办经办人 created and signing in —
// reads in English (no Chinese label on any of its screens) and ends with someone who can rate.
// Screenshots: test-results/first-run-en-<n>-<step>.png.
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './harness/e2e-app';
import type { Page } from 'playwright-core';
import { openApp, SMALL_SCREEN } from './harness/browser';
import { clippedColumns } from './harness/layout';

const app = useE2eApp({ signedIn: false });
let shot = 0;

/** Labels (titles, buttons, form labels, step titles) holding Chinese; data typed in is not among them. */
async function chineseLabels(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll(
        '.ant-card-head-title, button, .ant-form-item-label, .ant-steps-item-title, .ant-steps-item-description > span, .ant-divider, .ant-alert-message, th',
      ),
    ]
      .filter((el) => !el.closest('[data-testid="language-switch"]'))
      .map((el) => (el.textContent ?? '').trim())
      .filter((text) => /\p{Script=Han}/u.test(text)),
  );
}

async function look(page: Page, name: string) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: `test-results/first-run-en-${++shot}-${name}.png` });
  expect(await chineseLabels(page), name).toEqual([]);
  expect(await clippedColumns(page), name).toEqual([]);
}

async function signIn(page: Page, username: string, password: string) {
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const steps = (page: Page) => page.getByTestId('first-steps');

describe('first run in English (e2e, 1366×768)', () => {
  it('walks the wizard in English and ends with a clerk who can rate', async () => {
    const page = await openApp(app.browser, app.server.url, 'dashboard', SMALL_SCREEN);
    try {
      await page.getByTestId('language-switch').getByText('English').click({ timeout: 20_000 });
      await page.getByText('First run: create the administrator accounts').waitFor();
      await page.locator('#admin_username').fill('admin');
      await page.locator('#admin_displayName').fill('张管理');
      await page.locator('#admin_password').fill('short');
      await page.locator('#admin_confirm').fill('other');
      await page.locator('#security_username').fill('anquan');
      await page.locator('#security_displayName').fill('李安全');
      await page.locator('#security_password').fill('Baohu#2026bq');
      await page.locator('#security_confirm').fill('Baohu#2026bq');
      await page.getByRole('button', { name: 'Create and sign in' }).click();
      // the password rule and the mismatch are told in English before anything is sent
      await page.getByText('At least 8 characters', { exact: true }).waitFor();
      await page.getByText('The two passwords differ').waitFor();
      await look(page, 'setup-errors');
      await page.locator('#admin_password').fill('Kaohe#2026a');
      await page.locator('#admin_confirm').fill('Kaohe#2026a');
      await page.getByRole('button', { name: 'Create and sign in' }).click();

      await steps(page).getByText('Create the unit (next)').waitFor({ timeout: 20_000 });
      await look(page, 'agency');
      await page.getByLabel('Unit name').fill('某区发展和改革委员会');
      await page.getByTestId('wizard-agency').click();
      await steps(page).getByText('Create the departments (next)').waitFor({ timeout: 15_000 });
      await page.getByLabel('Department names').fill('办公室\n综合科');
      expect(await page.getByTestId('wizard-departments').textContent()).toBe('Create 2 departments');
      await look(page, 'departments');
      await page.getByTestId('wizard-departments').click();
      await steps(page).getByText('Enter staff or import them (next)').waitFor({ timeout: 15_000 });
      await look(page, 'people');
      const office = app.core.db.prepare("SELECT id FROM unit WHERE name = '办公室'").get() as { id: string };
      for (const [no, name] of [
        ['A001', '王一'],
        ['A002', '王二'],
      ] as const)
        await app.core.call('roster.create', {
          personNo: no,
          name,
          unitId: office.id,
          category: 'civil_servant',
          hireDate: '2020-01-01',
        });
      await page.reload();
      await steps(page).getByText('Create the assessment year (next)').waitFor({ timeout: 15_000 });
      await look(page, 'year');
      await steps(page).getByRole('button', { name: 'Create year' }).click();
      await steps(page)
        .getByText(/^Add the assessment clerk.*\(next\)$/)
        .waitFor({ timeout: 15_000 });
      expect(await steps(page).innerText()).toContain('A system administrator cannot create accounts');
      await look(page, 'handover');
      await page.getByTestId('wizard-handover').click();

      // the language choice stays with the workstation: the log-in form is in English too
      await page.locator('#username').waitFor({ timeout: 15_000 });
      await signIn(page, 'anquan', 'Baohu#2026bq');
      await page.getByTestId('no-clerk').waitFor({ timeout: 15_000 });
      await look(page, 'security');
      await page.getByTestId('create-clerk').click();
      const dialog = page.locator('.ant-modal').filter({ hasText: 'Add operator' });
      await dialog.getByLabel('User name').fill('jingban');
      await dialog.getByLabel('Full name').fill('赵经办');
      await dialog.getByLabel('First password').fill('Chushi#2026jb');
      await look(page, 'clerk-form');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('cell', { name: 'jingban' }).waitFor({ timeout: 15_000 });
      expect(await page.getByRole('cell', { name: 'Assessment clerk' }).count()).toBe(1);
      await expect.poll(() => page.getByTestId('no-clerk').count()).toBe(0);
      await page.getByRole('button', { name: 'Sign out' }).click();

      await signIn(page, 'jingban', 'Chushi#2026jb');
      await page.getByText('Change your password').waitFor({ timeout: 15_000 });
      await look(page, 'change-password');
      await page.locator('#oldPassword').fill('Chushi#2026jb');
      await page.locator('#newPassword').fill('Pingshi#2026ok');
      await page.locator('#confirm').fill('Pingshi#2026ok');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByRole('menuitem', { name: 'Quarterly ratings' }).waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('first-steps').count()).toBe(0);
      await look(page, 'clerk-dashboard');
    } catch (e) {
      await page.screenshot({ path: 'test-results/first-run-en-failed.png' });
      throw e;
    }
    await page.close();
  }, 240_000);
});
