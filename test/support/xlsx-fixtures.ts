// Fixtures of the imports tests: a seeded store (agency, departments, people, a year with quarters),
// workbooks written with exceljs as departments would send them, and a dump of every table to prove
// a refused import left the store byte-for-byte unchanged.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Ctx } from '../../electron/core/context';
import { writeTx } from '../../electron/core/context';
import type { Db } from '../../electron/core/db/open';
import { newId } from '../../electron/core/ids';
import { createPerson, createUnit } from '../../electron/core/roster';
import { analyzeImport, type Analysis, type ImportRequest } from '../../electron/core/excel/import/analyze';
import { applyAnalysis, type ApplyMode } from '../../electron/core/excel/import/apply';
import type { ImportKind } from '../../shared/import/columns';
import type { ImportResult } from '../../shared/import/types';

export interface SeededStore {
  agencyId: string;
  departments: Record<string, string>;
  people: { id: string; personNo: string; name: string; unitId: string }[];
  yearId: string;
  periods: Record<string, string>; // 'Q1' → id
}

export const DEPARTMENTS = ['办公室', '规划科', '财务科'];
const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄勇', '周杰', '吴霞'];

/** 某区发改委 with three departments, `perDepartment` civil servants each (P0001…), year 2026 Q1–Q4. */
export function seedStore(ctx: Ctx, perDepartment = 4): SeededStore {
  const agency = createUnit(ctx, { parentId: null, name: '某区发改委' });
  const departments: Record<string, string> = {};
  const people: SeededStore['people'] = [];
  let n = 0;
  for (const d of DEPARTMENTS) {
    departments[d] = createUnit(ctx, { parentId: agency.id, name: d }).id;
    for (let i = 0; i < perDepartment; i++) {
      n++;
      const personNo = `P${String(n).padStart(4, '0')}`;
      const name = NAMES[(n - 1) % NAMES.length]! + (n > NAMES.length ? String(Math.ceil(n / NAMES.length)) : '');
      const p = createPerson(ctx, { personNo, name: name.replace(/\d/g, (x) => '零一二三四五六七八九'[Number(x)]!), unitId: departments[d]!, category: n % 3 === 0 ? 'institution' : 'civil_servant', hireDate: '2020-01-01' });
      people.push({ id: p.id, personNo, name: p.name, unitId: departments[d]! });
    }
  }
  const yearId = newId();
  const periods: Record<string, string> = {};
  writeTx(ctx, () => {
    const at = ctx.now().toISOString();
    ctx.db.prepare('INSERT INTO assessment_year (id, unit_id, year, settings_json, created_at, updated_at, updated_by) VALUES (?, ?, 2026, ?, ?, ?, ?)').run(yearId, agency.id, '{}', at, at, 'system');
    const ends = ['03-31', '06-30', '09-30', '12-31'];
    for (let q = 1; q <= 4; q++) {
      const id = newId();
      periods[`Q${q}`] = id;
      ctx.db
        .prepare('INSERT INTO period (id, year_id, code, label, seq, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, yearId, `2026Q${q}`, `第${'一二三四'[q - 1]}季度`, q, `2026-${String(q * 3 - 2).padStart(2, '0')}-01`, `2026-${ends[q - 1]}`);
    }
  });
  return { agencyId: agency.id, departments, people, yearId, periods };
}

export interface SheetSpec {
  name?: string;
  rows: unknown[][];
  state?: 'visible' | 'hidden' | 'veryHidden';
  merges?: string[];
}

/** Writes a workbook; cell values go in as given (strings, numbers, Dates, rich text…). */
export async function writeXlsx(path: string, sheets: SheetSpec[], extra?: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(s.name ?? `Sheet${i + 1}`, { state: s.state ?? 'visible' });
    for (const r of s.rows) ws.addRow(r);
    for (const m of s.merges ?? []) ws.mergeCells(m);
  });
  await extra?.(wb);
  await wb.xlsx.writeFile(path);
  return path;
}

export const ROSTER_HEADER = ['人员编号', '姓名', '性别', '出生年月', '政治面貌', '文化程度', '部门', '职务职级', '任现职时间', '人员类别', '从事或分管工作', '入职日期', '试用期满日期', '上级考核'];
export const RATINGS_HEADER = ['人员编号', '姓名', '期间', '工作纪实', '等次', '评语', '评价人'];
export const EVIDENCE_HEADER = ['人员编号', '姓名', '日期', '类别', '细类', '说明', '文号', '天数', '截止日期'];
export const HISTORY_HEADER = ['人员编号', '姓名', '年度', '等次'];

/** Every table's rows, in a stable order: equal dumps mean an unchanged store. */
export function dumpStore(db: Db): string {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  // Rows sorted as text: some tables are WITHOUT ROWID, and order is not what is compared.
  return tables.map((t) => `## ${t}\n` + (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort().join('\n')).join('\n');
}

const noProgress = { progress: () => undefined, cancelled: () => false };

/** The analysis the worker would make, run in-process (same code) for fast tests. */
export function analyze(ctx: Ctx, kind: ImportKind, path: string, extra: Partial<ImportRequest> = {}): Promise<Analysis> {
  return analyzeImport(ctx.db, ctx.operator, { kind, path, ...extra }, ctx.now().toISOString(), noProgress);
}

export async function importFile(ctx: Ctx, kind: ImportKind, path: string, mode: ApplyMode = 'all', extra: Partial<ImportRequest> = {}): Promise<ImportResult> {
  return applyAnalysis(ctx, await analyze(ctx, kind, path, extra), mode, noProgress);
}

export const fileIn = (dir: string, name: string) => join(dir, name);
