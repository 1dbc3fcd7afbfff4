// 报送期限 and 证明材料 in Debian's Chromium against the real core, at 1366×768: the dashboard shows
// the overdue departments; due dates are set in the drawer (typed into the date field) and the
// overdue count follows; the reminder list is written through the save dialog and read back; in a
// person's timeline a scan is attached through the open dialog with its 文号, opened (handed to the
// system viewer as a checked copy) and removed with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openApp, SMALL_SCREEN } from './harness/browser';
import { startHarness, type HarnessServer } from './harness/server';
import { startThreadedCore, type ThreadedCore } from './harness/core-thread';
import { tempCore, tempDir, type TempCore } from '../support/temp-core';
import { smallAgency, type SmallAgency } from '../support/evidence-fixtures';
import { writeScanFiles, type ScanFiles } from '../support/scan-files';
import { createEvidence } from '../../electron/core/evidence/evidence-service';
import { setDeadlines } from '../../electron/core/rounds/deadlines';

let t: TempCore;
let core: ThreadedCore;
let server: HarnessServer;
let browser: Browser;
let a: SmallAgency;
let scans: ScanFiles;

beforeAll(async () => {
  t = tempCore();
  a = smallAgency(t.core.db);
  scans = writeScanFiles(tempDir('da-e2e-scans-'));
  createEvidence(t.ctx, {
    personId: a.people.zhang,
    kind: 'commendation',
    subKind: '嘉奖',
    date: '2026-02-01',
    docNo: '局奖〔2026〕1号',
  });
  // Q1 is complete in both departments; Q2 is due 07-10 and incomplete in both
  setDeadlines(t.ctx, {
    yearId: a.year.yearId,
    periods: [
      { periodId: a.year.periodIds[0]!, defaultDue: '2026-04-10' },
      { periodId: a.year.periodIds[1]!, defaultDue: '2026-07-10' },
    ],
  });
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

const desktop = () => core.desktop;

async function withShot<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    await page.screenshot({ path: `test-results/${name}-failed.png`, fullPage: true });
    throw e;
  }
}

describe('rounds and attachments (e2e)', () => {
  it('shows overdue departments, sets a due date, prints the reminder list', async () => {
    mkdirSync('test-results', { recursive: true });
    const page = await openApp(browser, server.url, 'dashboard', SMALL_SCREEN);
    await withShot(page, 'rounds-dashboard', async () => {
      const card = page.getByTestId('delivery-card');
      await card
        .getByTestId('overdue-alert')
        .getByText('2 个部门（次）已过报送期限仍未报齐')
        .waitFor({ timeout: 20_000 });
      await card.getByText('逾期 138 天（未评 2 人）').waitFor();
      await card.getByText('已报齐').first().waitFor();

      await card.getByRole('button', { name: '设定报送期限' }).click();
      const drawer = page.getByTestId('deadlines-drawer');
      const q3 = drawer.getByRole('textbox', { name: '第三季度的默认期限' });
      await q3.click();
      await page.keyboard.type('2026-10-15');
      await page.keyboard.press('Enter');
      await drawer.getByRole('button', { name: /保\s*存/ }).click();
      await drawer.waitFor({ state: 'detached' });
      await card.getByTestId('overdue-alert').getByText('4 个部门（次）已过报送期限仍未报齐').waitFor();
      expect(
        core.db
          .prepare("SELECT due_on FROM period_deadline WHERE period_id = ? AND unit_id = ''")
          .pluck()
          .get(a.year.periodIds[2]),
      ).toBe('2026-10-15');
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'test-results/rounds-dashboard.png' });

      const out = join(t.dir, '催报清单.xlsx');
      desktop().nextSave.push(out);
      await card.getByTestId('export-reminders').click();
      await page.getByText(/催报清单已导出（4 行）/).waitFor();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const ws = wb.getWorksheet('催报清单')!;
      expect(ws.rowCount).toBe(3 + 4);
      expect(ws.getRow(4).getCell(2).value).toBe('综合科');

      // the same card in English
      await page.getByTestId('language-switch').getByText('English').click();
      await card.getByText('4 department periods are past their due date and not complete').waitFor();
      await card.getByRole('button', { name: 'Set due dates' }).waitFor();
      await card.getByText('138 days overdue (2 missing)').waitFor();
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'test-results/rounds-dashboard-en.png' });
      await page.getByTestId('language-switch').getByText('中文').click();
    });
  });

  it('attaches a scan in the timeline, opens it in the viewer, removes it with a reason', async () => {
    const page = await openApp(browser, server.url, 'evidence', SMALL_SCREEN);
    await withShot(page, 'attachments', async () => {
      await page.locator('tr', { hasText: '嘉奖' }).getByTestId('open-timeline').click();
      const tl = page.getByTestId('person-timeline');
      await tl.getByText('张三 · 2026 年度时间线').waitFor({ timeout: 20_000 });
      const award = tl.getByTestId('timeline-evidence').filter({ hasText: '嘉奖' });

      // a program is refused with the reason, nothing attached
      desktop().nextOpen.push(scans.exe);
      await award.getByRole('button', { name: '添加证明材料' }).click();
      const modal = page.locator('.ant-modal:visible');
      await modal.getByRole('button', { name: /添\s*加/ }).click();
      await page.getByText('“setup.exe”是可执行程序或脚本，不能作为证明材料。', { exact: false }).waitFor();
      await modal.getByRole('button', { name: /取\s*消/ }).click();
      expect(core.db.prepare('SELECT COUNT(*) FROM evidence_attachment').pluck().get()).toBe(0);

      desktop().nextOpen.push(scans.pdf);
      await award.getByRole('button', { name: '添加证明材料' }).click();
      const docNo = page.locator('.ant-modal:visible').getByRole('textbox', { name: '文号' });
      expect(await docNo.inputValue()).toBe('局奖〔2026〕1号');
      await docNo.fill('局奖〔2026〕1号-附件');
      await page
        .locator('.ant-modal:visible')
        .getByRole('button', { name: /添\s*加/ })
        .click();
      const item = award.getByTestId('attachment');
      await item.getByText('局奖〔2026〕1号-附件').waitFor();
      expect(await item.textContent()).toContain('嘉奖决定.pdf');
      await page.screenshot({ path: 'test-results/attachments-timeline.png' });

      await item.getByRole('button', { name: /打\s*开/ }).click();
      await expect.poll(() => desktop().viewed.length).toBe(1);
      expect(desktop().viewed[0]!.endsWith('.pdf')).toBe(true);
      expect(readFileSync(desktop().viewed[0]!)).toEqual(readFileSync(scans.pdf));

      await item.getByRole('button', { name: /移\s*除/ }).click();
      const rm = page.locator('.ant-modal:visible');
      await rm.getByRole('textbox').fill('附错文件');
      await rm.getByRole('button', { name: /移\s*除/ }).click();
      await item.waitFor({ state: 'detached' });
      expect(
        core.db.prepare("SELECT reason FROM audit_log WHERE action = 'evidence.attachment.remove'").pluck().get(),
      ).toBe('附错文件');
    });
  });
});
