// Log-in end to end through the dispatcher: first-run setup, scrypt hashes, lockout after five
// failures, idle lock and unlock, password change, reset forcing a change, disabled accounts.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { newSession, type Session } from '../../electron/core/api/session';
import { verifyAuditChain } from '../../electron/core/audit/audit-log';
import { passwordProblem, SCRYPT_PARAMS } from '../../electron/core/auth/password';
import { tempCore, type TempCore } from '../support/temp-core';
import { GOOD_PASSWORD, manualClock } from '../support/trust-fixtures';
import type { Result } from '../../shared/result';

let t: TempCore | undefined;
afterEach(() => t?.cleanup());

const SECURITY_PASSWORD = 'Baohu#2026bq';
/** The one answer to a wrong password or an unknown name: nothing tells whether the account exists. */
const WRONG = '用户名或密码错误。连续输错 5 次账号将被锁定 15 分钟。';

async function call(session: Session, method: string, input: unknown = {}): Promise<Result<unknown>> {
  return dispatch(t!.core, session, method, input);
}

function code(r: Result<unknown>): string {
  return r.ok ? 'ok' : r.error.code;
}

async function setUp(): Promise<Session> {
  const s = newSession();
  const r = await call(s, 'auth.setup', {
    admin: { username: 'admin', displayName: '张管理', password: GOOD_PASSWORD },
    security: { username: 'anquan', displayName: '李安全', password: SECURITY_PASSWORD },
  });
  expect(r).toMatchObject({
    ok: true,
    value: { operator: { username: 'admin', role: 'admin' }, mustChangePassword: false },
  });
  return s;
}

function auditActions(): { action: string; outcome: string }[] {
  return t!.core.db.prepare('SELECT action, outcome FROM audit_log ORDER BY seq').all() as {
    action: string;
    outcome: string;
  }[];
}

describe('first run and log-in', () => {
  it('asks for setup when no operator exists, then signs the administrator in', async () => {
    t = tempCore();
    const anon = newSession();
    expect(await call(anon, 'auth.status')).toMatchObject({ ok: true, value: { needsSetup: true, operator: null } });
    expect(code(await call(anon, 'roster.list', {}))).toBe('UNAUTHENTICATED');
    const s = await setUp();
    expect(await call(s, 'auth.status')).toMatchObject({
      ok: true,
      value: { needsSetup: false, operator: { role: 'admin' } },
    });
    // A second setup is refused: the store is initialised.
    const again = await call(newSession(), 'auth.setup', {
      admin: { username: 'x1', displayName: 'x', password: GOOD_PASSWORD },
      security: { username: 'x2', displayName: 'y', password: SECURITY_PASSWORD },
    });
    expect(code(again)).toBe('CONFLICT');
    const hash = (
      t.core.db.prepare("SELECT password_hash FROM operator WHERE username = 'admin'").get() as {
        password_hash: string;
      }
    ).password_hash;
    // The suite's own cost (the full 2^17 outside tests is proven in test/unit/password-cost.test.ts).
    expect(hash).toMatch(
      new RegExp(`^scrypt\\$${SCRYPT_PARAMS.logN}\\$8\\$1\\$[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}$`),
    );
    expect(hash).not.toContain(GOOD_PASSWORD);
    const other = (
      t.core.db.prepare("SELECT password_hash FROM operator WHERE username = 'anquan'").get() as {
        password_hash: string;
      }
    ).password_hash;
    expect(other.split('$')[4]).not.toBe(hash.split('$')[4]); // a salt per password
  });

  it('enforces the password rules', () => {
    expect(passwordProblem('short1A')).toMatch(/8/);
    expect(passwordProblem('alllowercase')).toMatch(/三类/);
    expect(passwordProblem('Lower1234')).toBeNull();
    expect(passwordProblem('Admin#2026x', 'admin')).toMatch(/用户名/);
  });

  it('locks the account after five wrong passwords, audits each attempt, and unlocks after 15 minutes', async () => {
    let now = new Date('2026-11-25T02:00:00Z');
    t = tempCore({ now: () => now });
    await setUp();
    const s = newSession();
    for (let i = 1; i <= 4; i++) {
      const r = await call(s, 'auth.login', { username: 'anquan', password: 'Wrong#pass1' });
      expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: WRONG } });
    }
    const fifth = await call(s, 'auth.login', { username: 'anquan', password: 'Wrong#pass1' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(!fifth.ok && fifth.error.message).toMatch(/锁定/);
    // Even the right password is refused while locked.
    expect(code(await call(s, 'auth.login', { username: 'anquan', password: SECURITY_PASSWORD }))).toBe('LOCKED');
    const actions = auditActions();
    expect(actions.filter((a) => a.action === 'auth.login' && a.outcome === 'denied')).toHaveLength(6);
    expect(actions.filter((a) => a.action === 'auth.lockout')).toEqual([{ action: 'auth.lockout', outcome: 'denied' }]);
    now = new Date(now.getTime() + 16 * 60_000);
    expect(await call(s, 'auth.login', { username: 'anquan', password: SECURITY_PASSWORD })).toMatchObject({
      ok: true,
      value: { operator: { role: 'security' } },
    });
    expect(auditActions().at(-1)).toEqual({ action: 'auth.login', outcome: 'ok' });
    expect(verifyAuditChain(t.core.db).ok).toBe(true);
  }, 30_000);

  it('refuses unknown usernames with the same message, audited as denied', async () => {
    t = tempCore();
    await setUp();
    const r = await call(newSession(), 'auth.login', { username: 'nobody', password: GOOD_PASSWORD });
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: WRONG } });
    expect(r.ok || r.error.details).toBeFalsy();
    expect(auditActions().at(-1)).toEqual({ action: 'auth.login', outcome: 'denied' });
  });

  it('answers an unknown username exactly like an existing one, lockout included', async () => {
    t = tempCore();
    await setUp();
    const answers = async (username: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await call(newSession(), 'auth.login', { username, password: 'Wrong#pass1' });
        out.push(r.ok ? 'ok' : { code: r.error.code, message: r.error.message.replace(/\d\d:\d\d/, 'HH:MM') });
      }
      return out;
    };
    const real = await answers('anquan');
    expect(await answers('nobody')).toEqual(real);
    expect(real.at(-1)).toMatchObject({ code: 'LOCKED' });
  }, 30_000);

  it('counts and locks before the hash: 40 parallel guesses check at most five, and the right one is refused', async () => {
    t = tempCore();
    await setUp();
    // One batch: 39 wrong passwords with the right one in the middle, all in flight at once.
    const guesses = Array.from({ length: 40 }, (_, i) => (i === 20 ? SECURITY_PASSWORD : `Wrong#pass${i}`));
    const results = await Promise.all(
      guesses.map((password) => call(newSession(), 'auth.login', { username: 'anquan', password })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(0);
    expect(code(results[20]!)).toBe('LOCKED');
    const checked = auditActions().filter((a) => a.action === 'auth.login' && a.outcome === 'denied');
    expect(checked).toHaveLength(40);
    const reasons = (
      t.core.db.prepare("SELECT reason FROM audit_log WHERE action = 'auth.login' ORDER BY seq").all() as {
        reason: string;
      }[]
    ).map((r) => r.reason);
    // At most the limit's worth of hashes was ever compared; the rest were refused as locked.
    expect(reasons.filter((r) => r.startsWith('密码错误') || r.includes('密码正确')).length).toBeLessThanOrEqual(5);
    expect(reasons.filter((r) => r.startsWith('账号锁定期间')).length).toBeGreaterThanOrEqual(35);
    // Locked whatever the password, until the lockout ends.
    expect(code(await call(newSession(), 'auth.login', { username: 'anquan', password: SECURITY_PASSWORD }))).toBe(
      'LOCKED',
    );
    expect(verifyAuditChain(t.core.db).ok).toBe(true);
  }, 60_000);

  it('locks an idle session, refuses calls until the password is given, and logs out', async () => {
    const clock = manualClock();
    t = tempCore({ idleClock: clock.now });
    const s = await setUp();
    expect(code(await call(s, 'backup.list'))).toBe('ok');
    clock.advance(14 * 60_000);
    expect(code(await call(s, 'backup.list'))).toBe('ok'); // activity resets the timer
    clock.advance(15 * 60_000 + 1);
    expect(await call(s, 'backup.list')).toMatchObject({
      ok: false,
      error: { code: 'LOCKED', details: { reason: 'session_locked' } },
    });
    expect(await call(s, 'auth.status')).toMatchObject({
      ok: true,
      value: { locked: true, operator: { username: 'admin' } },
    });
    expect(code(await call(s, 'auth.unlock', { password: 'Wrong#pass1' }))).toBe('UNAUTHENTICATED');
    expect(code(await call(s, 'backup.list'))).toBe('LOCKED');
    expect(code(await call(s, 'auth.unlock', { password: GOOD_PASSWORD }))).toBe('ok');
    expect(code(await call(s, 'backup.list'))).toBe('ok');
    expect(code(await call(s, 'auth.logout'))).toBe('ok');
    expect(code(await call(s, 'backup.list'))).toBe('UNAUTHENTICATED');
    expect(auditActions().map((a) => a.action)).toEqual(
      expect.arrayContaining(['auth.lock', 'auth.unlock', 'auth.logout']),
    );
  }, 30_000);

  it('the idle time is a setting of the security administrator', async () => {
    const clock = manualClock();
    t = tempCore({ idleClock: clock.now });
    await setUp();
    const sec = newSession();
    expect(code(await call(sec, 'auth.login', { username: 'anquan', password: SECURITY_PASSWORD }))).toBe('ok');
    expect(
      await call(sec, 'auth.saveSettings', { maxFailedLogins: 5, lockoutMinutes: 30, idleLockMinutes: 5 }),
    ).toMatchObject({ ok: true, value: { idleLockMinutes: 5, backupKeep: 30 } });
    clock.advance(5 * 60_000 + 1);
    expect(code(await call(sec, 'operators.list'))).toBe('LOCKED');
  }, 30_000);

  it('a reset password must be changed at the next log-in; a disabled account is signed out at its next call', async () => {
    t = tempCore();
    await setUp();
    const sec = newSession();
    await call(sec, 'auth.login', { username: 'anquan', password: SECURITY_PASSWORD });
    const created = await call(sec, 'operators.create', {
      username: 'wangjb',
      displayName: '王经办',
      role: 'clerk',
      unitScope: [],
      password: 'Temp#2026xy',
    });
    expect(created).toMatchObject({ ok: true, value: { role: 'clerk', mustChangePassword: true } });
    const id = (created as { value: { id: string } }).value.id;
    const clerk = newSession();
    expect(await call(clerk, 'auth.login', { username: 'wangjb', password: 'Temp#2026xy' })).toMatchObject({
      ok: true,
      value: { mustChangePassword: true },
    });
    expect(await call(clerk, 'backup.list')).toMatchObject({
      ok: false,
      error: { details: { reason: 'must_change_password' } },
    });
    expect(code(await call(clerk, 'auth.changePassword', { oldPassword: 'Temp#2026xy', newPassword: 'weak' }))).toBe(
      'INVALID_INPUT',
    );
    expect(
      code(await call(clerk, 'auth.changePassword', { oldPassword: 'Temp#2026xy', newPassword: 'Mine#2026zz' })),
    ).toBe('ok');
    expect(code(await call(clerk, 'auth.status'))).toBe('ok');
    expect(await call(clerk, 'auth.status')).toMatchObject({ value: { mustChangePassword: false } });
    // Reset by the security administrator: the next log-in must change it again.
    expect(await call(sec, 'operators.resetPassword', { id, password: 'Reset#2026qq' })).toMatchObject({
      ok: true,
      value: { mustChangePassword: true },
    });
    const again = newSession();
    expect(await call(again, 'auth.login', { username: 'wangjb', password: 'Reset#2026qq' })).toMatchObject({
      ok: true,
      value: { mustChangePassword: true },
    });
    // Disabled: the open session is refused at once.
    expect(code(await call(sec, 'operators.setDisabled', { id, disabled: true, reason: '调离' }))).toBe('ok');
    expect(code(await call(clerk, 'auth.getSettings'))).toBe('UNAUTHENTICATED');
    expect(code(await call(newSession(), 'auth.login', { username: 'wangjb', password: 'Reset#2026qq' }))).toBe(
      'UNAUTHENTICATED',
    );
    // The last security administrator cannot disable or demote themselves.
    const secId = ((await call(sec, 'auth.status')) as { value: { operator: { id: string } } }).value.operator.id;
    expect(code(await call(sec, 'operators.setDisabled', { id: secId, disabled: true, reason: '测试' }))).toBe(
      'FORBIDDEN',
    );
    // The audit log never holds a password or its hash.
    const dump = JSON.stringify(t.core.db.prepare('SELECT * FROM audit_log').all());
    for (const secret of ['Temp#2026xy', 'Mine#2026zz', 'Reset#2026qq', 'scrypt$']) expect(dump).not.toContain(secret);
  }, 60_000);
});
