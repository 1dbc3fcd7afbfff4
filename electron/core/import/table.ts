// Finds the data table in a sheet: skips merged title rows and blank rows, recognises the header
// row by its Chinese column names (with aliases), and yields the data rows that carry content.
import { COLUMNS_OF, IMPORT_KIND_LABEL, matchHeader, type ImportKind } from '../../../shared/import/columns';
import { isBlankCell, type CellValue } from '../../../shared/import/cells';
import { cleanText, columnLetter } from '../../../shared/import/text';
import type { ImportIssue } from '../../../shared/import/types';
import { findUnsafeChar, unsafeCharProblem } from '../../../shared/text/safe-chars';
import type { SheetData, SheetRow } from './read-workbook';

/** How far down a header row is looked for (title rows, notes, blank rows above it). */
const HEADER_SCAN_ROWS = 30;

export interface LocatedTable {
  sheet: string;
  headerRow: number;
  /** column key → 1-based column index */
  columns: Map<string, number>;
  headers: Map<string, string>;
  /** the header row as typed, for the error report */
  headerCells: CellValue[];
  rows: SheetRow[];
  /** the year a title above the header names (“某局2025年度考核结果代码表”), for a table without 年度 */
  titleYear: number | null;
}

export interface DataRow {
  sheet: string;
  row: number;
  /** the table's title year (see LocatedTable.titleYear) */
  titleYear: number | null;
  get(key: string): CellValue;
  /** the issue for a cell of this row */
  issue(key: string, problem: string): ImportIssue;
  rowIssue(problem: string): ImportIssue;
}

export type LocateOutcome = { table: LocatedTable } | { missing: string[]; sheet: string; headerRow: number } | null;

export function locateTable(kind: ImportKind, sheet: SheetData): LocateOutcome {
  let best: { row: SheetRow; columns: Map<string, number>; headers: Map<string, string> } | null = null;
  for (const r of sheet.rows) {
    if (r.row > HEADER_SCAN_ROWS) break;
    const columns = new Map<string, number>();
    const headers = new Map<string, string>();
    for (let c = 1; c < r.cells.length; c++) {
      const v = r.cells[c];
      if (typeof v !== 'string') continue;
      const key = matchHeader(kind, v);
      if (key && !columns.has(key)) {
        columns.set(key, c);
        headers.set(key, cleanText(v));
      }
    }
    if (columns.size >= 2 && (!best || columns.size > best.columns.size)) best = { row: r, columns, headers };
  }
  if (!best) return null;
  const found = best;
  const titleYear = titleYearAbove(sheet, found.row.row);
  const missing = COLUMNS_OF[kind]
    .filter(
      (c) =>
        c.required &&
        !found.columns.has(c.key) &&
        !(c.orKey && found.columns.has(c.orKey)) &&
        !(c.orTitleYear && titleYear !== null),
    )
    .map((c) => c.header);
  if (missing.length) return { missing, sheet: sheet.name, headerRow: best.row.row };
  const headerRow = best.row.row;
  return {
    table: {
      sheet: sheet.name,
      headerRow,
      columns: best.columns,
      headers: best.headers,
      headerCells: best.row.cells,
      rows: sheet.rows.filter((r) => r.row > headerRow),
      titleYear,
    },
  };
}

/** “…2025年度…” in a text cell above the header row: the year a titled sheet is about. */
function titleYearAbove(sheet: SheetData, headerRow: number): number | null {
  for (const r of sheet.rows) {
    if (r.row >= headerRow) break;
    for (const v of r.cells) {
      const m = typeof v === 'string' ? /(20\d{2}|19\d{2})\s*年度/.exec(v) : null;
      if (m) return Number(m[1]);
    }
  }
  return null;
}

export function dataRow(table: LocatedTable, r: SheetRow): DataRow {
  const get = (key: string): CellValue => {
    const c = table.columns.get(key);
    return c === undefined ? null : (r.cells[c] ?? null);
  };
  const shown = (v: CellValue) => (v === null ? '' : typeof v === 'object' ? v.date : String(v).slice(0, 200));
  return {
    sheet: table.sheet,
    row: r.row,
    titleYear: table.titleYear,
    get,
    issue: (key, problem) => {
      const c = table.columns.get(key);
      return {
        sheet: table.sheet,
        row: r.row,
        column: c ? columnLetter(c) : '',
        header: table.headers.get(key) ?? COLUMNS_OF_ANY(key),
        value: shown(get(key)),
        problem,
      };
    },
    rowIssue: (problem) => ({ sheet: table.sheet, row: r.row, column: '', header: '', value: '', problem }),
  };
}

function COLUMNS_OF_ANY(key: string): string {
  for (const cols of Object.values(COLUMNS_OF)) {
    const c = cols.find((x) => x.key === key);
    if (c) return c.header;
  }
  return key;
}

/** True when every cell of the listed columns is blank (a fully blank row, or an untouched template row). */
export function rowBlank(row: DataRow, keys: readonly string[]): boolean {
  return keys.every((k) => isBlankCell(row.get(k)));
}

/** File-level issue (no table found, missing columns). */
export function noTableProblem(kind: ImportKind, outcomes: LocateOutcome[]): string {
  const partial = outcomes.find(
    (o): o is { missing: string[]; sheet: string; headerRow: number } => !!o && 'missing' in o,
  );
  if (partial)
    return `工作表“${partial.sheet}”第 ${partial.headerRow} 行的表头缺少必填列：${partial.missing.join('、')}。请按${IMPORT_KIND_LABEL[kind]}模板的列名填写。`;
  const needed = COLUMNS_OF[kind].filter((c) => c.required).map((c) => c.header);
  return `文件中找不到${IMPORT_KIND_LABEL[kind]}的表头（需要的列：${needed.join('、')}）。请确认选择的是${IMPORT_KIND_LABEL[kind]}表格，表头写在前 ${HEADER_SCAN_ROWS} 行内。`;
}

/**
 * Cells of the table's columns holding a character no stored text may hold (XML-illegal, or a bidi
 * control that makes "\u202E五王" display as 王五). Refused, not stripped: what the clerk sees in
 * the spreadsheet is not what it holds, so the clerk must retype it.
 */
export function unsafeCellIssues(table: LocatedTable, row: DataRow): ImportIssue[] {
  const out: ImportIssue[] = [];
  for (const key of table.columns.keys()) {
    const v = row.get(key);
    if (typeof v !== 'string') continue;
    const u = findUnsafeChar(v);
    if (u) out.push({ ...row.issue(key, unsafeCharProblem(u)), value: `（含不可见字符，共 ${v.length} 字）` });
  }
  return out;
}
