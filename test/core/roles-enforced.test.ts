// Every contract method called as every role, through the real dispatcher: FORBIDDEN exactly where
// the role table (ROLE_PERMISSIONS) says, and never elsewhere by the permission gate.
// The method list is the live contract, so methods added later are covered without editing this file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type ContractMethod } from '../../shared/api';
import { roleHas } from '../../shared/auth/permissions';
import { dispatch } from '../../electron/core/api/dispatch';
import { tempCore, type TempCore } from '../support/temp-core';
import { ROLES, insertOperator, sessionAs } from '../support/trust-fixtures';

let t: TempCore;
beforeAll(() => {
  t = tempCore();
});
afterAll(() => t.cleanup());

const methods = Object.keys(contract) as ContractMethod[];

describe('role × method enforcement in main', () => {
  it.each(ROLES)('%s: every method is refused exactly where the table says', async (role) => {
    const operator = insertOperator(t.core, role);
    const mismatches: string[] = [];
    for (const m of methods) {
      const expectDenied = !roleHas(role, contract[m].permission);
      // A fresh session per call: some methods (log-out, lock) change the session.
      const r = await dispatch(t.core, sessionAs(t.core, operator), m, {});
      const deniedByGate =
        !r.ok &&
        r.error.code === 'FORBIDDEN' &&
        (r.error.details as { permission?: string } | undefined)?.permission === contract[m].permission;
      if (deniedByGate !== expectDenied)
        mismatches.push(`${m}: expected ${expectDenied ? 'FORBIDDEN' : 'allowed'}, got ${r.ok ? 'ok' : r.error.code}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('with no session only public methods pass the gate', async () => {
    const { newSession } = await import('../../electron/core/api/session');
    for (const m of methods) {
      const r = await dispatch(t.core, newSession(), m, {});
      if (contract[m].permission === 'public') expect(r.ok || r.error.code !== 'UNAUTHENTICATED', m).toBe(true);
      else expect(r.ok ? 'ok' : r.error.code, m).toBe('UNAUTHENTICATED');
    }
  });

  it('a denied call is audited with outcome denied', async () => {
    const auditor = insertOperator(t.core, 'auditor');
    const r = await dispatch(t.core, sessionAs(t.core, auditor), 'backup.create', {});
    expect(r.ok).toBe(false);
    const row = t.core.db
      .prepare("SELECT * FROM audit_log WHERE action = 'access.denied' AND operator_id = ? ORDER BY seq DESC")
      .get(auditor.id) as { entity_id: string; outcome: string };
    expect(row).toMatchObject({ entity_id: 'backup.create', outcome: 'denied' });
  });
});
