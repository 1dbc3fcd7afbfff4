// Writes an exceljs workbook to a file through a temporary name and a rename, so a crash or a
// failed write never leaves a half-written file where the clerk expects a finished one.
import { rename, rm } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { AppError } from '../../../../shared/result';

export async function writeWorkbookAtomic(wb: ExcelJS.Workbook, path: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await wb.xlsx.writeFile(tmp);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES')
      throw new AppError(
        'CONFLICT',
        `无法写入“${path}”：文件可能正在 Excel 中打开，或该位置没有写入权限。请关闭该文件或另选位置后重试。`,
      );
    throw e;
  }
}
