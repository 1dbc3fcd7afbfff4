// Log-in, log-out, the idle lock and password change for one session (one window).
// Failures count toward the lockout; every attempt is audited with its outcome (等保: 登录审计).
import { AppError } from '../../../shared/result';
import { recordAudit } from '../audit/audit-log';
import { stamp, writeTx, type Ctx, type Operator } from '../context';
import type { Session } from '../api/session';
import { operatorById, operatorByUsername, toOperator, type OperatorRow } from './operators';
import { DUMMY_HASH, assertPasswordRules, hashPassword, verifyPassword } from './password';
import { readTrustSettings } from './settings';
import { the } from '../db/query';

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

function isLocked(ctx: Ctx, row: { locked_until: string | null }): boolean {
  return !!row.locked_until && row.locked_until > stamp(ctx);
}

/** The one answer to a wrong password, the same for an existing and an unknown account. */
function wrongPassword(ctx: Ctx): AppError {
  const s = readTrustSettings(ctx.db);
  return new AppError(
    'UNAUTHENTICATED',
    `用户名或密码错误。连续输错 ${s.maxFailedLogins} 次账号将被锁定 ${s.lockoutMinutes} 分钟。`,
  );
}

interface Attempts {
  failed_attempts: number;
  locked_until: string | null;
}

/**
 * Failed guesses at usernames that do not exist, kept in memory so an unknown account locks after
 * the same number of guesses as a real one (the answers may not tell them apart).
 */
const unknownAttempts = new WeakMap<object, Map<string, Attempts>>();

function unknownAccount(ctx: Ctx, username: string): Attempts {
  let byName = unknownAttempts.get(ctx.db);
  if (!byName) unknownAttempts.set(ctx.db, (byName = new Map<string, Attempts>()));
  const key = username.slice(0, 64).toLowerCase();
  let a = byName.get(key);
  if (!a) {
    if (byName.size > 10_000) byName.clear(); // a flood of made-up names cannot grow memory
    byName.set(key, (a = { failed_attempts: 0, locked_until: null }));
  }
  return a;
}

/**
 * The lockout's counting step, run before any hash is checked and atomically with the read: the
 * attempt is counted as a failure up front (a right password clears it afterwards), so parallel
 * guesses cannot all pass the limit while their hashes are being computed. Returns the lock's
 * end when the account is (or has just become) locked.
 */
function reserveAttempt(ctx: Ctx, state: Attempts, max: number, lockoutMinutes: number): string | null {
  if (isLocked(ctx, state)) return state.locked_until;
  state.failed_attempts += 1;
  if (state.failed_attempts <= max) return null;
  state.failed_attempts = 0;
  state.locked_until = new Date(ctx.now().getTime() + lockoutMinutes * 60_000).toISOString();
  return state.locked_until;
}

function lockNow(ctx: Ctx, state: Attempts, lockoutMinutes: number): string {
  state.failed_attempts = 0;
  state.locked_until = new Date(ctx.now().getTime() + lockoutMinutes * 60_000).toISOString();
  return state.locked_until;
}

function readAttempts(ctx: Ctx, id: string): Attempts & { disabled: number } {
  return the<
    Attempts & {
      disabled: number;
    }
  >(ctx.db, 'SELECT failed_attempts, locked_until, disabled FROM operator WHERE id = ?', id);
}

function writeAttempts(ctx: Ctx, id: string, a: Attempts): void {
  ctx.db
    .prepare('UPDATE operator SET failed_attempts = ?, locked_until = ? WHERE id = ?')
    .run(a.failed_attempts, a.locked_until, id);
}

/**
 * Checks a password against an account, counting a failure toward the lockout. Returns normally
 * only on success; otherwise records the denial and throws the message the operator should see.
 * A locked account stays locked whatever the password; a disabled one says so only to the holder
 * of the right password.
 */
async function checkPassword(
  ctx: Ctx,
  row: OperatorRow,
  password: string,
  action: 'auth.login' | 'auth.unlock' | 'auth.changePassword',
): Promise<void> {
  const who = as(ctx, toOperator(row));
  const settings = readTrustSettings(ctx.db);
  const deny = (reason: string, extra?: () => void) =>
    writeTx(who, () => {
      extra?.();
      recordAudit(who, { action, entity: 'operator', entityId: row.id, outcome: 'denied', reason });
    });
  // Step 1, atomic: refuse a locked account, or count this attempt before the slow hash.
  const reserved = writeTx(who, () => {
    const state = readAttempts(ctx, row.id);
    const wasLocked = isLocked(ctx, state);
    const until = reserveAttempt(ctx, state, settings.maxFailedLogins, settings.lockoutMinutes);
    writeAttempts(ctx, row.id, state);
    if (until && !wasLocked)
      recordAudit(who, {
        action: 'auth.lockout',
        entity: 'operator',
        entityId: row.id,
        outcome: 'denied',
        reason: `连续 ${settings.maxFailedLogins} 次以上登录尝试，锁定 ${settings.lockoutMinutes} 分钟`,
      });
    if (until)
      recordAudit(who, {
        action,
        entity: 'operator',
        entityId: row.id,
        outcome: 'denied',
        reason: '账号锁定期间尝试登录',
      });
    return { until, attempts: state.failed_attempts };
  });
  if (reserved.until) throw new AppError('LOCKED', lockedMessage(reserved.until));
  const right = await verifyPassword(password, row.password_hash);
  // Step 2, atomic again: the account may have been locked by a parallel attempt meanwhile.
  if (right) {
    const state = readAttempts(ctx, row.id);
    if (isLocked(ctx, state)) {
      deny('账号锁定期间尝试登录（密码正确）');
      throw new AppError('LOCKED', lockedMessage(state.locked_until!));
    }
    if (state.disabled) {
      deny('账号已停用');
      throw new AppError('UNAUTHENTICATED', '该账号已停用，请联系安全管理员。');
    }
    return;
  }
  let lockedUntil: string | null = null;
  deny(`密码错误（连续第 ${reserved.attempts} 次）`, () => {
    const state = readAttempts(ctx, row.id);
    if (!isLocked(ctx, state) && state.failed_attempts >= settings.maxFailedLogins) {
      lockedUntil = lockNow(ctx, state, settings.lockoutMinutes);
      writeAttempts(ctx, row.id, state);
      recordAudit(who, {
        action: 'auth.lockout',
        entity: 'operator',
        entityId: row.id,
        outcome: 'denied',
        reason: `连续 ${settings.maxFailedLogins} 次密码错误，锁定 ${settings.lockoutMinutes} 分钟`,
      });
    }
  });
  if (lockedUntil) throw new AppError('LOCKED', lockedMessage(lockedUntil));
  throw wrongPassword(ctx);
}

/** The same steps for a username that does not exist: same hash work, same answers, same lockout. */
async function refuseUnknown(ctx: Ctx, username: string, password: string): Promise<never> {
  const settings = readTrustSettings(ctx.db);
  const state = unknownAccount(ctx, username);
  const audit = (reason: string) =>
    writeTx(ctx, () =>
      recordAudit(ctx, {
        action: 'auth.login',
        entity: 'operator',
        after: { username: username.slice(0, 64) },
        outcome: 'denied',
        reason,
      }),
    );
  const until = reserveAttempt(ctx, state, settings.maxFailedLogins, settings.lockoutMinutes);
  if (until) {
    audit('用户名不存在（已按锁定答复）');
    throw new AppError('LOCKED', lockedMessage(until));
  }
  await verifyPassword(password, DUMMY_HASH);
  audit('用户名不存在');
  if (!isLocked(ctx, state) && state.failed_attempts >= settings.maxFailedLogins) {
    throw new AppError('LOCKED', lockedMessage(lockNow(ctx, state, settings.lockoutMinutes)));
  }
  throw wrongPassword(ctx);
}

function markSignedIn(
  ctx: Ctx,
  row: OperatorRow,
  session: Session,
  action: 'auth.login' | 'auth.unlock',
  nowMs: number,
): SignedIn {
  const operator = toOperator(row);
  writeTx(as(ctx, operator), () => {
    ctx.db
      .prepare('UPDATE operator SET failed_attempts = 0, locked_until = NULL, last_login_at = ? WHERE id = ?')
      .run(stamp(ctx), row.id);
    recordAudit(as(ctx, operator), { action, entity: 'operator', entityId: row.id, outcome: 'ok' });
  });
  // files another operator picked in this window are not this one's to use
  if (session.operator?.id !== operator.id) session.grantedPaths = undefined;
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
  // Same work and the same answers as a real account, so nothing reveals which usernames exist.
  if (!row || row.role === 'system') return refuseUnknown(ctx, input.username, input.password);
  await checkPassword(ctx, row, input.password, 'auth.login');
  return markSignedIn(ctx, row, session, 'auth.login', nowMs);
}

export function logout(ctx: Ctx, session: Session): void {
  const operator = session.operator;
  if (operator && operator.role !== 'system')
    writeTx(as(ctx, operator), () =>
      recordAudit(as(ctx, operator), { action: 'auth.logout', entity: 'operator', entityId: operator.id }),
    );
  endSession(session);
}

/**
 * Signs the window out: no operator, and the files picked in dialogs during the session are no
 * longer usable (a later operator at the same window must pick them again).
 */
export function endSession(session: Session): void {
  session.operator = null;
  session.locked = false;
  session.mustChangePassword = false;
  session.grantedPaths = undefined;
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
    endSession(session);
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
  endSession(session);
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
