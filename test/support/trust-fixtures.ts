// Operators and sessions for tests: accounts inserted directly (no scrypt cost) for role tests,
// and a clock for the idle lock that tests move by hand.
import type { Role } from '../../shared/domain/types';
import type { AppCore } from '../../electron/core/app-core';
import { newSession, type Session } from '../../electron/core/api/session';
import { DUMMY_HASH } from '../../electron/core/auth/password';
import { newId } from '../../electron/core/ids';
import type { Operator } from '../../electron/core/context';

export const ROLES: Role[] = ['admin', 'security', 'clerk', 'rater', 'auditor'];

/** Inserts an operator row (password unusable) and returns it as the session's Operator. */
export function insertOperator(
  core: AppCore,
  role: Role,
  unitScope: string[] = [],
  username = `${role}-${newId().slice(-8)}`,
): Operator {
  const id = newId();
  const now = core.now().toISOString();
  core.db
    .prepare(
      `INSERT INTO operator (id, username, display_name, role, unit_scope_json, password_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, username, `测试${role}`, role, JSON.stringify(unitScope), DUMMY_HASH, now, now);
  return { id, username, displayName: `测试${role}`, role, unitScope };
}

/** A session signed in as `operator`, active now by the core's idle clock. */
export function sessionAs(core: AppCore, operator: Operator): Session {
  const s = newSession();
  s.operator = operator;
  s.lastActivityMs = core.idleClock();
  return s;
}

/** A clock in ms the test advances: pass `clock.now` as AppCore's idleClock. */
export function manualClock(start = Date.parse('2026-11-25T02:00:00Z')) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

export const GOOD_PASSWORD = 'Kaohe#2026a';
