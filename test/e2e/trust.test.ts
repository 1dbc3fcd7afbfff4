// Log-in in the built renderer against the real core: first-run setup of the two administrators,
// signing in and out, five wrong passwords lock the account, a first log-in forces a password
// change, and the auditor's audit page. Screenshots go to test-results/.
import { describe, expect, it } from 'vitest';
import { setUpAdministrators, signIn, signInFirstTime, useE2eApp } from './harness/e2e-app';
import { openApp } from './harness/browser';

const app = useE2eApp({
  signedIn: false, // nobody signed in: the app starts at the first-run setup
});

describe('log-in', () => {
  it('first run asks for the two administrators, then shows the app; log-out returns to the log-in form', async () => {
    const page = await openApp(app.browser, app.server.url);
    await setUpAdministrators(page);
    await page.screenshot({ path: 'test-results/setup.png' });
    await page.getByRole('button', { name: '创建并登录' }).click();
    await page.getByRole('menuitem', { name: '人员名册' }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('operator-bar').innerText()).toContain('张管理');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.locator('#username').waitFor();
    await page.screenshot({ path: 'test-results/login.png' });
    await page.close();
  }, 60_000);

  it('five wrong passwords lock the account with a clear message', async () => {
    const page = await openApp(app.browser, app.server.url);
    for (let i = 1; i <= 5; i++) {
      await signIn(page, 'anquan', `Wrong#pass${i}`);
      await page
        .getByRole('alert')
        .filter({ hasText: i < 5 ? '用户名或密码错误' : '已被锁定' })
        .waitFor({ timeout: 15_000 });
    }
    expect(await page.getByRole('alert').innerText()).toMatch(/连续输错密码已被锁定.*之后再试/);
    await page.screenshot({ path: 'test-results/login-locked.png' });
    // Even the right password is refused now.
    await signIn(page, 'anquan', 'Baohu#2026bq');
    await page.getByRole('alert').filter({ hasText: '已被锁定' }).waitFor();
    await page.close();
  }, 90_000);

  it('an auditor changes the first password, then reads the audit log', async () => {
    await app.core.call('operators.create', {
      username: 'shenji',
      displayName: '王审计',
      role: 'auditor',
      unitScope: [],
      password: 'Chushi#2026x',
    });
    const page = await openApp(app.browser, app.server.url, 'audit');
    await signInFirstTime(page, 'shenji', 'Chushi#2026x', 'Chayue#2026yz');
    try {
      await page.getByRole('heading', { name: '审计日志' }).waitFor({ timeout: 15_000 });
    } catch (e) {
      await page.screenshot({ path: 'test-results/audit-failed.png' });
      throw e;
    }
    await page.getByRole('cell', { name: '账号锁定' }).first().waitFor();
    await page.getByRole('button', { name: '校验审计链' }).click();
    await page.getByText(/审计链完整：共 \d+ 条记录/).waitFor();
    await page.screenshot({ path: 'test-results/audit.png' });
    await page.close();
  }, 90_000);

  it('the system page shows the security administrator the operators', async () => {
    // The lockout of 'anquan' is over after an administrator reset; here the core resets it directly.
    app.core.writeRaw("UPDATE operator SET locked_until = NULL, failed_attempts = 0 WHERE username = 'anquan'");
    const page = await openApp(app.browser, app.server.url, 'system');
    await page.getByRole('button', { name: '退出登录' }).click(); // the auditor of the previous test
    await signIn(page, 'anquan', 'Baohu#2026bq');
    await page.getByRole('tab', { name: '操作员' }).waitFor({ timeout: 15_000 });
    await page.getByRole('cell', { name: 'shenji' }).waitFor();
    await page.screenshot({ path: 'test-results/system-operators.png' });
    await page.close();
  }, 60_000);

  it('the administrator backs up from the system page and sees the audit head', async () => {
    const page = await openApp(app.browser, app.server.url, 'system');
    await page.getByRole('button', { name: '退出登录' }).click();
    await signIn(page, 'admin', 'Kaohe#2026a');
    await page.getByRole('tab', { name: '数据备份' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: /立即备份/ }).click();
    await page.getByRole('cell', { name: '手动' }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: 'test-results/system-backups.png' });
    // Restore the backup just taken: a reason is asked for, main checks the file and keeps the current store first.
    await page
      .getByRole('row', { name: /手动/ })
      .getByRole('button', { name: /恢\s*复/ })
      .click();
    await page.getByPlaceholder('恢复原因（必填，记入审计日志）').fill('演练恢复');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /恢\s*复/ })
      .click();
    await page.getByText('已恢复').waitFor({ timeout: 15_000 });
    await page.getByRole('cell', { name: '恢复前' }).waitFor();
    await page.getByRole('tab', { name: '程序与数据' }).click();
    // The head arrives with system.info after the tab opens: wait for it rather than read it once.
    await expect.poll(() => page.getByTestId('audit-head').innerText(), { timeout: 15_000 }).toMatch(/^[0-9a-f]{64}$/);
    // Lock the window: main refuses calls until the password is given again.
    await page.getByRole('button', { name: '锁定' }).click();
    await page.getByRole('dialog', { name: '窗口已锁定' }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: 'test-results/lock.png' });
    await page.locator('#password').fill('Kaohe#2026a');
    await page.getByRole('button', { name: /解\s*锁/ }).click();
    await page.getByRole('dialog', { name: '窗口已锁定' }).waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByTestId('audit-head').waitFor();
    await page.close();
  }, 60_000);
});
