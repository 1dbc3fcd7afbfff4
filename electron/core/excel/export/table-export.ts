// A list as the clerk sees it on screen (the evidence list, the rating grid with its entries, the
// workbench, the redress list), written to xlsx: a title row, a header row kept in view, the rows,
// columns sized to their text, written through a temporary file. Every value is written as a plain
// string or number, never a formula: a cell reading "=1+1" stays that text in Excel.
import { loadExcelJS } from '../exceljs';
import { writeWorkbookAtomic } from './write-atomic';

export interface TableExport {
  path: string;
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}

/** Width in Excel's character units: a CJK character counts two. */
function textWidth(v: string): number {
  let w = 0;
  for (const ch of v) w += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return w;
}

export async function exportTable(t: TableExport): Promise<{ rows: number }> {
  const Excel = loadExcelJS();
  const wb = new Excel.Workbook();
  const sheetName = t.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([t.title]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, Math.max(1, t.columns.length));
  const header = ws.addRow(t.columns);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    c.border = { bottom: { style: 'thin' } };
  });
  for (const r of t.rows) {
    const row = ws.addRow(r);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  t.columns.forEach((name, i) => {
    const longest = Math.max(
      textWidth(name),
      ...t.rows.slice(0, 500).map((r) => textWidth(String(r[i] ?? '').split('\n')[0] ?? '')),
    );
    ws.getColumn(i + 1).width = Math.min(60, Math.max(6, longest + 2));
  });
  await writeWorkbookAtomic(wb, t.path);
  return { rows: t.rows.length };
}
