// Parses an inspected xlsx (in a worker thread only) into plain rows of plain values; the exceljs
// objects are dropped as soon as the values are copied, so nothing of the outside file survives as-is.
import ExcelJS from 'exceljs';
import { AppError } from '../../../../shared/result';
import { plainCell, type CellValue } from '../../../../shared/import/cells';

export interface SheetRow {
  /** Excel row number (1-based) */
  row: number;
  /** cells by 1-based column index; index 0 unused */
  cells: CellValue[];
}

export interface SheetData {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  rows: SheetRow[];
}

export async function readWorkbook(bytes: Buffer, fileName: string): Promise<SheetData[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new AppError('FILE_REFUSED', `“${fileName}”无法作为 Excel 工作簿读取（${String((e as Error)?.message ?? e).slice(0, 120)}）。请在 Excel 中打开并另存为 .xlsx 后再导入。`);
  }
  const sheets: SheetData[] = [];
  wb.eachSheet((ws) => {
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = row.values as unknown[];
      const cells: CellValue[] = new Array(values.length).fill(null);
      for (let c = 1; c < values.length; c++) cells[c] = plainCell(values[c]);
      rows.push({ row: rowNumber, cells });
    });
    const state = ws.state === 'hidden' || ws.state === 'veryHidden' ? ws.state : 'visible';
    sheets.push({ name: ws.name, state, rows });
  });
  return sheets;
}
