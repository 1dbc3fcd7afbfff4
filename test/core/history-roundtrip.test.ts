// History round trip on real stores and real files: a demo store's evaluation pack (every sheet, one
// workbook) is exported; a fresh store with the same units takes the roster export, then the pack
// workbook as 历年考核结果 — only its 考核结果代码表 is read, the year from the sheet's title — and holds
// exactly the results the pack printed. Several years in one file (one titled sheet per year, one of
// them with codes only) import together; a code that disagrees with the text is named by its cell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch } from '../../electron/core/api/dispatch';
import { newSession, type Session } from '../../electron/core/api/session';
import { SYSTEM_OPERATOR } from '../../electron/core/context';
import { ScriptedDesktop } from '../../electron/core/desktop';
import { runDemo, type DemoRun } from '../../electron/core/demo';
import { loadPackData } from '../../electron/core/pack/pack-data';
import { grantPath } from '../../electron/core/api/handlers/desktop';
import { createUnit, listUnitNodes } from '../../electron/core/roster';
import { PACK_SHEET_KINDS } from '../../shared/sheets/pack-sheets';
import { resultCode } from '../../shared/domain/labels';
import { tempCore, tempDir, type TempCore } from '../support/temp-core';
import { apply, preview } from '../support/import-flow';

let run: DemoRun;
let session: Session;
let yearId: string;
let packFile: string;
let b: TempCore;
const dirs: string[] = [];

async function callA<T>(method: string, input: unknown): Promise<T> {
  const r = await dispatch(run.core, session, method, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.value as T;
}

beforeAll(async () => {
  const dir = tempDir('da-history-a-');
  dirs.push(dir);
  run = await runDemo({ dataDir: dir, people: 40, now: () => new Date('2026-12-20T02:00:00Z') });
  session = newSession();
  session.operator = SYSTEM_OPERATOR;
  yearId = run.summary.agencies[0]!.yearId;
  const folder = tempDir('da-history-pack-');
  dirs.push(folder);
  run.core.desktop = new ScriptedDesktop([], [], [folder]);
  const { path } = await callA<{ path: string }>('desktop.pickFolder', { title: '选择保存位置' });
  const job = await callA<{ id: string }>('pack.export', {
    yearId,
    scope: 'unit',
    sheets: [...PACK_SHEET_KINDS],
    folder: path,
  });
  const end = await run.core.jobs.wait(job.id);
  expect(end.status, JSON.stringify(end.error)).toBe('done');
  packFile = (end.value as { files: { path: string }[] }).files[0]!.path;

  // The fresh store: the same units by name, then the roster through its own export and import.
  b = tempCore({ now: () => new Date('2027-03-01T02:00:00Z') });
  const ids = new Map<string, string>();
  for (const u of listUnitNodes(run.core.db))
    ids.set(u.id, createUnit(b.ctx, { parentId: u.parentId ? ids.get(u.parentId)! : null, name: u.name }).id);
  const rosterFile = join(folder, '名册.xlsx');
  grantPath(session, rosterFile);
  const ex = await callA<{ id: string }>('imports.exportRoster', { path: rosterFile, includeLeft: true });
  expect((await run.core.jobs.wait(ex.id)).status).toBe('done');
  const p = await preview(b, 'roster', rosterFile);
  expect(p.issues).toEqual([]);
  expect((await apply(b, p.previewId, 'all')).status).toBe('done');
}, 240_000);
afterAll(() => {
  run?.core.close();
  b?.cleanup();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const historyOf = (t: TempCore, year?: number) =>
  Object.fromEntries(
    (
      t.core.db
        .prepare(
          `SELECT p.person_no AS no, h.year, h.outcome, h.grade FROM history_grade h JOIN person p ON p.id = h.person_id
           ${year ? 'WHERE h.year = ?' : ''} ORDER BY p.person_no`,
        )
        .all(...(year ? [year] : [])) as { no: string; year: number; outcome: string; grade: string | null }[]
    ).map((r) => [`${r.no}/${r.year}`, `${r.outcome}/${r.grade ?? ''}`]),
  );

describe('history round trip', () => {
  it('the pack workbook imports back as history equal to what it printed', async () => {
    const data = loadPackData(run.core.ctx(SYSTEM_OPERATOR), yearId);
    const printed = Object.fromEntries(
      data.persons.map((p) => {
        const g = p.result.outcome === 'graded' ? (p.result.finalGrade ?? p.result.suggestedGrade) : null;
        return [`${p.personNo}/2026`, `${p.result.outcome}/${g ?? ''}`];
      }),
    );
    expect(Object.keys(printed).length).toBeGreaterThan(30);
    const p = await preview(b, 'history', packFile);
    expect(p.issues).toEqual([]);
    expect(p.sheets).toEqual(['考核结果代码表']);
    expect(p.summary).toMatchObject({ add: data.persons.length, errorRows: 0 });
    const done = await apply(b, p.previewId, 'all');
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    expect(historyOf(b, 2026)).toEqual(printed);
    // the codes 1–6 and the texts agree with the printed ones
    const codes = new Set(
      data.persons.map((x) => resultCode(x.result.outcome, x.result.finalGrade ?? x.result.suggestedGrade)),
    );
    expect(codes.size).toBeGreaterThan(1);
    // importing the same file again changes nothing
    const again = await preview(b, 'history', packFile);
    expect(again.summary).toMatchObject({ add: 0, change: 0, unchanged: data.persons.length });
  });

  it('takes several years from one file: one titled sheet per year, one with codes only', async () => {
    const src = new ExcelJS.Workbook();
    await src.xlsx.readFile(packFile);
    const sheet = src.getWorksheet('考核结果代码表')!;
    const values = Array.from(sheet.getSheetValues(), (r) => (Array.isArray(r) ? r.slice(1) : [])) as unknown[][];
    const header = values.findIndex((r) => r.includes('结果代码'));
    expect(header).toBeGreaterThan(0);
    const resultCol = values[header]!.indexOf('考核结果');
    const wb = new ExcelJS.Workbook();
    const year = (y: number, codesOnly: boolean) => {
      const ws = wb.addWorksheet(`${y}年考核结果代码表`);
      for (const r of values) {
        // exceljs repeats a merged cell's value in every cell: keep it in the first, as the merge shows it
        const merged = r.length > 2 && r.every((v) => v === r[0]);
        const row = r.map((v, c) =>
          merged && c > 0 ? null : typeof v === 'string' ? v.replace('2026年度', `${y}年度`) : v,
        );
        ws.addRow(codesOnly ? row.filter((_, c) => c !== resultCol) : row);
      }
    };
    year(2024, true);
    year(2025, false);
    const path = join(b.dir, '历年结果.xlsx');
    await wb.xlsx.writeFile(path);
    const p = await preview(b, 'history', path);
    expect(p.issues).toEqual([]);
    expect(p.sheets).toEqual(['2024年考核结果代码表', '2025年考核结果代码表']);
    expect((await apply(b, p.previewId, 'all')).status).toBe('done');
    const h2026 = historyOf(b, 2026);
    const as = (y: number) =>
      Object.fromEntries(Object.entries(h2026).map(([k, v]) => [k.replace('/2026', `/${y}`), v]));
    expect(historyOf(b, 2025)).toEqual(as(2025));
    // codes only: 5 alone reads as 不定等次 (comments_only); every other code as printed
    const expected2024 = Object.fromEntries(
      Object.entries(as(2024)).map(([k, v]) => [k, v.startsWith('deferred') ? 'comments_only/' : v]),
    );
    expect(historyOf(b, 2024)).toEqual(expected2024);
  });

  it('names the 结果代码 cell that disagrees with 考核结果', async () => {
    const src = new ExcelJS.Workbook();
    await src.xlsx.readFile(packFile);
    const ws = src.getWorksheet('考核结果代码表')!;
    let header = 0;
    ws.eachRow((r, n) => {
      if (!header && (r.values as unknown[]).includes('结果代码')) header = n;
    });
    const codeCol = (ws.getRow(header).values as unknown[]).indexOf('结果代码');
    const cell = ws.getRow(header + 1).getCell(codeCol);
    const wrong = cell.value === 1 ? 2 : 1;
    cell.value = wrong;
    for (const name of src.worksheets.map((w) => w.name)) if (name !== '考核结果代码表') src.removeWorksheet(name);
    const path = join(b.dir, '改错.xlsx');
    await src.xlsx.writeFile(path);
    const p = await preview(b, 'history', path);
    expect(p.issues).toHaveLength(1);
    expect(p.issues[0]).toMatchObject({ row: header + 1, header: '结果代码', value: String(wrong) });
    expect(p.issues[0]!.problem).toMatch(/^结果代码与考核结果不一致：“.+”的代码应为 \d，请核对$/);
  });
});
