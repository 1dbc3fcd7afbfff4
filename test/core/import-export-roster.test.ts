// The roster export: every canonical column, the ID card masked, plain values only (no formula),
// written only to a path chosen in a dialog; the file re-imports as unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tempCore, type TempCore } from '../support/temp-core';
import { seedStore, type SeededStore } from '../support/xlsx-fixtures';
import { jobEnd, preview } from '../support/import-flow';
import { grantPath } from '../../electron/core/api/handlers/desktop';
import { ROSTER_COLUMNS } from '../../shared/import/columns';

let t: TempCore;
let s: SeededStore;
beforeAll(() => {
  t = tempCore();
  s = seedStore(t.ctx, 3);
  t.core.db.prepare("UPDATE person SET id_card = '11010519491231002X' WHERE person_no = 'P0001'").run();
});
afterAll(() => t.cleanup());

describe('roster export', () => {
  it('writes all columns with the ID card masked', async () => {
    const path = join(t.dir, '名册.xlsx');
    grantPath(t.session, path);
    const end = await jobEnd(t, 'imports.exportRoster', { path });
    expect(end.status, JSON.stringify(end.error)).toBe('done');
    expect(end.value).toMatchObject({ people: s.people.length });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('人员名册')!;
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([...ROSTER_COLUMNS.map((c) => c.header), '状态']);
    const first = ws.getRow(3).values as unknown[];
    expect(first[1]).toBe('P0001');
    expect(first[7]).toBe('办公室');
    expect(first[15]).toBe('110105********002X');
    expect(JSON.stringify(ws.getSheetValues())).not.toContain('11010519491231002X');
    expect(ws.rowCount).toBe(2 + s.people.length);
    expect(execFileSync('unzip', ['-p', path, 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' })).not.toMatch(
      /<f>|<f /,
    );
  });

  it('the exported file re-imports as unchanged (the masked ID card keeps the stored number)', async () => {
    const p = await preview(t, 'roster', join(t.dir, '名册.xlsx'));
    expect(p.issues).toEqual([]);
    expect(p.summary).toMatchObject({ dataRows: s.people.length, add: 0, change: 0, unchanged: s.people.length });
  });

  it('refuses a path not chosen in a dialog', async () => {
    const { dispatch } = await import('../../electron/core/api/dispatch');
    const r = await dispatch(t.core, t.session, 'imports.exportRoster', { path: join(t.dir, 'elsewhere.xlsx') });
    expect(r.ok ? null : r.error.code).toBe('FORBIDDEN');
  });
});
