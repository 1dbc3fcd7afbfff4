// Log-in, log-out, the idle lock and password change for one session (one window).
// Failures count toward the lockout; every attempt is audited with its outcome (等保: 登录审计).
import { AppError } from '../../../shared/result';
import { recordAudit } from '../audit/audit-log';
import { stamp, writeTx, type Ctx, type Operator } from '../context';
import type { Session } from '../api/dispatch';
import { operatorById, operatorByUsername, toOperator, type OperatorRow } from './operators';
import { DUMMY_HASH, assertPasswordRules, hashPassword, verifyPassword } from './password';
import { readTrustSettings } from './settings';

export interface SignedIn {
  operator: Operator;
  mustChangePassword: boolean;
}

function as(ctx: Ctx, operator: Operator): Ctx {
  return { ...ctx, operator };
}

function lockedMessage(until: string): string {
  const t = new Date(until);
  const hhmm = `${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}`;
  return `账号因连续输错密码已被锁定，请在 ${hhmm} 之后再试，或请安全管理员重置密码。`;
}

function isLocked(ctx: Ctx, row: OperatorRow): boolean {
  return !!row.locked_until && row.locked_until > stamp(ctx);
}

/**
 * Checks a password against an account, counting a failure toward the lockout. Returns normally
 * only on success; otherwise records the denial and throws the message the operator should see.
 */
async function checkPassword(ctx: Ctx, row: OperatorRow, password: string, action: string): Promise<void> {
  const who = as(ctx, toOperator(row));
  if (row.disabled) {
    await verifyPassword(password, DUMMY_HASH);
    writeTx(who, () =>
      recordAudit(who, { action, entity: 'operator', entityId: row.id, outcome: 'denied', reason: '账号已停用' }),
    );
    throw new AppError('UNAUTHENTICATED', '该账号已停用，请联系安全管理员。');
  }
  if (isLocked(ctx, row)) {
    writeTx(who, () =>
      recordAudit(who, {
        action,
        entity: 'operator',
        entityId: row.id,
        outcome: 'denied',
        reason: '账号锁定期间尝试登录',
      }),
    );
    throw new AppError('LOCKED', lockedMessage(row.locked_until!));
  }
  if (await verifyPassword(password, row.password_hash)) return;
  const settings = readTrustSettings(ctx.db);
  const failure = writeTx(who, () => {
    ctx.db.prepare('UPDATE operator SET failed_attempts = failed_attempts + 1 WHERE id = ?').run(row.id);
    const attempts = (
      ctx.db.prepare('SELECT failed_attempts AS n FROM operator WHERE id = ?').get(row.id) as { n: number }
    ).n;
    recordAudit(who, {
      action,
      entity: 'operator',
      entityId: row.id,
      outcome: 'denied',
      reason: `密码错误（连续第 ${attempts} 次）`,
    });
    if (attempts < settings.maxFailedLogins) return { locked: null, left: settings.maxFailedLogins - attempts };
    const until = new Date(ctx.now().getTime() + settings.lockoutMinutes * 60_000).toISOString();
    ctx.db.prepare('UPDATE operator SET failed_attempts = 0, locked_until = ? WHERE id = ?').run(until, row.id);
    recordAudit(who, {
      action: 'auth.lockout',
      entity: 'operator',
      entityId: row.id,
      outcome: 'denied',
      reason: `连续 ${attempts} 次密码错误，锁定 ${settings.lockoutMinutes} 分钟`,
    });
    return { locked: until, left: 0 };
  });
  if (failure.locked) throw new AppError('LOCKED', lockedMessage(failure.locked));
  throw new AppError(
    'UNAUTHENTICATED',
    `用户名或密码错误。再错 ${failure.left} 次账号将被锁定 ${settings.lockoutMinutes} 分钟。`,
    { attemptsLeft: failure.left },
  );
}

function markSignedIn(ctx: Ctx, row: OperatorRow, session: Session, action: string, nowMs: number): SignedIn {
  const operator = toOperator(row);
  writeTx(as(ctx, operator), () => {
    ctx.db
      .prepare('UPDATE operator SET failed_attempts = 0, locked_until = NULL, last_login_at = ? WHERE id = ?')
      .run(stamp(ctx), row.id);
    recordAudit(as(ctx, operator), { action, entity: 'operator', entityId: row.id, outcome: 'ok' });
  });
  session.operator = operator;
  session.locked = false;
  session.mustChangePassword = row.must_change_password === 1;
  session.lastActivityMs = nowMs;
  return { operator, mustChangePassword: row.must_change_password === 1 };
}

export async function login(
  ctx: Ctx,
  session: Session,
  input: { username: string; password: string },
  nowMs: number,
): Promise<SignedIn> {
  const row = operatorByUsername(ctx.db, input.username);
  if (!row || row.role === 'system') {
    // Same work as a real account, so the answer's timing does not reveal which usernames exist.
    await verifyPassword(input.password, DUMMY_HASH);
    writeTx(ctx, () =>
      recordAudit(ctx, {
        action: 'auth.login',
        entity: 'operator',
        after: { username: input.username.slice(0, 64) },
        outcome: 'denied',
        reason: '用户名不存在',
      }),
    );
    throw new AppError('UNAUTHENTICATED', '用户名或密码错误。');
  }
  await checkPassword(ctx, row, input.password, 'auth.login');
  return markSignedIn(ctx, row, session, 'auth.login', nowMs);
}

export function logout(ctx: Ctx, session: Session): void {
  const operator = session.operator;
  if (operator && operator.role !== 'system')
    writeTx(as(ctx, operator), () =>
      recordAudit(as(ctx, operator), { action: 'auth.logout', entity: 'operator', entityId: operator.id }),
    );
  session.operator = null;
  session.locked = false;
  session.mustChangePassword = false;
}

/** The idle lock (or the operator's own "lock now"): the session stays, every call waits for the password. */
export function lockSession(ctx: Ctx, session: Session, reason: string): void {
  const operator = session.operator;
  if (!operator || session.locked) return;
  session.locked = true;
  if (operator.role !== 'system')
    writeTx(as(ctx, operator), () =>
      recordAudit(as(ctx, operator), { action: 'auth.lock', entity: 'operator', entityId: operator.id, reason }),
    );
}

export async function unlock(ctx: Ctx, session: Session, password: string, nowMs: number): Promise<SignedIn> {
  const operator = session.operator;
  if (!operator) throw new AppError('UNAUTHENTICATED', '请先登录。');
  const row = operatorById(ctx.db, operator.id);
  if (!row) {
    session.operator = null;
    throw new AppError('UNAUTHENTICATED', '账号已不存在，请重新登录。');
  }
  try {
    await checkPassword(ctx, row, password, 'auth.unlock');
  } catch (e) {
    // A lockout while the window is locked signs the session out entirely.
    if (e instanceof AppError && e.code === 'LOCKED') logoutQuietly(session);
    throw e;
  }
  return markSignedIn(ctx, row, session, 'auth.unlock', nowMs);
}

function logoutQuietly(session: Session): void {
  session.operator = null;
  session.locked = false;
}

export async function changePassword(
  ctx: Ctx,
  session: Session,
  input: { oldPassword: string; newPassword: string },
): Promise<void> {
  const operator = session.operator;
  if (!operator || operator.role === 'system') throw new AppError('UNAUTHENTICATED', '请先登录。');
  const row = operatorById(ctx.db, operator.id);
  if (!row) throw new AppError('UNAUTHENTICATED', '账号已不存在，请重新登录。');
  await checkPassword(ctx, row, input.oldPassword, 'auth.changePassword');
  if (input.oldPassword === input.newPassword)
    throw new AppError('INVALID_INPUT', '新密码不能与原密码相同。', {
      issues: [{ field: 'newPassword', message: '与原密码相同' }],
    });
  assertPasswordRules(input.newPassword, row.username, '新密码');
  const hash = await hashPassword(input.newPassword);
  writeTx(as(ctx, operator), () => {
    ctx.db
      .prepare('UPDATE operator SET password_hash = ?, must_change_password = 0, updated_at = ? WHERE id = ?')
      .run(hash, stamp(ctx), row.id);
    recordAudit(as(ctx, operator), { action: 'auth.changePassword', entity: 'operator', entityId: row.id });
  });
  session.mustChangePassword = false;
}
