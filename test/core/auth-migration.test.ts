// Migration 0007-trust on a store at version 6 holding operators and a hash-chained audit log:
// rows and the chain survive, the new column and indexes exist, and a backup was taken first.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openStore } from '../../electron/core/db/open';
import { currentVersion, loadMigrations, migrate } from '../../electron/core/db/migrate';
import { recordAudit, verifyAuditChain } from '../../electron/core/audit/audit-log';
import { SYSTEM_OPERATOR } from '../../electron/core/context';
import { listBackups } from '../../electron/core/backup/backup';
import { tempDir } from '../support/temp-core';

describe('migration 0007-trust', () => {
  it('keeps operators and the audit chain, adds last_login_at and the audit indexes', () => {
    const trust = loadMigrations().find((m) => m.name === 'trust')!;
    const dir = tempDir();
    const file = join(dir, 'assessment.sqlite');
    const db = openStore(file, { targetVersion: trust.version - 1 });
    expect(currentVersion(db)).toBe(trust.version - 1);
    const T = '2026-01-05T00:00:00.000Z';
    db.prepare(
      `INSERT INTO operator (id, username, display_name, role, password_hash, created_at, updated_at) VALUES ('o1', 'admin', '张管理', 'admin', 'scrypt$17$8$1$x$y', ?, ?)`,
    ).run(T, T);
    const ctx = { db, operator: SYSTEM_OPERATOR, dataDir: dir, now: () => new Date(T) };
    // Written as a version-6 program wrote them: no row seals (audit_seal arrives with migration 0010).
    for (let i = 0; i < 5; i++)
      db.transaction(() =>
        recordAudit(ctx, { action: 'person.update', entity: 'person', entityId: `p${i}` }),
      ).immediate();
    const before = verifyAuditChain(db);
    const result = migrate(db, file, { targetVersion: trust.version });
    expect(result).toMatchObject({ from: trust.version - 1, to: trust.version });
    expect(result.backup).toBeTruthy();
    expect(listBackups(dir).some((b) => b.reason === `before-migration-v${trust.version}`)).toBe(true);
    expect(db.prepare("SELECT username, last_login_at FROM operator WHERE id = 'o1'").get()).toEqual({
      username: 'admin',
      last_login_at: null,
    });
    const indexes = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log'").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['audit_operator', 'audit_action']));
    expect(verifyAuditChain(db)).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The pre-migration backup holds the old version, untouched.
    const old = new Database(result.backup, { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(trust.version - 1);
    expect((old.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n).toBe(5);
    old.close();
    db.close();
  });
});
