// The first step of reading any outside file (a spreadsheet to import, a 数据交换包): it must be a
// file, not empty, and within the size bound, before a single byte is read into memory.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../../shared/result';
import { fmtMb, type SafetyLimits } from './limits';

export function refuse(message: string, details?: Record<string, unknown>): never {
  throw new AppError('FILE_REFUSED', message, details);
}

/**
 * Reads `path` whole once it passes the checks; refuses (FILE_REFUSED, NOT_FOUND) with a Chinese
 * message naming the file. `tooLargeAdvice` is what the clerk should do with a file over the bound.
 */
export async function readLimitedFile(
  path: string,
  limits: Pick<SafetyLimits, 'maxFileBytes'>,
  tooLargeAdvice: string,
): Promise<{ fileName: string; bytes: Buffer }> {
  const fileName = basename(path);
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) refuse(`“${fileName}”不是文件，请重新选择。`);
    size = st.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('NOT_FOUND', `找不到文件“${fileName}”，它可能已被移动或删除，请重新选择。`);
  }
  if (size === 0) refuse(`“${fileName}”是空文件，请检查后重新选择。`);
  if (size > limits.maxFileBytes)
    refuse(`“${fileName}”有 ${fmtMb(size)}，超过 ${fmtMb(limits.maxFileBytes)} 的上限${tooLargeAdvice}`);
  return { fileName, bytes: await readFile(path) };
}
