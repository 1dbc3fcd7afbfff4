// Worker tasks of evidence of the year, the per-person timeline and the progress dashboard:
// writing the missing list (up to 20,000 people × periods) off the main thread.
import type { Task } from '../task-types';
import { openStore } from '../../db/open';
import { storeFile } from '../../db/paths';
import { resolveYear } from '../../progress/year-scope';
import { writeMissingXlsx } from '../../progress/missing-export';
import { AppError } from '../../../../shared/result';

export interface ExportMissingInput {
  yearId: string;
  path: string;
  /** the operator's data scope (unit ids), null for all */
  visible?: string[] | null;
}

const exportMissing: Task<ExportMissingInput, { rows: number; path: string }> = async (input, ctx) => {
  const db = openStore(storeFile(ctx.dataDir), { skipMigrate: true });
  try {
    const scope = resolveYear(db, input.yearId, new Date(ctx.nowIso), input.visible ? new Set(input.visible) : null);
    if (!scope) throw new AppError('NOT_FOUND', '找不到该考核年度。');
    return await writeMissingXlsx(db, scope, input.path, { progress: ctx.progress, cancelled: ctx.cancelled });
  } finally {
    db.close();
  }
};

export const evidenceTasks: Record<string, Task<never, unknown>> = {
  'progress.exportMissing': exportMissing,
};
