// Starts a pack export as a worker job (used by the contract handler and the command line): plans
// the files, and when the job does not finish, removes its temps and, on cancel, every file it wrote.
import { rmSync } from 'node:fs';
import type { AppCore } from '../app-core';
import type { Operator } from '../context';
import { removeTemps } from './writer/temp-files';
import { newId } from '../ids';
import type { JobState } from '../jobs/runner';
import { planPackExport, type PackExportRequest, type PlannedFile } from './plan';

export function startPackExport(
  core: AppCore,
  operator: Operator,
  req: PackExportRequest,
  checkPath?: (file: PlannedFile) => void,
): JobState {
  const files = planPackExport(core.db, req);
  if (checkPath) files.forEach(checkPath);
  const tempTag = newId().replace(/-/g, '').slice(-16);
  return core.jobs.start('pack.export', { yearId: req.yearId, sheets: req.sheets, files, tempTag }, operator, {
    maxHeapMb: 1024,
    onSettled: (state) => {
      if (state.status === 'done') return;
      // A killed worker cannot clean up after itself. Never throw from here: a file still locked
      // (Windows) must not take the main process down.
      try {
        removeTemps(req.folder, tempTag);
        if (state.status === 'cancelled' || state.error?.code !== 'CONFLICT')
          for (const f of files) rmSync(f.path, { force: true });
      } catch (e) {
        core.logError('pack.export cleanup', e);
      }
    },
  });
}
