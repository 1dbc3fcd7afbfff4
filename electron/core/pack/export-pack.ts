// Writes the planned pack workbooks (runs in a worker thread): builds each scope's sheet models,
// writes them through temp files, reports progress in rows, stops on cancel and then removes every
// file of this job, so a cancelled export leaves nothing behind.
import { rmSync } from 'node:fs';
import { buildPackModels, scopeFor, type PackSheetKind } from '../../../shared/sheets/pack-sheets';
import type { PackData } from '../../../shared/sheets/pack-data';
import { writeWorkbook } from './writer/write-workbook';
import type { PlannedFile } from './plan';

export interface ExportHooks {
  progress(done: number, total: number, message?: string): void;
  cancelled(): boolean;
  /** tag of this job's temp files */
  tempTag: string;
  /** the data folder, where each temp file is registered for the clean-up at start */
  dataDir?: string;
}

export interface WrittenFile {
  path: string;
  fileName: string;
  pages: number;
  persons: number;
  sheets: string[];
}

export function cancelledError(): Error {
  return Object.assign(new Error('cancelled'), { code: 'CANCELLED' });
}

export async function exportPackFiles(
  data: PackData,
  files: readonly PlannedFile[],
  sheets: readonly PackSheetKind[],
  hooks: ExportHooks,
): Promise<WrittenFile[]> {
  const scoped = files.map((f) => ({ f, scope: scopeFor(data, f.departmentId, f.label) }));
  const models = scoped.map(({ scope }) => buildPackModels(data, scope, sheets));
  const total = models.reduce((a, ms) => a + ms.reduce((b, m) => b + m.rows.length, 0), 0);
  const written: WrittenFile[] = [];
  let done = 0;
  try {
    for (let i = 0; i < scoped.length; i++) {
      const { f, scope } = scoped[i]!;
      if (hooks.cancelled()) throw cancelledError();
      hooks.progress(done, total, `正在写入 ${f.fileName}`);
      const base = done;
      const out = await writeWorkbook(f.path, models[i]!, {
        tempTag: hooks.tempTag,
        dataDir: hooks.dataDir,
        every: 100,
        onRows: (n) => {
          if (hooks.cancelled()) throw cancelledError();
          hooks.progress(base + n, total, `正在写入 ${f.fileName}`);
        },
      });
      done += models[i]!.reduce((b, m) => b + m.rows.length, 0);
      written.push({
        path: out.file,
        fileName: f.fileName,
        pages: out.pages,
        persons: scope.persons.length,
        sheets: models[i]!.map((m) => m.name),
      });
      models[i] = []; // let the finished scope's models go
    }
  } catch (e) {
    for (const w of written) rmSync(w.path, { force: true });
    throw e;
  }
  hooks.progress(total, total, '完成');
  return written;
}
