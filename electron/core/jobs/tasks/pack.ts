// Worker tasks of the Excel evaluation pack: writing the planned workbooks off the main thread,
// with its own store connection, progress in rows and cooperative cancel.
import type { Task } from '../task-types';
import { openStore } from '../../db/open';
import { storeFile } from '../../db/paths';
import { loadPackData } from '../../pack/pack-data';
import { exportPackFiles, type WrittenFile } from '../../pack/export-pack';
import type { PlannedFile } from '../../pack/plan';
import type { PackSheetKind } from '../../../../shared/sheets/pack-sheets';

export interface PackExportTaskInput {
  yearId: string;
  sheets: PackSheetKind[];
  files: PlannedFile[];
  tempTag: string;
}

export interface PackExportResult {
  files: WrittenFile[];
}

const packExport: Task<PackExportTaskInput, PackExportResult> = async (input, ctx) => {
  const db = openStore(storeFile(ctx.dataDir), { skipMigrate: true });
  try {
    ctx.progress(0, 1, '正在读取考核数据');
    const data = loadPackData({ db, now: () => new Date(ctx.nowIso) }, input.yearId);
    const files = await exportPackFiles(data, input.files, input.sheets, {
      progress: ctx.progress,
      cancelled: ctx.cancelled,
      tempTag: input.tempTag,
      dataDir: ctx.dataDir,
    });
    return { files };
  } finally {
    db.close();
  }
};

export const packTasks: Record<string, Task<never, unknown>> = {
  'pack.export': packExport,
};
