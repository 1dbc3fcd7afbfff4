// A store whose audit log was edited outside the app: the window still opens, with a red banner
// naming the first broken entry; the audit page's verify says the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { launchBrowser, openApp } from './harness/browser';
import { startHarness, type HarnessServer } from './harness/server';
import { startThreadedCore, type ThreadedCore } from './harness/core-thread';
import { tempCore, type TempCore } from '../support/temp-core';
import { recordAudit } from '../../electron/core/audit/audit-log';
import { writeTx } from '../../electron/core/context';

let t: TempCore;
let core: ThreadedCore;
let server: HarnessServer;
let browser: Browser;

beforeAll(async () => {
  t = tempCore();
  for (let i = 0; i < 4; i++)
    writeTx(t.ctx, () =>
      recordAudit(t.ctx, { action: 'person.create', entity: 'person', entityId: `p${i}`, after: { name: `人员${i}` } }),
    );
  t.core.close();
  const raw = new Database(t.core.storeFile);
  raw.exec('DROP TRIGGER audit_log_no_update; UPDATE audit_log SET after_json = \'{"name":"改名"}\' WHERE seq = 2;');
  // The trigger put back as the migrations define it: a store missing it is refused on open.
  raw.exec(
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\nBEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;",
  );
  raw.close();
  // Opened again by the core thread, an hour later, as the app would be the next time.
  core = await startThreadedCore(t, { nowIso: '2026-11-25T03:00:00Z' });
  server = await startHarness(core.host);
  browser = await launchBrowser();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await core?.close();
  t?.cleanup();
});

describe('a broken audit chain on open', () => {
  it('opens with a red banner naming the entry, and verify on the audit page agrees', async () => {
    const page = await openApp(browser, server.url, 'audit');
    const banner = page.getByTestId('audit-warning');
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.innerText()).toMatch(/审计日志被改动：第 2 条审计记录的内容被修改/);
    await page.getByRole('button', { name: '校验审计链' }).click();
    await page.getByText(/审计链校验未通过/).waitFor();
    expect(await page.getByText('第一条有问题的记录：第 2 条').count()).toBe(1);
    await page.screenshot({ path: 'test-results/audit-broken.png' });
  }, 60_000);
});
