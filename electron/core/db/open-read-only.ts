// A data folder that cannot be written (read-only media, a locked-down profile, a full-disk quota
// turned read-only): the store is opened read-only instead of failing with an English SqliteError,
// so reads and verify-audit still work and every write is refused with a Chinese sentence (the
// connection is read-only: a write fails as SQLITE_READONLY, which dispatch words as such).
import { accessSync, constants, copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { isReadOnly } from './disk-errors';
import { openStore, type Db, type OpenOptions } from './open';

export const READ_ONLY_NOTICE =
  '数据目录不能写入（只读的磁盘或文件夹，或没有写入权限）：已以只读方式打开，可以查看和校验，不能修改数据，也不能自动备份。请信息部门恢复该文件夹的写入权限后重新打开程序。';

function folderWritable(file: string): boolean {
  try {
    accessSync(dirname(file), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Opens read-write; where the folder cannot be written, read-only. `readOnly` says which. */
export function openStoreOrReadOnly(file: string, options: OpenOptions): { db: Db; readOnly: boolean } {
  try {
    return { db: openStore(file, options), readOnly: false };
  } catch (e) {
    const raw = (e as { code?: unknown } | null)?.code;
    const code = typeof raw === 'string' ? raw : '';
    const cannotWrite = isReadOnly(e) || code === 'SQLITE_CANTOPEN' || code === 'EROFS' || code === 'EACCES';
    if (!cannotWrite || !existsSync(file) || folderWritable(file)) throw e;
    // SQLite cannot open a WAL store read-only where it cannot create the -shm beside it: read a copy
    // (with its -wal, if a crash left one) from the temp folder. The original cannot change meanwhile.
    const dir = mkdtempSync(join(tmpdir(), 'da-readonly-'));
    const copy = join(dir, basename(file));
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    return { db: openStore(copy, { ...options, readonly: true }), readOnly: true };
  }
}
