// Parses an inspected xlsx (in a worker thread only) into plain rows of plain values, streaming
// sheet by sheet so memory stays near the size of the values; row and cell counts are capped.
// Nothing of the outside file survives as an exceljs object.
import { Readable } from 'node:stream';
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

export const MAX_ROWS = 300_000;
export const MAX_CELLS = 4_000_000;
const MAX_COLUMNS = 200;

interface StreamRow {
  number: number;
  values: unknown[];
}
interface StreamSheet extends AsyncIterable<StreamRow> {
  name: string;
  state?: string;
}

export async function readWorkbook(bytes: Buffer, fileName: string, cancelled: () => boolean = () => false): Promise<SheetData[]> {
  const sheets: SheetData[] = [];
  let rowCount = 0;
  let cellCount = 0;
  const refuse = (message: string) => new AppError('FILE_REFUSED', message);
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' });
    for await (const wsRaw of reader as unknown as AsyncIterable<StreamSheet>) {
      const rows: SheetRow[] = [];
      for await (const row of wsRaw) {
        if (++rowCount > MAX_ROWS) throw refuse(`“${fileName}”超过 ${MAX_ROWS} 行，超出一次导入的范围。请拆分成几个文件后分别导入。`);
        if ((rowCount & 1023) === 0 && cancelled()) throw Object.assign(new Error('cancelled'), { code: 'CANCELLED' });
        const values = row.values;
        const width = Math.min(values.length, MAX_COLUMNS + 1);
        const cells: CellValue[] = new Array(width).fill(null);
        let any = false;
        for (let c = 1; c < width; c++) {
          const v = plainCell(values[c]);
          cells[c] = v;
          if (v !== null) any = true;
        }
        if (!any) continue;
        cellCount += width;
        if (cellCount > MAX_CELLS) throw refuse(`“${fileName}”的单元格过多（超过 ${MAX_CELLS} 个），超出一次导入的范围。请拆分后再导入。`);
        rows.push({ row: row.number, cells });
      }
      const state = wsRaw.state === 'hidden' || wsRaw.state === 'veryHidden' ? wsRaw.state : 'visible';
      sheets.push({ name: wsRaw.name, state, rows });
    }
  } catch (e) {
    if (e instanceof AppError || (e as { code?: string })?.code === 'CANCELLED') throw e;
    throw new AppError('FILE_REFUSED', `“${fileName}”无法作为 Excel 工作簿读取（${String((e as Error)?.message ?? e).slice(0, 120)}）。请在 Excel 中打开并另存为 .xlsx 后再导入。`);
  }
  return sheets;
}
