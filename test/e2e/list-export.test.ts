// Lists to Excel in Chromium against the real core: the year-end workbench, ordered by 姓氏笔画, is
// exported whole — every page the filter matches, not only the one on screen — in the screen's order,
// and the file read back holds each person once with the results the store has.
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './harness/e2e-app';
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, SMALL_SCREEN } from './harness/browser';
import { generateDemo } from '../../electron/core/demo/generate';
import { comparePersons } from '../../shared/names/stroke-order';

const app = useE2eApp({
  seed: (t) => {
    generateDemo(t.ctx, {});
  },
});

describe('workbench export', () => {
  it('writes every matching row in 姓氏笔画 order, whatever page is shown', async () => {
    const file = join(app.t.dir, '工作台.xlsx');
    app.core.desktop.nextSave.push(file);
    const page = await openApp(app.browser, app.server.url, 'yearend', SMALL_SCREEN);
    mkdirSync('test-results', { recursive: true });
    try {
      await page.getByTestId('workbench-table').waitFor({ timeout: 30_000 });
      await page.getByTestId('person-order').click();
      await page.locator('.ant-select-item-option', { hasText: '按姓氏笔画' }).click();
      await page
        .getByText(/共 \d+ 人/)
        .last()
        .waitFor();
      const shown = Number(
        (
          await page
            .getByText(/共 \d+ 人/)
            .last()
            .innerText()
        ).match(/\d+/)![0],
      );
      expect(shown).toBeGreaterThan(50); // more than the one page of 50 on screen
      await page.getByTestId('export-table').click();
      await page.getByText(`已导出 ${shown} 行`, { exact: false }).waitFor({ timeout: 30_000 });
      await page.screenshot({ path: 'test-results/list-export-workbench.png' });
    } catch (e) {
      await page.screenshot({ path: 'test-results/list-export-failed.png' });
      throw e;
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    // the title, then the header row, then the data
    let header = 1;
    while (header < 5 && values(header)[0] !== '编号') header++;
    expect(values(header).slice(0, 3)).toEqual(['编号', '姓名', '部门']);
    expect(values(header)).toContain('最终结果');
    const rows: string[][] = [];
    for (let r = header + 1; r <= ws.rowCount; r++) if (values(r)[0]) rows.push(values(r));
    const people = app.core.db.prepare('SELECT p.person_no AS no, p.name FROM person p').all() as {
      no: string;
      name: string;
    }[];
    expect(rows.length).toBeGreaterThan(50); // more than the one page of 50 on screen
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
    // inside each department the rows follow the comparator
    for (const dept of new Set(rows.map((r) => r[2]))) {
      const inDept = rows.filter((r) => r[2] === dept).map((r) => ({ personNo: r[0]!, name: r[1]! }));
      const sorted = [...inDept].sort((a, b) => comparePersons('strokes', a, b));
      expect(inDept, dept).toEqual(sorted);
    }
    const byNo = new Map(people.map((p) => [p.no, p]));
    for (const r of rows) expect(byNo.get(r[0]!)?.name).toBe(r[1]);
  }, 120_000);
});
