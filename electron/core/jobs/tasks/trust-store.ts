// Worker tasks of the store itself (start-up checks, backups): no spreadsheet library, so a worker
// running one starts without loading exceljs (seconds on a loaded machine). trust.ts adds the export.
import type { Task } from '../task-types';
import { openStore } from '../../db/open';
import { storeFile } from '../../db/paths';
import { checkAuditChain, type AuditChainStatus } from '../../audit/audit-check';
import { backupAnchors } from '../../backup/manifest';
import { backupNow, dailyBackupOutcome, type BackupInfo } from '../../backup/backup';
import { writeTx } from '../../context';
import { recordAudit } from '../../audit/audit-log';
import { readDigestSnapshot, writeBaselineFromSnapshot } from '../../audit/baseline-snapshot';

export interface StartupChecksResult {
  quickCheck: string;
  backup: { ok: boolean; message: string };
  audit: AuditChainStatus;
  /** rows the seal baseline covered, when one was due (null: none due, or the core took it first) */
  baselineRows: number | null;
}

/**
 * What start-up no longer does before the window: quick_check, the seal baseline a migration made
 * due (`baseline`: its reason), the daily backup and the full audit walk (chain, anchors, data), on
 * this worker's own connection, with progress. The baseline reads its rows without the write lock,
 * so the window's saves go on meanwhile.
 */
const startupChecks: Task<{ autoBackup: boolean; baseline?: string | null }, StartupChecksResult> = (input, ctx) => {
  const db = openStore(storeFile(ctx.dataDir), { skipMigrate: true, quickCheck: false });
  try {
    ctx.progress(0, 1, '正在检查数据文件完整性');
    const quickCheck = String(db.pragma('quick_check', { simple: true }));
    let baselineRows: number | null = null;
    if (input.baseline && quickCheck === 'ok') {
      const snap = readDigestSnapshot(db, (n) => ctx.progress(n, 0, '正在建立数据基线'));
      const wctx = { db, operator: ctx.operator, dataDir: ctx.dataDir, now: () => new Date(ctx.nowIso) };
      baselineRows = writeBaselineFromSnapshot(wctx, snap, input.baseline);
    }
    const backup = input.autoBackup
      ? dailyBackupOutcome(db, ctx.dataDir, new Date(ctx.nowIso))
      : { ok: true, message: '今日已有备份' };
    const audit = checkAuditChain(db, new Date(ctx.nowIso), {
      anchors: backupAnchors(ctx.dataDir),
      onProgress: (done, total) => ctx.progress(done, total, '正在校验审计日志与数据'),
    });
    return { quickCheck, backup, audit, baselineRows };
  } finally {
    db.close();
  }
};

/**
 * 立即备份 / 备份到文件夹: SQLite's online backup on this worker's own connection, page by page with
 * progress and cancel, then the audit entry naming the file. The window's saves go on meanwhile.
 */
const backup: Task<{ folder?: string }, BackupInfo> = async (input, ctx) => {
  const db = openStore(storeFile(ctx.dataDir), { skipMigrate: true, quickCheck: false });
  try {
    ctx.progress(0, 1, '正在备份');
    const now = new Date(ctx.nowIso);
    const info = await backupNow(db, ctx.dataDir, input.folder ? 'copy' : 'manual', {
      dir: input.folder,
      now,
      onProgress: (done, total) => ctx.progress(done, total, '正在备份'),
      cancelled: ctx.cancelled,
    });
    const wctx = { db, operator: ctx.operator, dataDir: ctx.dataDir, now: () => now };
    writeTx(wctx, () =>
      recordAudit(wctx, {
        action: input.folder ? 'backup.toFolder' : 'backup.create',
        entity: 'backup',
        entityId: input.folder ? info.file : info.name,
      }),
    );
    return info;
  } finally {
    db.close();
  }
};

export const trustStoreTasks: Record<string, Task<never, unknown>> = {
  'trust.startupChecks': startupChecks,
  'trust.backup': backup,
};
