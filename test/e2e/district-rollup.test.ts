// The 全区汇总 panel in Chromium: a store with two agencies; on the year-end page the collapsed panel
// opens to one row per agency and the total (the engine's counts, as rollup.district gives them),
// and the export writes the A4 sheet to the path chosen in the save dialog. Both are jobs of the core
// thread, followed on the pushed job channel.
// Screenshot: test-results/district-rollup-panel.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ScriptedDesktop } from '../../electron/core/desktop';
import type { DistrictRollup } from '../../shared/api/rollup';
import { launchBrowser, openApp } from './harness/browser';
import { startHarness, type HarnessServer } from './harness/server';
import { startThreadedCore, type ThreadedCore } from './harness/core-thread';
import { tempCore, type TempCore } from '../support/temp-core';
import { seedYearEnd } from '../support/yearend-fixtures';

let t: TempCore;
let core: ThreadedCore;
let server: HarnessServer;
let browser: Browser;
let out: string;

beforeAll(async () => {
  t = tempCore({ now: () => new Date('2026-11-25T02:00:00Z') });
  const person = (prefix: string, i: number) => ({
    no: `${prefix}${i}`,
    name: `${prefix === 'A' ? '甲' : '乙'}员${i}`,
    dept: i % 2,
    ratings: i === 1 ? '好 好 好 好' : '较好 较好 较好 较好',
  });
  seedYearEnd(t.ctx, { agency: '区教育局', people: Array.from({ length: 12 }, (_, i) => person('A', i + 1)) });
  seedYearEnd(t.ctx, { agency: '区卫健委', people: Array.from({ length: 7 }, (_, i) => person('B', i + 1)) });
  out = join(t.dir, '全区汇总.xlsx');
  t.core.desktop = new ScriptedDesktop([], [out]);
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

describe('district roll-up panel (e2e)', () => {
  it('opens to a row per agency and the total, and exports the sheet', async () => {
    mkdirSync('test-results', { recursive: true });
    const page = await openApp(browser, server.url, 'yearend');
    const header = page.getByText('2026 年度全区汇总');
    await header.waitFor({ timeout: 20_000 });
    await header.click();
    const panel = page.getByTestId('rollup-panel');
    await panel.getByRole('cell', { name: '合计' }).waitFor({ timeout: 20_000 });
    const rows = await panel.locator('tbody tr.ant-table-row').allTextContents();
    expect(rows).toHaveLength(3);
    // the same job, through the contract: its value once done
    const end = await core.job('rollup.district', { year: 2026 });
    expect(end.status, JSON.stringify(end.error)).toBe('done');
    const r = end.value as DistrictRollup;
    expect(r.rows.map((x) => x.agencyName)).toEqual(['区卫健委', '区教育局']);
    expect(rows[0]).toContain('区卫健委');
    expect(rows[0]).toContain(`${r.rows[0]!.used} / ${r.rows[0]!.allowed}`);
    expect(rows[1]).toContain('区教育局');
    expect(rows[2]).toContain('合计');
    expect(rows[2]).toContain(String(r.total.due));
    expect(rows[1]).toContain('本机录入');
    await panel.screenshot({ path: 'test-results/district-rollup-panel.png' });
    await panel.getByRole('button', { name: '导出全区汇总统计表' }).click();
    await panel.getByText('已导出').waitFor({ timeout: 20_000 });
    expect(existsSync(out)).toBe(true);
    // the export's audit entry, written by the job's worker on its own connection
    expect(core.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'rollup.export'").pluck().get()).toBe(1);
    // both jobs followed on the pushed channel: at most one read each when following starts
    expect(server.calls.get('rollup.district')).toBe(1);
    expect(server.calls.get('jobs.get') ?? 0).toBeLessThanOrEqual(2);
  }, 180_000);
});
