// A department's ratings template with errors, imported on the ratings page in Chromium: the bad
// cells are named, the error report is saved for the department, and only the clean rows are
// applied when the clerk confirms. The files are "picked" through ScriptedDesktop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openApp } from './harness/browser';
import { startHarness, type HarnessServer } from './harness/server';
import { startThreadedCore, type ThreadedCore } from './harness/core-thread';
import { tempCore, type TempCore } from '../support/temp-core';
import { makeAgency, makeYear, type AgencyFixture } from '../support/year-fixtures';
import { generateTemplate } from '../../electron/core/import/templates/generate';

let t: TempCore;
let core: ThreadedCore;
let server: HarnessServer;
let browser: Browser;
let fx: AgencyFixture;
let filled: string;
let report: string;

beforeAll(async () => {
  t = tempCore();
  fx = makeAgency(t.ctx, { departments: ['办公室', '规划科'], perDepartment: 4 });
  const { periods } = makeYear(t.ctx, fx.agencyId);
  const q4 = periods.find((p) => p.code === '2026Q4')!;
  const template = join(t.dir, '办公室-2026Q4-平时考核模板.xlsx');
  await generateTemplate(t.core.db, {
    kind: 'ratings',
    unitId: fx.departments['办公室']!,
    periodId: q4.id,
    path: template,
  });
  // The department fills it in: two good rows, a letter grade, a name typed over someone else's number.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.getWorksheet('平时考核')!;
  ws.getCell('D4').value = '牵头完成年度规划中期评估';
  ws.getCell('E4').value = '好';
  ws.getCell('E5').value = '较好 ';
  ws.getCell('E6').value = 'A';
  ws.getCell('B7').value = '张三';
  ws.getCell('E7').value = '一般';
  filled = join(t.dir, '办公室-已填.xlsx');
  await wb.xlsx.writeFile(filled);
  report = join(t.dir, '办公室-错误报告.xlsx');
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

describe('ratings template import in the browser', () => {
  it('names the bad cells, saves the error report, applies the clean rows on confirm', async () => {
    const desktop = core.desktop;
    desktop.nextOpen.push(filled);
    desktop.nextSave.push(report);
    const page = await openApp(browser, server.url, 'ratings');
    mkdirSync('test-results', { recursive: true });
    try {
      await scenario(page);
    } catch (e) {
      await page.screenshot({ path: 'test-results/import-ratings-failed.png' });
      throw e;
    }
  }, 120_000);
});

async function scenario(page: Page): Promise<void> {
  await page.getByRole('grid', { name: '平时考核录入表' }).waitFor({ timeout: 20_000 });
  await page.getByRole('combobox', { name: '考核期间' }).click();
  await page.locator('.ant-select-item-option[title="第四季度（2026Q4）"]').click();
  await page.getByRole('button', { name: '从表格导入' }).click();
  const dialog = page.getByRole('dialog');
  const issues = dialog.getByTestId('import-issues');
  await issues.waitFor({ timeout: 60_000 });
  const letter = await issues.locator('tbody tr').filter({ hasText: '字母等次' }).innerText();
  expect(letter).toContain('6');
  expect(letter).toContain('E（等次）');
  const name = await issues.locator('tbody tr').filter({ hasText: '姓名与人员编号不符' }).innerText();
  expect(name).toContain('7');
  expect(name).toContain('B（姓名）');
  await dialog.getByText('模板：办公室 · 2026Q4（第 1 版）').waitFor();
  expect(await dialog.getByRole('button', { name: '全部导入' }).isDisabled()).toBe(true);
  await page.screenshot({ path: 'test-results/import-ratings-preview.png' });

  await dialog.getByRole('button', { name: '导出错误报告' }).click();
  await dialog.getByText(/错误报告已保存/).waitFor({ timeout: 60_000 });
  expect(existsSync(report)).toBe(true);

  await dialog.getByRole('button', { name: '仅导入无误的行' }).click();
  await page.getByRole('button', { name: '确认仅导入无误的行' }).click();
  await dialog.getByText(/平时考核导入完成：新增 2 条/).waitFor({ timeout: 60_000 });
  const rows = core.db
    .prepare(
      'SELECT p.person_no, r.rating FROM period_rating r JOIN person p ON p.id = r.person_id ORDER BY p.person_no',
    )
    .all();
  expect(rows).toEqual([
    { person_no: 'A001', rating: 'good' },
    { person_no: 'A002', rating: 'fair' },
  ]);
}
