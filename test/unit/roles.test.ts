// The role × method table: every contract method declares a known permission, and the table derived
// from ROLE_PERMISSIONS covers every method. Adding a method without a reviewed row here fails.
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api';
import { METHOD_NAMES } from '../../shared/api/methods';
import { PERMISSIONS, ROLE_PERMISSIONS, roleHas, type Permission } from '../../shared/auth/permissions';
import { REVIEWED_METHOD_PERMISSIONS } from './roles.table';

const ROLES = Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[];

function roleMethodTable(): Record<string, Record<string, boolean>> {
  return Object.fromEntries(
    Object.entries(contract).map(([m, spec]) => [
      m,
      Object.fromEntries(ROLES.map((r) => [r, roleHas(r, spec.permission)])),
    ]),
  );
}

describe('role × method table', () => {
  it('every method declares a known permission', () => {
    for (const [m, spec] of Object.entries(contract)) expect(PERMISSIONS, m).toContain(spec.permission);
  });

  it('every contract method has a reviewed row (method → permission), and no row is stale', () => {
    const missing = METHOD_NAMES.filter((m) => !(m in REVIEWED_METHOD_PERMISSIONS));
    expect(missing, 'add these methods to test/unit/roles.table.ts after deciding who may call them').toEqual([]);
    const stale = Object.keys(REVIEWED_METHOD_PERMISSIONS).filter((m) => !(m in contract));
    expect(stale).toEqual([]);
  });

  it('each method requires the permission its reviewed row says', () => {
    const differ = Object.entries(contract)
      .filter(
        ([m, spec]) =>
          REVIEWED_METHOD_PERMISSIONS[m] !== undefined && REVIEWED_METHOD_PERMISSIONS[m] !== spec.permission,
      )
      .map(([m, spec]) => `${m}: contract ${spec.permission}, reviewed ${REVIEWED_METHOD_PERMISSIONS[m]}`);
    expect(differ).toEqual([]);
  });

  it('keeps the 等保 separation: security manages operators only; the auditor writes nothing; admin cannot read the audit log', () => {
    const table = roleMethodTable();
    const allowed = (role: string) => Object.keys(table).filter((m) => table[m]![role]);
    const writes: Permission[] = [
      'roster.write',
      'year.write',
      'ratings.write',
      'evidence.write',
      'yearend.decide',
      'backup.manage',
      'operators.manage',
    ];
    expect(ROLE_PERMISSIONS.auditor.filter((p) => writes.includes(p))).toEqual([]);
    expect(ROLE_PERMISSIONS.security.filter((p) => !['public', 'session', 'operators.manage'].includes(p))).toEqual([]);
    expect(roleHas('admin', 'audit.read')).toBe(false);
    expect(roleHas('admin', 'operators.manage')).toBe(false);
    expect(
      allowed('rater').every((m) =>
        [
          'public',
          'session',
          'roster.read',
          'year.read',
          'ratings.read',
          'ratings.write',
          'evidence.read',
          'evidence.write',
        ].includes(contract[m as keyof typeof contract].permission),
      ),
    ).toBe(true);
  });

  it('a method whose name says it writes never needs only a read, public or session permission', () => {
    const WRITE_VERB =
      // a whole word of the method name: `set` in `setupProgress` (a read of the first-run progress) is not a verb
      /\.(create|update|save|delete|remove|import|apply|decide|finali[sz]e|set|move|void|restore|reset|approve|confirm|review|generate|write|add)(?=[A-Z]|$)/;
    const SAFE: Permission[] = [
      'public',
      'session',
      'roster.read',
      'year.read',
      'ratings.read',
      'evidence.read',
      'yearend.read',
      'audit.read',
    ];
    // Reviewed: log-in methods; imports.apply checks the kind's write permission in its handler (and the
    // session guard pauses it with the other writes when the audit chain is broken); templates write only a file.
    const ALLOWED_EXCEPTIONS = new Set([
      'auth.setup',
      'auth.changePassword',
      'auth.saveSettings',
      'yearend.settingsImpact' /* reads: computes the impact of proposed settings, saves nothing */,
      'imports.apply',
      'templates.generate',
    ]);
    const suspicious = Object.entries(contract)
      .filter(
        ([m, spec]) =>
          WRITE_VERB.test(m) &&
          SAFE.includes(spec.permission) &&
          !ALLOWED_EXCEPTIONS.has(m) &&
          !/preview|validate|check/i.test(m),
      )
      .map(([m, spec]) => `${m} (${spec.permission})`);
    expect(suspicious).toEqual([]);
  });
});
