// 催报清单: the departments past their due date with ratings still missing, one row per department
// and period with the names still to rate, for the office to print (A4 portrait, one page wide, the
// header repeated on each page) and ring round. Values are written as plain strings, never formulas.
import ExcelJS from 'exceljs';
import type { DeliveryStatus } from '../../../shared/api/rounds';
import type { Db } from '../db/open';
import { writeWorkbookAtomic } from '../excel/export/write-atomic';
import { missingRows } from '../progress/missing';
import type { YearScope } from '../progress/year-scope';

/** Names on one row: beyond this the cell says how many more (the missing list has them all). */
const NAMES_SHOWN = 40;

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const font = { name: '宋体', size: 11 };

const HEAD = ['序号', '部门', '考核期间', '报送期限', '逾期天数', '应评', '已评', '未评', '未评定人员', '催报情况'];
const WIDTHS = [6, 16, 20, 12, 8, 6, 6, 6, 40, 14];
/** Printed lines a wrapped cell needs, in Excel's character units (a CJK character counts two). */
function linesFor(text: string, width: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return Math.max(1, Math.ceil(w / Math.max(1, width - 2)));
}

export async function writeReminderXlsx(
  db: Db,
  scope: YearScope,
  status: DeliveryStatus,
  path: string,
): Promise<{ rows: number; path: string }> {
  const overdue = status.rows
    .filter((r) => r.overdue)
    // longest overdue first; within a day, the roster's order of departments (a stable sort keeps it)
    .sort((a, b) => b.daysOverdue - a.daysOverdue);
  const wb = new ExcelJS.Workbook();
  wb.creator = '动态考核';
  const ws = wb.addWorksheet('催报清单', {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页' },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.mergeCells(1, 1, 1, HEAD.length);
  const title = ws.getCell(1, 1);
  title.value = `${scope.agencyName} ${scope.year} 年度平时考核催报清单`;
  title.font = { ...font, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, HEAD.length);
  const sub = ws.getCell(2, 1);
  sub.value = `截至 ${status.asOf}，已过报送期限仍未报齐的部门 ${overdue.length} 个（次）`;
  sub.font = font;
  sub.alignment = { horizontal: 'right' };
  const head = ws.getRow(3);
  HEAD.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.font = { ...font, bold: true };
    c.border = border;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
  overdue.forEach((r, i) => {
    const names = missingRows(db, scope, { periodId: r.periodId, unitId: r.unitId, limit: NAMES_SHOWN + 1 }).map(
      (m) => m.name,
    );
    const shown = names.slice(0, NAMES_SHOWN).join('、') + (r.missing > NAMES_SHOWN ? ` 等 ${r.missing} 人` : '');
    const row = ws.addRow([
      i + 1,
      r.unitName,
      `${r.periodLabel}（${r.periodCode}）`,
      r.due ?? '',
      r.daysOverdue,
      r.expected,
      r.rated,
      r.missing,
      shown,
      '',
    ]);
    row.height = 15 * Math.max(linesFor(shown, WIDTHS[8]!), linesFor(r.unitName, WIDTHS[1]!));
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.font = font;
      c.border = border;
      c.alignment = { vertical: 'top', wrapText: true, horizontal: col === 2 || col === 9 ? 'left' : 'center' };
    });
  });
  if (overdue.length === 0) {
    const row = ws.addRow(['', '目前没有逾期未报的部门。']);
    ws.mergeCells(row.number, 2, row.number, HEAD.length);
    row.getCell(2).font = font;
  }
  await writeWorkbookAtomic(wb, path);
  return { rows: overdue.length, path };
}
