// Handlers of log-in, operators, the audit trail and backups. Thin: they call the services in
// electron/core/auth, audit and backup, and keep the session (held by main, never by the renderer).
import { isAbsolute, resolve } from 'node:path';
import { AppError } from '../../../../shared/result';
import type { trustMethods } from '../../../../shared/api/trust';
import { recordAudit } from '../../audit/audit-log';
import { auditWarning } from '../../audit/audit-check';
import { listAudit } from '../../audit/audit-query';
import { changePassword, lockSession, login, logout, unlock } from '../../auth/login';
import {
  createOperator,
  listOperators,
  operatorCount,
  resetOperatorPassword,
  setOperatorDisabled,
  setupFirstOperators,
  updateOperator,
} from '../../auth/operators';
import { readTrustSettings, writeTrustSettings, type TrustSettings } from '../../auth/settings';
import { listBackups, recordRestore, restoreBackup, type BackupInfo } from '../../backup/backup';
import { backupDir } from '../../db/paths';
import { writeTx, type Ctx } from '../../context';
import type { AppCore } from '../../app-core';
import { assertGranted } from './desktop';
import type { HandlerMap } from '../handler';
import { many } from '../../db/query';

function saveSettings(
  ctx: Ctx,
  patch: Partial<TrustSettings>,
  action: 'settings.auth' | 'settings.backup',
): TrustSettings {
  return writeTx(ctx, () => {
    const before = readTrustSettings(ctx.db);
    const after = { ...before, ...patch };
    writeTrustSettings(ctx.db, after);
    recordAudit(ctx, { action, entity: 'app_meta', entityId: 'trust.settings', before, after });
    return after;
  });
}

function chainDto(core: AppCore) {
  const s = core.auditStatus;
  return {
    ok: s.ok,
    count: s.count,
    head: s.head,
    brokenSeq: s.brokenSeq,
    problem: s.problem,
    acknowledged: s.acknowledged,
    checkedAt: s.checkedAt,
  };
}

/** A restore takes a file from the backups folder, or one the operator picked in the open dialog. */
function assertRestorable(core: AppCore, session: Parameters<typeof assertGranted>[0], file: string): void {
  if (!isAbsolute(file)) throw new AppError('INVALID_INPUT', '备份文件路径须为完整路径，请从列表或对话框中选择。');
  const inBackups = listBackups(core.dataDir).some((b) => resolve(b.file) === resolve(file));
  if (!inBackups) assertGranted(session, file);
}

export const trustHandlers: Pick<HandlerMap, keyof typeof trustMethods> = {
  'auth.status': (ctx, _input, session, core) => {
    const settings = readTrustSettings(ctx.db);
    return {
      needsSetup: operatorCount(ctx.db) === 0,
      operator: session.operator,
      locked: !!session.locked,
      mustChangePassword: !!session.mustChangePassword,
      idleLockMinutes: settings.idleLockMinutes,
      auditWarning: auditWarning(core.auditStatus),
      auditBrokenSeq: core.auditStatus.ok ? null : core.auditStatus.brokenSeq,
      backupWarning: core.backupWarning,
    };
  },
  'auth.setup': async (ctx, input, session, core) => {
    await setupFirstOperators(ctx, input.admin, input.security);
    // The person who set the store up signs in as its administrator at once.
    return login(ctx, session, { username: input.admin.username, password: input.admin.password }, core.idleClock());
  },
  'auth.login': (ctx, input, session, core) => login(ctx, session, input, core.idleClock()),
  'auth.logout': (ctx, _input, session) => {
    logout(ctx, session);
    return {};
  },
  'auth.unlock': (ctx, input, session, core) => unlock(ctx, session, input.password, core.idleClock()),
  'auth.lock': (ctx, _input, session) => {
    lockSession(ctx, session, '操作员手动锁定');
    return {};
  },
  'auth.activity': () => ({}),
  'auth.changePassword': async (ctx, input, session) => {
    await changePassword(ctx, session, input);
    return {};
  },
  'auth.getSettings': (ctx) => readTrustSettings(ctx.db),
  'auth.saveSettings': (ctx, input) => saveSettings(ctx, input, 'settings.auth'),
  'operators.list': (ctx) => ({ rows: listOperators(ctx.db) }),
  'operators.create': (ctx, input) => createOperator(ctx, input),
  'operators.update': (ctx, input) => updateOperator(ctx, input),
  'operators.setDisabled': (ctx, input) => setOperatorDisabled(ctx, input),
  'operators.resetPassword': (ctx, input) => resetOperatorPassword(ctx, input),
  'operators.units': (ctx) => ({
    rows: many<{ id: string; name: string; parentId: string | null; kind: string }>(
      ctx.db,
      'SELECT id, name, parent_id AS parentId, kind FROM unit ORDER BY parent_id IS NOT NULL, sort_order, name',
    ),
  }),
  'audit.list': (ctx, input) => listAudit(ctx.db, input.filter, input.page, input.pageSize),
  'audit.verify': (_ctx, _input, _session, core) => {
    core.verifyAudit();
    return chainDto(core);
  },
  'audit.export': (ctx, input, session, core) => {
    assertGranted(session, input.path);
    if (!/\.xlsx$/i.test(input.path))
      throw new AppError('INVALID_INPUT', '导出文件须以 .xlsx 结尾，请重新选择保存位置。');
    return core.jobs.start('trust.exportAudit', { filter: input.filter, path: input.path }, ctx.operator);
  },
  'audit.acknowledgeBreak': (ctx, input, _session, core) => {
    const status = core.verifyAudit();
    if (status.ok) throw new AppError('CONFLICT', '审计链校验通过，无需确认。');
    if (status.brokenSeq !== input.brokenSeq)
      throw new AppError('CONFLICT', `当前断裂位置为第 ${String(status.brokenSeq)} 条，与确认的不一致，请刷新后重试。`);
    // Kept in the chain itself (every problem found, by its sentence): a new problem is not covered.
    writeTx(ctx, () => {
      recordAudit(ctx, {
        action: 'audit.acknowledgeBreak',
        entity: 'audit_log',
        entityId: String(input.brokenSeq),
        after: { problem: status.problem, problems: status.problems },
        reason: input.reason,
      });
    });
    core.verifyAudit();
    return chainDto(core);
  },
  'backup.list': (ctx, _input, _session, core) => ({
    dir: backupDir(core.dataDir),
    keep: readTrustSettings(ctx.db).backupKeep,
    rows: listBackups(core.dataDir),
  }),
  // A job: a large store's copy takes seconds; its progress and end arrive on the job channel.
  'backup.create': (ctx, _input, _session, core) =>
    core.jobs.start('trust.backup', {}, ctx.operator, {
      onSettled: (end) => {
        // a backup in the data folder made: the warning that today's automatic one failed is over
        const made = end.value as BackupInfo | undefined;
        if (end.status === 'done' && made && core.background.backup && !core.background.backup.ok)
          core.background.backup = { ok: true, message: `已手动备份：${made.name}` };
      },
    }),
  'backup.toFolder': (ctx, input, session, core) => {
    assertGranted(session, input.folder);
    return core.jobs.start('trust.backup', { folder: input.folder }, ctx.operator);
  },
  'backup.restore': async (ctx, input, session, core) => {
    assertRestorable(core, session, input.file);
    // A worker writing through its own connection would write into the store being replaced.
    if (core.jobs.runningCount() > 0)
      throw new AppError('CONFLICT', '有导入或导出任务正在进行，请等待其完成或取消后再恢复备份。');
    // The restore's own entry is written into the restored chain before it replaces the store.
    const result = await restoreBackup(core.db, core.dataDir, core.storeFile, input.file, ctx.now(), (staging, facts) =>
      recordRestore({ ...ctx, db: staging }, input.file, facts, input.reason),
    );
    // The restored store passed the schema check; a command line opened on a tampered one may write again.
    core.schemaProblems = [];
    core.sealBaselineIfDue();
    const chain = core.verifyAudit();
    return { restoredFrom: result.restoredFrom, safetyBackup: result.safetyBackup, auditOk: chain.ok };
  },
  'backup.saveSettings': (ctx, input) => saveSettings(ctx, { backupKeep: input.backupKeep }, 'settings.backup'),
};
