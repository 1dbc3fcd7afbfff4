// Worker tasks of spreadsheets in and out: import preview and apply, error reports, templates and
// the roster export. Outside files are only ever parsed here, inside a heap-limited worker.
import type { Task, TaskContext } from '../task-types';
import { openStore, type Db } from '../../db/open';
import { storeFile } from '../../db/paths';
import type { Ctx } from '../../context';
import { analyzeImport, type ImportRequest, type SheetCache } from '../../import/analyze';
import { dropCachedSheets, loadCachedSheets, saveCachedSheets } from '../../import/sheet-cache';
import { buildPreview } from '../../import/preview';
import { applyAnalysis, type ApplyMode } from '../../import/apply';
import { writeErrorReport } from '../../excel/export/error-report';
import { generateTemplate, type TemplateRequest } from '../../import/templates/generate';
import { exportRoster, type RosterExportOptions } from '../../excel/export/roster-export';

async function withStore<T>(t: TaskContext, fn: (db: Db) => Promise<T> | T): Promise<T> {
  const db = openStore(storeFile(t.dataDir), { skipMigrate: true });
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

const cacheOf = (t: TaskContext): SheetCache => ({
  load: (sha) => loadCachedSheets(t.dataDir, sha),
  save: (sha, sheets) => saveCachedSheets(t.dataDir, sha, sheets),
});
/** Preview writes the cache; apply and the error report only read it. */
const readOnlyCache = (t: TaskContext): SheetCache => ({
  load: (sha) => loadCachedSheets(t.dataDir, sha),
  save: () => undefined,
});

const ctxOf = (db: Db, t: TaskContext): Ctx => ({
  db,
  operator: t.operator,
  dataDir: t.dataDir,
  now: () => new Date(t.nowIso),
});

export interface PreviewTaskInput extends ImportRequest {
  previewId: string;
}
export interface ApplyTaskInput extends ImportRequest {
  mode: ApplyMode;
  expectedSha256?: string;
}
export interface ErrorReportTaskInput extends ImportRequest {
  out: string;
}

export const importsTasks: Record<string, Task<never, unknown>> = {
  'imports.preview': async (input: PreviewTaskInput, t: TaskContext) =>
    withStore(t, async (db) =>
      buildPreview(await analyzeImport(db, t.operator, input, t.nowIso, t, cacheOf(t)), input.previewId),
    ),

  'imports.apply': async (input: ApplyTaskInput, t: TaskContext) =>
    withStore(t, async (db) => {
      const a = await analyzeImport(db, t.operator, input, t.nowIso, t, readOnlyCache(t));
      const result = applyAnalysis(ctxOf(db, t), a, input.mode, t, input.expectedSha256);
      dropCachedSheets(t.dataDir, a.file.sha256);
      return result;
    }),

  'imports.errorReport': async (input: ErrorReportTaskInput, t: TaskContext) =>
    withStore(t, async (db) => {
      const a = await analyzeImport(db, t.operator, input, t.nowIso, t, readOnlyCache(t));
      return { path: input.out, ...(await writeErrorReport(a, input.out)) };
    }),

  'imports.template': async (input: TemplateRequest, t: TaskContext) =>
    withStore(t, (db) => generateTemplate(db, input)),

  'imports.exportRoster': async (input: Omit<RosterExportOptions, 'progress' | 'cancelled'>, t: TaskContext) =>
    withStore(t, (db) =>
      exportRoster(db, { ...input, progress: (d, n) => t.progress(d, n, '正在导出'), cancelled: t.cancelled }),
    ),
};
