// A list exported as it shows on screen: imports.exportTable writes the title, the header and the
// rows to a real xlsx (read back), keeps a formula-looking text as text, and refuses a path the
// operator did not choose in a dialog.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { grantPath } from '../../electron/core/api/handlers/desktop';
import { tempCore, type TempCore } from '../support/temp-core';

let t: TempCore;
beforeEach(() => {
  t = tempCore();
});
afterEach(() => t.cleanup());

const table = {
  title: '平时考核录入表 2026Q4 办公室',
  columns: ['序号', '姓名', '等次', '工作纪实'],
  rows: [
    [1, '张一', '好', '完成规划\n中期评估'],
    [2, '=1+1', '较好', null],
  ],
};

describe('table export', () => {
  it('writes the list to xlsx, title, header kept in view, rows as shown', async () => {
    const path = join(t.dir, '办公室-2026Q4.xlsx');
    grantPath(t.session, path);
    const r = await dispatch(t.core, t.session, 'imports.exportTable', { path, ...table });
    expect(r).toEqual({ ok: true, value: { rows: 2 } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('平时考核录入表 2026Q4 办公室');
    expect(ws.getCell('A1').value).toBe(table.title);
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '姓名', '等次', '工作纪实']);
    expect(ws.getRow(3).values).toEqual([undefined, 1, '张一', '好', '完成规划\n中期评估']);
    // a formula-looking name stays text, never a formula
    expect(ws.getCell('B4').value).toBe('=1+1');
    expect(ws.getCell('B4').type).toBe(ExcelJS.ValueType.String);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('refuses a path not chosen in a dialog, and writes nothing', async () => {
    const path = join(t.dir, 'elsewhere.xlsx');
    const r = await dispatch(t.core, t.session, 'imports.exportTable', { path, ...table });
    expect(r.ok).toBe(false);
    expect(existsSync(path)).toBe(false);
  });
});
