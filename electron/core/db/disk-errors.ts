// The disk's own problems in words an office understands: a full disk (ENOSPC from a file write,
// SQLITE_FULL from the store) and a folder that cannot be written (read-only media, no permission).
// Without this they surfaced as "后台任务出错" or an English SqliteError stack.
import { AppError } from '../../../shared/result';

const FULL = new Set(['ENOSPC', 'SQLITE_FULL', 'EDQUOT']);
const READ_ONLY = new Set(['EROFS', 'SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_READONLY_DIRECTORY']);

const codeOf = (e: unknown): string => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
};

export function isDiskFull(e: unknown): boolean {
  return FULL.has(codeOf(e));
}

export function isReadOnly(e: unknown): boolean {
  const code = codeOf(e);
  return READ_ONLY.has(code) || code.startsWith('SQLITE_READONLY');
}

/** An AppError for a disk problem, or null for anything else. `where`: what was being written. */
export function diskError(e: unknown, where = '数据'): AppError | null {
  if (isDiskFull(e))
    return new AppError(
      'STORE',
      `磁盘空间已满，${where}未能写入，已写的部分已撤销，数据未被修改。请删除不需要的文件或换一个有空间的位置后重试。`,
      { reason: 'disk_full' },
    );
  if (isReadOnly(e))
    return new AppError(
      'STORE',
      `${where}所在的文件夹不能写入（只读的磁盘或文件夹，或没有写入权限），数据未被修改。请换一个可写的位置，或请信息部门检查该文件夹的权限。`,
      { reason: 'read_only' },
    );
  return null;
}
