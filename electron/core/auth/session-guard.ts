// The checks before any handler runs, in the main process (the renderer cannot skip them):
// signed in, account still enabled, not idle-locked, password changed, role permits, audit chain sound.
import { WRITE_PERMISSIONS, roleHas, type Permission } from '../../../shared/auth/permissions';
import { PERMISSION_LABELS } from '../../../shared/audit/labels';
import { fail, type Result } from '../../../shared/result';
import { recordAudit } from '../audit/audit-log';
import { isBuiltInIdentity, writeTx, type Ctx } from '../context';
import type { Session } from '../api/session';
import { endSession, lockSession } from './login';
import { operatorById, toOperator } from './operators';
import { readTrustSettings } from './settings';

/** Calls that do not count as the operator's activity (the page polls them on its own). */
const PASSIVE_METHODS = new Set(['auth.status', 'jobs.get', 'system.info']);
/** What a session that must change its password may still do. */
const BEFORE_PASSWORD_CHANGE = new Set([
  'auth.changePassword',
  'auth.logout',
  'auth.lock',
  'auth.activity',
  'jobs.get',
  'system.info',
]);
/** Writes whose gate permission is 'session' (the handler checks the kind's own): paused with the rest. */
const WRITES_BEHIND_SESSION = new Set(['imports.apply']);
/** A hostile page could flood the log with denied calls: one entry per method per session per minute. */
const DENIED_AUDIT_INTERVAL_MS = 60_000;

export interface GuardEnv {
  ctx: (operator: Session['operator'] & object) => Ctx;
  /** wall clock for idle time, in ms (monotonic enough; replaceable in tests) */
  nowMs: () => number;
  /** the audit chain's state found on open; writes wait while it is broken and not acknowledged */
  auditBlocksWrites: () => string | null;
}

export function guardCall(
  env: GuardEnv,
  session: Session,
  permission: Permission,
  method: string,
): Result<never> | null {
  if (permission === 'public') return null;
  if (!session.operator) return fail('UNAUTHENTICATED', '请先登录。');
  if (!isBuiltInIdentity(session.operator)) {
    // Re-read the account on every call: a disabled account or a changed role applies at once.
    const row = operatorById(env.ctx(session.operator).db, session.operator.id);
    if (!row || row.disabled) {
      endSession(session);
      return fail('UNAUTHENTICATED', '账号已被停用，请联系安全管理员。');
    }
    session.operator = toOperator(row);
    if (session.locked) return fail('LOCKED', '窗口已锁定，请输入密码解锁。', { reason: 'session_locked' });
    const ctx = env.ctx(session.operator);
    const idleMinutes = readTrustSettings(ctx.db).idleLockMinutes;
    if (idleMinutes > 0 && env.nowMs() - session.lastActivityMs > idleMinutes * 60_000) {
      lockSession(ctx, session, `空闲超过 ${idleMinutes} 分钟自动锁定`);
      return fail('LOCKED', `超过 ${idleMinutes} 分钟未操作，窗口已锁定，请输入密码解锁。`, {
        reason: 'session_locked',
      });
    }
    if (session.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(method)) {
      return fail('UNAUTHENTICATED', '首次登录或密码被重置后，须先修改密码。', { reason: 'must_change_password' });
    }
  }
  if (!roleHas(session.operator.role, permission)) {
    auditDenied(env, session, method, permission);
    return fail('FORBIDDEN', '当前账号的角色无权执行此操作。如需要，请联系安全管理员调整权限。', { permission });
  }
  if (WRITE_PERMISSIONS.includes(permission) || WRITES_BEHIND_SESSION.has(method)) {
    const blocked = env.auditBlocksWrites();
    if (blocked)
      return fail(
        'LOCKED',
        `审计日志校验未通过（${blocked}），为保护证据，暂停修改数据。请系统管理员在“系统管理”中从备份恢复，或确认后继续。`,
        { reason: 'audit_broken' },
      );
  }
  if (!PASSIVE_METHODS.has(method)) session.lastActivityMs = env.nowMs();
  return null;
}

function auditDenied(env: GuardEnv, session: Session, method: string, permission: Permission): void {
  const operator = session.operator!;
  const at = env.nowMs();
  const seen = (session.deniedAuditAt ??= new Map());
  if (at - (seen.get(method) ?? -Infinity) < DENIED_AUDIT_INTERVAL_MS) return;
  seen.set(method, at);
  const ctx = env.ctx(operator);
  writeTx(ctx, () =>
    recordAudit(ctx, {
      action: 'access.denied',
      entity: 'method',
      entityId: method,
      outcome: 'denied',
      reason: `缺少权限：${PERMISSION_LABELS[permission]}`,
    }),
  );
}
