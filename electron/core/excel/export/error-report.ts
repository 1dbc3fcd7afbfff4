// The error report sent back to a department: the rows that have problems, as they were typed,
// with a 问题 column naming each bad cell. Values are written as plain text (never formulas).
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../exceljs';
import { cellDisplay, cellText } from '../../../../shared/import/cells';
import { IMPORT_KIND_LABEL } from '../../../../shared/import/columns';
import { columnLetter } from '../../../../shared/import/text';
import type { Analysis } from '../../import/analyze';
import { writeWorkbookAtomic } from './write-atomic';

export async function writeErrorReport(a: Analysis, path: string): Promise<{ rows: number; issues: number }> {
  const Excel = loadExcelJS();
  const wb = new Excel.Workbook();
  const bad = new Map<string, Map<number, string[]>>();
  let issues = 0;
  for (const r of a.rows)
    for (const i of r.issues) {
      const m = bad.get(i.sheet) ?? new Map<number, string[]>();
      bad.set(i.sheet, m);
      m.set(i.row, [
        ...(m.get(i.row) ?? []),
        `${i.column ? `${i.column}列` : ''}${i.header ? `“${i.header}”` : ''}：${i.problem}`,
      ]);
      issues++;
    }
  let rows = 0;
  for (const t of a.tables) {
    const m = bad.get(t.sheet);
    if (!m?.size) continue;
    const width = Math.max(t.headerCells.length - 1, ...[...t.columns.values()]);
    const ws = wb.addWorksheet(safeSheetName(`${t.sheet}-错误`, wb), {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    ws.addRow([
      `${IMPORT_KIND_LABEL[a.request.kind]}导入错误报告：${a.file.fileName}（共 ${m.size} 行有问题，请改正后重新提交）`,
    ]);
    ws.mergeCells(1, 1, 1, width + 2);
    ws.getRow(1).font = { bold: true, size: 13 };
    const header = ['原行号'];
    for (let c = 1; c <= width; c++)
      header.push(t.headerCells[c] == null ? columnLetter(c) : cellDisplay(t.headerCells[c]!));
    header.push('问题');
    ws.addRow(header).font = { bold: true };
    for (const r of t.rows) {
      const problems = m.get(r.row);
      if (!problems) continue;
      const values: string[] = [String(r.row)];
      for (let c = 1; c <= width; c++) values.push(cellText(r.cells[c] ?? null));
      values.push(problems.join('；'));
      const added = ws.addRow(values);
      added.getCell(width + 2).font = { color: { argb: 'FFC00000' } };
      rows++;
    }
    ws.getColumn(width + 2).width = 60;
    ws.views = [{ state: 'frozen', ySplit: 2 }];
  }
  if (!rows) {
    const ws = wb.addWorksheet('错误报告');
    ws.addRow([`${a.file.fileName}：没有发现错误。`]);
  }
  await writeWorkbookAtomic(wb, path);
  return { rows, issues };
}

function safeSheetName(name: string, wb: ExcelJS.Workbook): string {
  let base = name.replace(/[\\/?*[\]:]/g, '_').slice(0, 28);
  let n = 1;
  while (wb.getWorksheet(base)) base = `${name.slice(0, 25)}_${++n}`;
  return base;
}
