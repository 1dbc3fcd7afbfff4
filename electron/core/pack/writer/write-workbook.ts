// Writes a pack workbook (several SheetModels) with the streaming writer into a temp file in the
// target folder and commits it with the one atomic-write step (fsync of the file, rename, fsync of the
// folder), so a cancelled or failed job never leaves a partial file. The temp is registered in the data
// folder first: a killed process's leftover is removed at the next start.
import { createWriteStream, existsSync, rmSync } from 'node:fs';
import { commitTempFile, registerPartial } from '../../backup/atomic-write';
import { once } from 'node:events';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../excel/exceljs';
import type { SheetModel } from '../../../../shared/sheets/model';
import { checkModel } from '../../../../shared/sheets/model';
import { AppError } from '../../../../shared/result';
import { findUnsafeChar, unsafeCharProblem } from '../../../../shared/text/safe-chars';
import { addSheet, columnLetters, type WriteHooks } from './write-sheet';
import { tempNameFor } from './temp-files';

export { removeTemps, tempNameFor } from './temp-files';

export interface WriteOptions extends WriteHooks {
  /** overwrite an existing file of the same name (default: refuse) */
  overwrite?: boolean;
  /** put into the temp file's name, so a job's leftovers can be found and removed after a kill */
  tempTag?: string;
  /** the data folder, where the temp file is registered for the clean-up at start */
  dataDir?: string;
}

/**
 * Makes 宋体 11 the workbook's default (Normal) font, as in a Chinese office's own workbooks. Column
 * widths are counted in the default font's digits: with exceljs's Calibri, LibreOffice (no Calibri)
 * and Chinese Excel measure wider columns and shrink the page to fit. exceljs has no option for it,
 * so font 0 is seeded before any style is added; skipped if the writer's internals change.
 */
function useSongtiAsDefaultFont(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const styles = (wb as unknown as { styles?: { model?: { fonts?: unknown[] }; _addFont?: (f: unknown) => number } })
    .styles;
  if (styles?._addFont && Array.isArray(styles.model?.fonts) && styles.model.fonts.length === 0) {
    styles._addFont({ size: 11, name: '宋体', charset: 134, family: 3 });
  }
}

/**
 * The last guard before exceljs, which writes whatever it is given: a character XML cannot carry
 * would make the sheet malformed (LibreOffice stops printing at that row without a word). Input is
 * refused at the contract and in imports; reaching here means a path that skipped them.
 */
export function assertPrintableModels(models: readonly SheetModel[]): void {
  for (const m of models) {
    const texts: [where: string, text: string][] = [
      ['工作表名', m.name],
      ['页眉', m.print.header],
      ['页脚', m.print.footer],
    ];
    for (const [where, text] of texts) {
      const u = text ? findUnsafeChar(text) : null;
      if (u) throw new AppError('INTERNAL', `表格“${m.name}”的${where}${unsafeCharProblem(u)}，未写出文件。`);
    }
    m.rows.forEach((row, r) => {
      for (const cell of row.cells) {
        if (typeof cell.v !== 'string') continue;
        const u = findUnsafeChar(cell.v);
        if (u)
          throw new AppError(
            'INTERNAL',
            `表格“${m.name}”的 ${columnLetters(cell.c + 1)}${r + 1} 单元格${unsafeCharProblem(u)}，未写出文件。请在程序中改正该内容后重新导出。`,
            { sheet: m.name, cell: `${columnLetters(cell.c + 1)}${r + 1}` },
          );
      }
    });
  }
}

export async function writeWorkbook(
  file: string,
  models: readonly SheetModel[],
  options: WriteOptions = {},
): Promise<{ file: string; pages: number }> {
  for (const m of models) {
    const problems = checkModel(m);
    if (problems.length)
      throw new AppError('INTERNAL', `表格“${m.name}”的版式有误：${problems.slice(0, 3).join('；')}`, { problems });
  }
  assertPrintableModels(models);
  if (existsSync(file) && !options.overwrite) {
    throw new AppError('CONFLICT', `文件已存在：${file}。请换一个文件夹，或先移走同名文件。`);
  }
  const temp = tempNameFor(file, options.tempTag);
  const unregister = options.dataDir ? registerPartial(options.dataDir, temp) : () => undefined;
  const stream = createWriteStream(temp);
  const Excel = loadExcelJS();
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = '动态考核';
  useSongtiAsDefaultFont(wb);
  try {
    let rowsBefore = 0;
    for (const model of models) {
      const base = rowsBefore;
      addSheet(wb, model, { ...options, onRows: options.onRows ? (n) => options.onRows!(base + n) : undefined });
      rowsBefore += model.rows.length;
    }
    await wb.commit();
    if (!stream.closed) await once(stream, 'close');
    commitTempFile(temp, file);
  } catch (e) {
    stream.destroy();
    if (!stream.closed) await once(stream, 'close').catch(() => undefined);
    rmSync(temp, { force: true });
    throw e;
  } finally {
    unregister();
  }
  return { file, pages: models.reduce((a, m) => a + m.pages, 0) };
}
