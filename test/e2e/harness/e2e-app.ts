// The set-up every e2e file shares: a temp store at the fixed test clock (seeded by the file on this
// thread), then the core in its own thread as the app runs it (CoreHost: the page's calls, dialogs and
// pushed job states cross the thread), the harness serving the built renderer against it (signed in
// as the system operator, or nobody for the first-run screens), and one Chromium — all closed after
// the file. Read the parts inside tests: they are set in beforeAll.
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { launchBrowser } from './browser';
import { startHarness, type HarnessServer } from './server';
import { startThreadedCore, type ThreadedCore } from './core-thread';
import { tempCore, type TempCore } from '../../support/temp-core';
import type { ScriptedDesktop } from '../../../electron/core/desktop';

export interface E2eApp {
  /** the seeded store's folder and the test-thread core used to seed it (closed once the core thread opens) */
  t: TempCore;
  /** the core thread: `core.db` reads the store, `core.call` writes through the contract, `core.desktop` picks files */
  core: ThreadedCore;
  server: HarnessServer;
  browser: Browser;
}

export interface E2eAppOptions {
  /** fills the store before the harness starts (units, people, a year…) */
  seed?: (t: TempCore) => unknown;
  /** false: nobody is signed in, so the app starts at the log-in or first-run setup */
  signedIn?: boolean;
  /** answers the file dialogs (default: an empty one, at `app.core.desktop`) */
  desktop?: ScriptedDesktop;
}

export function useE2eApp(options: E2eAppOptions = {}): E2eApp {
  const app = {} as E2eApp;
  beforeAll(async () => {
    app.t = tempCore();
    await options.seed?.(app.t);
    app.core = await startThreadedCore(app.t, { signedIn: options.signedIn, desktop: options.desktop });
    app.server = await startHarness(app.core.host);
    app.browser = await launchBrowser();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
    await app.core?.close();
    app.t?.cleanup();
  });
  return app;
}

/** Fills the log-in form and presses 登录. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** A first log-in: signs in, answers the forced 修改密码 form, and returns once the app is open. */
export async function signInFirstTime(page: Page, username: string, first: string, next: string): Promise<void> {
  await signIn(page, username, first);
  await page.getByText('请修改密码').waitFor({ timeout: 15_000 });
  await page.locator('#oldPassword').fill(first);
  await page.locator('#newPassword').fill(next);
  await page.locator('#confirm').fill(next);
  await page.getByRole('button', { name: '修改密码' }).click();
}

/** The first-run form: the 系统管理员 and the 安全管理员, then 创建并登录. */
export async function setUpAdministrators(page: Page): Promise<void> {
  await page.getByText('首次使用：创建管理员账号').waitFor({ timeout: 20_000 });
  await page.locator('#admin_username').fill('admin');
  await page.locator('#admin_displayName').fill('张管理');
  await page.locator('#admin_password').fill('Kaohe#2026a');
  await page.locator('#admin_confirm').fill('Kaohe#2026a');
  await page.locator('#security_username').fill('anquan');
  await page.locator('#security_displayName').fill('李安全');
  await page.locator('#security_password').fill('Baohu#2026bq');
  await page.locator('#security_confirm').fill('Baohu#2026bq');
}
