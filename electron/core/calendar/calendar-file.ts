// Reads a small spreadsheet of holiday days (in a worker only): one row per day with 日期, 类型
// (放假 / 上班) and 名称 (the festival), optionally 依据 (the notice's 文号). The header row is found
// among the first rows (title rows above it are fine); each bad cell is named by sheet, row and
// column. Nothing is written here: the days come back to be checked and saved with calendar.save.
import { AppError } from '../../../shared/result';
import { cellDisplay, isBlankCell, type CellValue } from '../../../shared/import/cells';
import { normRequiredDate, normText } from '../../../shared/import/normalize';
import { cleanText, columnLetter, compactText } from '../../../shared/import/text';
import type { ImportIssue } from '../../../shared/import/types';
import type { CalendarDay } from '../../../shared/calendar/official-calendar';
import { inspectSpreadsheet, verifyEntries } from '../excel/safety/inspect';
import { readWorkbook, type SheetData } from '../import/read-workbook';
import { calendarYearProblems, type CalendarYearInput } from './calendar-service';

const HEADERS: Record<'date' | 'kind' | 'name' | 'basis', string[]> = {
  date: ['日期'],
  kind: ['类型', '安排', '放假/上班', '放假或上班'],
  name: ['名称', '节日', '节假日', '节日名称'],
  basis: ['依据', '文号', '通知文号'],
};
const HEADER_SCAN_ROWS = 20;
const MAX_DATA_ROWS = 2000;

const KIND_WORDS: Record<string, CalendarDay['kind']> = {
  放假: 'holiday',
  休息: 'holiday',
  休假: 'holiday',
  假日: 'holiday',
  节假日: 'holiday',
  上班: 'workday',
  调休上班: 'workday',
  补班: 'workday',
  调休: 'workday',
  工作日: 'workday',
};

export interface CalendarFile {
  fileName: string;
  sha256: string;
  years: CalendarYearInput[];
  issues: ImportIssue[];
}

function findHeader(sheet: SheetData): { row: number; cols: Partial<Record<keyof typeof HEADERS, number>> } | null {
  for (const r of sheet.rows) {
    if (r.row > HEADER_SCAN_ROWS) break;
    const cols: Partial<Record<keyof typeof HEADERS, number>> = {};
    for (let c = 1; c < r.cells.length; c++) {
      const v = r.cells[c];
      if (typeof v !== 'string') continue;
      const t = compactText(v);
      for (const [key, names] of Object.entries(HEADERS) as [keyof typeof HEADERS, string[]][])
        if (names.includes(t) && cols[key] === undefined) cols[key] = c;
    }
    if (cols.date && cols.kind) return { row: r.row, cols };
  }
  return null;
}

/** The days of the first sheet that has the columns, by year; every problem as a named cell. */
export function parseCalendarSheets(sheets: SheetData[]): { years: CalendarYearInput[]; issues: ImportIssue[] } {
  const visible = sheets.filter((s) => s.state === 'visible');
  const found = visible.map((s) => ({ sheet: s, header: findHeader(s) })).find((x) => x.header);
  if (!found?.header)
    throw new AppError(
      'IMPORT_REJECTED',
      `文件中找不到节假日表的表头（需要的列：日期、类型；可选：名称、依据），表头应写在前 ${HEADER_SCAN_ROWS} 行内。`,
    );
  const { sheet, header } = found;
  const issues: ImportIssue[] = [];
  const byYear = new Map<number, CalendarYearInput>();
  const headerCells = sheet.rows.find((r) => r.row === header.row)?.cells ?? [];
  const headerText = (key: keyof typeof HEADERS) => {
    const c = header.cols[key];
    const v = c === undefined ? null : headerCells[c];
    return typeof v === 'string' ? cleanText(v) : HEADERS[key][0];
  };
  const issue = (row: number, key: keyof typeof HEADERS, value: CellValue, problem: string): ImportIssue => ({
    sheet: sheet.name,
    row,
    column: header.cols[key] ? columnLetter(header.cols[key]) : '',
    header: headerText(key)!,
    value: value === null ? '' : cellDisplay(value).slice(0, 200),
    problem,
  });
  const rows = sheet.rows.filter((r) => r.row > header.row);
  if (rows.length > MAX_DATA_ROWS)
    throw new AppError('IMPORT_REJECTED', `节假日表最多 ${MAX_DATA_ROWS} 行，该表有 ${rows.length} 行。`);
  const rowOfDate = new Map<string, number>();
  for (const r of rows) {
    const get = (key: keyof typeof HEADERS): CellValue => {
      const c = header.cols[key];
      return c === undefined ? null : (r.cells[c] ?? null);
    };
    if ((['date', 'kind', 'name', 'basis'] as const).every((k) => isBlankCell(get(k)))) continue;
    const date = normRequiredDate(get('date'), '日期');
    if (!date.ok) issues.push(issue(r.row, 'date', get('date'), date.problem));
    const kindRaw = compactText(isBlankCell(get('kind')) ? '' : String(cellDisplay(get('kind'))));
    const kind = KIND_WORDS[kindRaw];
    if (!kind)
      issues.push(
        issue(
          r.row,
          'kind',
          get('kind'),
          kindRaw ? `无法识别“${kindRaw}”，请填写“放假”或“上班”` : '未填写，请填写“放假”或“上班”',
        ),
      );
    const name = normText(get('name'), 40);
    if (!name.ok) issues.push(issue(r.row, 'name', get('name'), name.problem));
    const basis = normText(get('basis'), 200);
    if (!basis.ok) issues.push(issue(r.row, 'basis', get('basis'), basis.problem));
    if (!date.ok || !kind || !name.ok || !basis.ok) continue;
    const prior = rowOfDate.get(date.value);
    if (prior !== undefined) {
      issues.push(issue(r.row, 'date', get('date'), `${date.value} 与第 ${prior} 行重复，每个日期只能有一种安排`));
      continue;
    }
    rowOfDate.set(date.value, r.row);
    const y = Number(date.value.slice(0, 4));
    const entry = byYear.get(y) ?? { year: y, basis: '', days: [] };
    if (!entry.basis && basis.value) entry.basis = basis.value;
    entry.days.push({ date: date.value, kind, name: name.value || (kind === 'holiday' ? '放假' : '调休上班') });
    byYear.set(y, entry);
  }
  const years = [...byYear.values()].sort((a, b) => a.year - b.year);
  // the same checks calendar.save makes, pinned to the row of the day they concern
  for (const y of years)
    for (const p of calendarYearProblems(y)) {
      const date = /^\d{4}-\d{2}-\d{2}/.exec(p)?.[0];
      const row = date ? (rowOfDate.get(date) ?? 0) : 0;
      issues.push({ sheet: sheet.name, row, column: '', header: '', value: date ?? '', problem: p });
    }
  if (!years.length && !issues.length)
    throw new AppError('IMPORT_REJECTED', `工作表“${sheet.name}”的表头下没有任何日期。`);
  return { years, issues };
}

export async function readCalendarFile(path: string, cancelled: () => boolean): Promise<CalendarFile> {
  const inspected = await inspectSpreadsheet(path);
  await verifyEntries(inspected.bytes, inspected.fileName);
  const sheets = await readWorkbook(inspected.bytes, inspected.fileName, cancelled);
  return { fileName: inspected.fileName, sha256: inspected.sha256, ...parseCalendarSheets(sheets) };
}
