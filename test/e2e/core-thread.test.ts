// The app as the desktop runs it: the core (store connection, sessions, dispatch, jobs) in its own
// thread behind CoreHost, the page's calls routed to it. A clerk signs in, rates a cell in the grid
// and the value reaches the store; the thread serving the page stays free while the core works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import Database from 'better-sqlite3';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { launchBrowser, openApp } from './harness/browser';
import { HARNESS_SESSION, startHarness, type HarnessServer } from './harness/server';
import { tempCore, type TempCore } from '../support/temp-core';
import { makeAgency, makeYear } from '../support/year-fixtures';
import { GOOD_PASSWORD } from '../support/trust-fixtures';
import { createOperator } from '../../electron/core/auth/operators';
import { storeFile } from '../../electron/core/db/paths';
import { CoreHost } from '../../electron/core/host/core-host';
import { ScriptedDesktop } from '../../electron/core/desktop';

const NEW_PASSWORD = 'Pingshi#2027q';
let t: TempCore;
let host: CoreHost;
let server: HarnessServer;
let browser: Browser;

beforeAll(async () => {
  // Seed on this thread, then close: from here on only the core thread holds a connection.
  t = tempCore();
  makeAgency(t.ctx, { departments: ['办公室', '规划科'], perDepartment: 5 });
  makeYear(t.ctx, (t.core.db.prepare('SELECT id FROM unit WHERE parent_id IS NULL').get() as { id: string }).id);
  // Through the service, audited: a row inserted behind the audit log's back pauses every write.
  await createOperator(t.ctx, {
    username: 'jingban',
    displayName: '经办人',
    role: 'clerk',
    unitScope: [],
    password: GOOD_PASSWORD,
  });
  t.core.close();
  host = await CoreHost.start({
    dataDir: t.dir,
    fixedNowIso: '2026-11-25T02:00:00Z',
    checkOutputs: true,
    autoBackup: false,
    // every call is "slow" here, so the system page has rows to show
    slowCallMs: 0,
    desktop: new ScriptedDesktop(),
    logError: () => undefined,
  });
  server = await startHarness(host);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await host?.close();
  t?.cleanup();
});

describe('core in its own thread (e2e)', () => {
  it('signs in, rates a cell through the core thread, and the store holds it', async () => {
    expect(
      await host.call('auth.login', { username: 'jingban', password: GOOD_PASSWORD }, HARNESS_SESSION),
    ).toMatchObject({ ok: true, value: { operator: { role: 'clerk' }, mustChangePassword: true } });
    // A new account's first log-in changes its password before anything else.
    expect(
      await host.call(
        'auth.changePassword',
        { oldPassword: GOOD_PASSWORD, newPassword: NEW_PASSWORD },
        HARNESS_SESSION,
      ),
    ).toMatchObject({ ok: true });
    // Another session key is another session: not signed in.
    expect(await host.call('roster.list', {}, 'someone-else')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });

    const page = await openApp(browser, server.url, 'ratings');
    await page.getByRole('grid', { name: '平时考核录入表' }).waitFor({ timeout: 20_000 });
    await page.getByRole('combobox', { name: '考核期间' }).click();
    await page.locator('.ant-select-item-option[title="第四季度（2026Q4）"]').click();
    const first = page.locator('tr[data-person="A001"] td[data-field="rating"]');
    await first.waitFor();
    await first.click();
    await page.keyboard.press('1');
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).toBe('好');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="save-state"]')?.textContent?.startsWith('已保存'),
      undefined,
      { timeout: 10_000 },
    );
    // Read back through a connection of our own: the core thread wrote it, with its audit row.
    const db = new Database(storeFile(t.dir), { readonly: true });
    try {
      expect(
        db
          .prepare(
            `SELECT r.rating FROM period_rating r JOIN person p ON p.id = r.person_id
             JOIN period ap ON ap.id = r.period_id WHERE p.person_no = 'A001' AND ap.code = '2026Q4'`,
          )
          .get(),
      ).toEqual({ rating: 'good' });
      expect(db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'rating.create'").get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  it('shows the slow-call log on the system page: method names and durations only', async () => {
    const page = await openApp(browser, server.url, 'system');
    await page.getByRole('tab', { name: '慢操作记录' }).click();
    const table = page.getByRole('table').last();
    await expect.poll(() => table.textContent(), { timeout: 10_000 }).toContain('ratings.save');
    expect(await table.textContent()).not.toContain('A001');
  });

  it('keeps the calling thread free while the core thread works', async () => {
    // 20 grid loads back to back: the work is in the core thread, so this thread's event loop
    // (the one that would move windows) sees no long stall.
    const periods = (await host.call('years.list', {}, HARNESS_SESSION)) as { ok: boolean };
    expect(periods.ok).toBe(true);
    const h = monitorEventLoopDelay({ resolution: 5 });
    h.enable();
    const calls = Array.from({ length: 20 }, () => host.call('roster.list', {}, HARNESS_SESSION));
    const results = await Promise.all(calls);
    h.disable();
    expect(results.every((r) => r.ok)).toBe(true);
    expect(h.max / 1e6).toBeLessThan(200);
  });
});
