// Worker tasks of the audit trail: the xlsx export (large logs must not block main).
import type { Task } from '../task-types';
import { openStore } from '../../db/open';
import { storeFile } from '../../db/paths';
import { exportAuditXlsx } from '../../audit/audit-export';
import type { AuditFilter } from '../../audit/audit-query';
import { trustStoreTasks } from './trust-store';

export type { StartupChecksResult } from './trust-store';

const exportAudit: Task<{ filter: AuditFilter; path: string }, { rows: number; path: string }> = async (input, ctx) => {
  const db = openStore(storeFile(ctx.dataDir), { skipMigrate: true });
  try {
    return await exportAuditXlsx(db, ctx.dataDir, input.filter, input.path, {
      progress: (d, t) => ctx.progress(d, t, '导出审计日志'),
      cancelled: ctx.cancelled,
    });
  } finally {
    db.close();
  }
};

export const trustTasks: Record<string, Task<never, unknown>> = {
  'trust.exportAudit': exportAudit,
  ...trustStoreTasks,
};
