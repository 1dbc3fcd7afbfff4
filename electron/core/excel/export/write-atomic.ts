// Writes an output file (a workbook, the roster export) through a temporary name beside the target
// and the one commit step of backup/atomic-write (fsync of the file, rename, fsync of the folder), so
// a crash or a failed write never leaves a half-written file where the clerk expects a finished one.
import { rm } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { AppError } from '../../../../shared/result';
import { commitTempFile } from '../../backup/atomic-write';

/** Runs `write(tmp)` and commits the result onto `path`; on failure the target is left as it was. */
export async function writeOutputAtomic(path: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await write(tmp);
    commitTempFile(tmp, path);
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

export function writeWorkbookAtomic(wb: ExcelJS.Workbook, path: string): Promise<void> {
  return writeOutputAtomic(path, (tmp) => wb.xlsx.writeFile(tmp));
}
