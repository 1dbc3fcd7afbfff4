// The file names of one pack export: one per scope, each unique in the folder's eyes (two department
// names that clean to the same name, or differ only in case on Windows, get （2）, （3）…) and short
// enough for the file system: ≤ 180 bytes per name everywhere, and on Windows the whole path of the
// temp file beside it within MAX_PATH (260), which Excel and Explorer still enforce.
import { posix, win32 } from 'node:path';
import { AppError } from '../../../shared/result';
import { packFileName, type PackSheetKind } from '../../../shared/sheets/pack-sheets';

/** What the temp file's name adds to the target's (`~$` + `.` + a 16-character tag + `.da-partial`). */
const TEMP_EXTRA_CHARS = 30;
const WINDOWS_MAX_PATH = 259;
/** Below this a name says too little to be recognised: ask for a shorter folder instead. */
const MIN_NAME_CHARS = 24;

export interface ScopeName {
  departmentId: string | null;
  label: string;
}

export function uniquePackFiles<S extends ScopeName>(
  scopes: readonly S[],
  year: number,
  sheets: readonly PackSheetKind[],
  folder: string,
  platform: NodeJS.Platform = process.platform,
): (S & { fileName: string; path: string })[] {
  let maxChars: number | undefined;
  if (platform === 'win32') {
    maxChars = WINDOWS_MAX_PATH - folder.replace(/[\\/]+$/, '').length - 1 - TEMP_EXTRA_CHARS;
    if (maxChars < MIN_NAME_CHARS)
      throw new AppError(
        'INVALID_INPUT',
        `所选文件夹的路径太长（${folder.length} 个字符），考核材料的文件名放不下。请选择层级较浅的文件夹（例如桌面或 D 盘根目录下的文件夹）。`,
        { field: 'folder' },
      );
  }
  const join = platform === 'win32' ? win32.join : posix.join;
  const taken = new Set<string>();
  // Windows and macOS compare names without case; Chinese names in NFC and NFD look the same.
  const key = (name: string) => name.normalize('NFC').toLowerCase();
  return scopes.map((s) => {
    let fileName = packFileName(s.label, year, sheets, { maxChars });
    for (let n = 2; taken.has(key(fileName)); n++)
      fileName = packFileName(s.label, year, sheets, { maxChars, suffix: `（${n}）` });
    taken.add(key(fileName));
    return { ...s, fileName, path: join(folder, fileName) };
  });
}
