// Department templates read back as a real client sees them: title and headers, pre-filled people,
// drop-down lists, locked header rows with editable data cells, the veryHidden meta sheet, A4
// landscape; no formula anywhere; a filled template imports, and one of the wrong kind, unit or
// period is refused saying which.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tempCore, type TempCore } from '../support/temp-core';
import { dumpStore, seedStore, type SeededStore } from '../support/xlsx-fixtures';
import { apply, jobEnd, preview } from '../support/import-flow';
import { grantPath } from '../../electron/core/api/handlers/desktop';
import { META_SHEET } from '../../electron/core/import/templates/meta';

function hasOpenpyxl(): boolean {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let t: TempCore;
let s: SeededStore;
beforeAll(() => {
  t = tempCore();
  s = seedStore(t.ctx, 4);
});
afterAll(() => t.cleanup());

async function template(kind: string, unitId: string, periodId: string | null, name: string): Promise<string> {
  const path = join(t.dir, name);
  grantPath(t.session, path);
  const end = await jobEnd(t, 'templates.generate', { kind, unitId, periodId, path });
  expect(end.status, JSON.stringify(end.error)).toBe('done');
  return path;
}

function unzipText(path: string, part: string): string {
  return execFileSync('unzip', ['-p', path, part], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

describe('templates', () => {
  let ratingsPath: string;
  beforeAll(async () => {
    ratingsPath = await template('ratings', s.departments['办公室']!, s.periods.Q1!, 'ratings-office-q1.xlsx');
  });

  it('reads back with title, headers, people, drop-downs, protection, hidden meta and A4 landscape', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ratingsPath);
    const ws = wb.getWorksheet('平时考核')!;
    expect(String(ws.getCell('A1').value)).toContain('办公室 2026Q1（第一季度） 平时考核表');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([
      '人员编号',
      '姓名',
      '期间',
      '工作纪实',
      '等次',
      '评语',
      '评价人',
    ]);
    const office = s.people.filter((p) => p.unitId === s.departments['办公室']);
    expect(ws.getCell('A4').value).toBe(office[0]!.personNo);
    expect(ws.getCell('B4').value).toBe(office[0]!.name);
    expect(ws.getCell('C4').value).toBe('2026Q1');
    expect(ws.getCell(`A${4 + office.length}`).value).toBeNull();
    expect(ws.getCell('E4').dataValidation).toMatchObject({ type: 'list', formulae: ['"好,较好,一般,较差"'] });
    expect(ws.getCell('A3').protection?.locked).not.toBe(false);
    expect(ws.getCell('E4').protection?.locked).toBe(false);
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    const meta = wb.getWorksheet(META_SHEET)!;
    expect(meta.state).toBe('veryHidden');
    const kv = Object.fromEntries((meta.getSheetValues() as unknown[][]).filter(Boolean).map((r) => [r[1], r[2]]));
    expect(kv).toMatchObject({
      kind: 'ratings',
      version: 1,
      unitId: s.departments['办公室'],
      unitName: '办公室',
      periodId: s.periods.Q1,
      periodCode: '2026Q1',
    });
    // sheet protection on, still allowing rows to be inserted and formatted
    const sheetXml = unzipText(ratingsPath, 'xl/worksheets/sheet1.xml');
    expect(sheetXml).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(sheetXml).toMatch(/insertRows="0"/);
    // no formula or hyperlink anywhere in the generated file
    expect(sheetXml).not.toMatch(/<f>|<f |hyperlink/i);
  });

  it('evidence template lists kinds and sub-kinds (inline: Excel allows 255 characters)', async () => {
    const path = await template('evidence', s.agencyId, null, 'evidence-agency.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('事件记录')!;
    expect(ws.getCell('D4').dataValidation?.formulae?.[0]).toContain('奖励');
    const subKinds = ws.getCell('E4').dataValidation?.formulae?.[0] ?? '';
    expect(subKinds).toContain('病假');
    expect(subKinds.length).toBeLessThanOrEqual(255);
    expect(wb.getWorksheet('_lists')).toBeUndefined();
    // agency template: every person of every department
    expect(ws.getCell(`A${3 + s.people.length}`).value).toBe(s.people.at(-1)!.personNo);
  });

  it('roster template pre-fills the people as stored and re-imports as unchanged', async () => {
    const path = await template('roster', s.agencyId, null, 'roster.xlsx');
    const p = await preview(t, 'roster', path);
    expect(p.issues).toEqual([]);
    expect(p.summary).toMatchObject({ dataRows: s.people.length, add: 0, change: 0, unchanged: s.people.length });
  });

  it('a filled template imports; the wrong kind, unit or period is refused saying which', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ratingsPath);
    const ws = wb.getWorksheet('平时考核')!;
    ws.getCell('D4').value = '完成年度计划起草';
    ws.getCell('E4').value = '好';
    ws.getCell('E5').value = '较好';
    const filled = join(t.dir, 'filled.xlsx');
    await wb.xlsx.writeFile(filled);
    grantPath(t.session, filled);

    const before = dumpStore(t.core.db);
    const refusal = async (kind: string, extra: object) => {
      const end = await jobEnd(t, 'imports.preview', { kind, path: filled, ...extra });
      expect(end.status).toBe('failed');
      expect(end.error?.code).toBe('FILE_REFUSED');
      return end.error!.message;
    };
    expect(await refusal('evidence', {})).toContain('是平时考核模板，不能作为事件记录导入');
    expect(await refusal('ratings', { periodId: s.periods.Q2 })).toContain('是 2026Q1 的模板，当前选择的期间是 2026Q2');
    expect(await refusal('ratings', { unitId: s.departments['规划科'] })).toContain('是“办公室”的模板，不是“规划科”的');
    expect(dumpStore(t.core.db)).toBe(before);

    const p = await preview(t, 'ratings', filled, { periodId: s.periods.Q1, unitId: s.agencyId });
    expect(p.template).toMatchObject({ kind: 'ratings', periodCode: '2026Q1', unitName: '办公室' });
    // untouched pre-filled rows are not counted
    expect(p.summary).toMatchObject({ dataRows: 2, add: 2, errorRows: 0 });
    expect((await apply(t, p.previewId, 'all')).value).toMatchObject({ added: 2 });
  }, 180_000);

  // A missing openpyxl shows as skipped on a developer machine; CI installs it (.ci/run) and never skips.
  it.skipIf(!hasOpenpyxl() && !process.env.CI)(
    'openpyxl (another real client) reads the protection, validations and hidden sheets',
    () => {
      const py = `
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['平时考核']
print(ws.protection.sheet, ws.page_setup.orientation, ws.page_setup.paperSize)
print(wb['${META_SHEET}'].sheet_state)
print([dv.sqref.ranges[0].coord for dv in ws.data_validations.dataValidation])
print(ws['E4'].protection.locked, ws['A3'].protection.locked)
`;
      const out = execFileSync('/usr/bin/python3', ['-c', py, ratingsPath], { encoding: 'utf8' });
      const lines = out.trim().split('\n');
      expect(lines[0]).toBe('True landscape 9');
      expect(lines[1]).toBe('veryHidden');
      expect(lines[2]).toMatch(/E4:E20[0-9]/);
      expect(lines[3]).toBe('False True');
    },
  );
});
