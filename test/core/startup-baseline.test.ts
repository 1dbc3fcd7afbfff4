// The seal baseline a migration makes due (the first open after 0010, or any later migration) is no
// longer taken before the window: the window's start leaves it to the background checks, which read
// the rows without the write lock and bring the snapshot up to date with what the window wrote
// meanwhile. The baseline still proves the data: a row edited outside the app afterwards is named.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { AppCore } from '../../electron/core/app-core';
import { readDigestSnapshot, writeBaselineFromSnapshot } from '../../electron/core/audit/baseline-snapshot';
import { baselineVersion } from '../../electron/core/audit/seal-entry';
import { SYSTEM_OPERATOR, writeTx } from '../../electron/core/context';
import { currentVersion } from '../../electron/core/db/migrate';
import { openStore } from '../../electron/core/db/open';
import { storeFile } from '../../electron/core/db/paths';
import { createUnit, deleteUnit, renameUnit } from '../../electron/core/roster';
import { tempDir } from '../support/temp-core';

const cores: AppCore[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
});

const NOW = () => new Date('2026-11-25T02:00:00Z');

/** A store as the version before row seals left it (schema 9), holding units no seal has seen. */
function unsealedStore(units: number): string {
  const dir = tempDir('da-baseline-');
  const db = openStore(storeFile(dir), { targetVersion: 9 });
  const ins = db.prepare(
    "INSERT INTO unit (id, parent_id, kind, name, sort_order, created_at, updated_at, updated_by) VALUES (?, NULL, 'agency', ?, 0, 'x', 'x', 'system')",
  );
  db.transaction(() => {
    for (let i = 0; i < units; i++) ins.run(`u${i}`, `单位${i}`);
  })();
  db.close();
  return dir;
}

function open(dir: string, startup: 'sync' | 'background'): AppCore {
  const c = new AppCore({ dataDir: dir, now: NOW, logError: () => undefined, startup, autoBackup: false });
  cores.push(c);
  return c;
}

const baselines = (c: AppCore) =>
  (c.db.prepare("SELECT count(*) AS n FROM audit_seal WHERE kind = 'baseline'").get() as { n: number }).n;

describe('seal baseline after a migration', () => {
  it('is left to the background checks on a window start, and then proves the data', async () => {
    const dir = unsealedStore(300);
    const win = open(dir, 'background');
    // Migrated before the window, but no row digested: that waits for the first screen.
    expect(baselines(win)).toBe(0);
    expect(win.auditStatus).toMatchObject({ ok: true, scope: 'chain' });
    // The window writes before the background checks run: sealed as usual.
    createUnit(win.ctx(SYSTEM_OPERATOR), { parentId: null, name: '新建单位' });
    const done = await win.startBackgroundChecks();
    expect(done.state).toBe('done');
    expect(baselineVersion(win.db)).toBe(currentVersion(win.db));
    expect(win.auditStatus).toMatchObject({ ok: true, scope: 'full' });
    win.close();

    const raw = new Database(storeFile(dir));
    raw.exec("UPDATE unit SET name = '被改的名称' WHERE id = 'u7'");
    raw.close();
    const next = open(dir, 'background');
    await next.startBackgroundChecks();
    expect(next.auditStatus.ok).toBe(false);
    expect(next.auditStatus.problems.join('\n')).toMatch(/unit 表的记录 u7 在程序之外被修改（name 列/);
  }, 60_000);

  it('a snapshot read before the window wrote is brought up to date inside the write', () => {
    const dir = unsealedStore(50);
    const win = open(dir, 'background');
    const ctx = win.ctx(SYSTEM_OPERATOR);
    const snap = readDigestSnapshot(win.db);
    expect(snap.rows.filter((r) => r[0] === 'unit')).toHaveLength(50);
    // After the snapshot: one row added, one changed, one removed, each sealed by its own write.
    createUnit(ctx, { parentId: null, name: '快照之后新建' });
    renameUnit(ctx, { id: 'u3', name: '快照之后改名' });
    deleteUnit(ctx, 'u4');
    expect(writeBaselineFromSnapshot(ctx, snap, '数据库结构升级后重新建立数据基线')).toBe(50);
    // A second try (the core took it first) writes nothing.
    expect(writeBaselineFromSnapshot(ctx, snap, 'x')).toBeNull();
    expect(win.verifyAudit()).toMatchObject({ ok: true, scope: 'full' });
  });

  it('verify-audit before the background checks takes the baseline itself', () => {
    const dir = unsealedStore(20);
    const win = open(dir, 'background');
    expect(baselines(win)).toBe(0);
    expect(win.verifyAudit()).toMatchObject({ ok: true, scope: 'full' });
    expect(baselines(win)).toBeGreaterThan(0);
  });

  it('with no checkpoint yet, the window start checks only the last entries; the walk finds older tampering', async () => {
    const dir = tempDir('da-baseline-');
    const first = open(dir, 'sync');
    const ctx = first.ctx(SYSTEM_OPERATOR);
    writeTx(ctx, () => {
      for (let i = 0; i < 1500; i++) createUnit(ctx, { parentId: null, name: `单位${i}` });
    });
    first.close();
    const raw = new Database(storeFile(dir));
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.exec("UPDATE audit_log SET reason = '改过' WHERE seq = 50");
    raw.exec(
      "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\nBEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;",
    );
    raw.close();
    const win = open(dir, 'background');
    expect(win.auditStatus).toMatchObject({ ok: true, scope: 'chain' });
    await win.startBackgroundChecks();
    expect(win.auditStatus).toMatchObject({ ok: false, brokenSeq: 50, scope: 'full' });
  }, 60_000);

  it('the command line (sync start) still takes it on open, over more rows than one part', () => {
    // More rows than one seal part holds: the baseline reads every table before it writes its parts.
    const c = open(unsealedStore(2500), 'sync');
    expect(baselines(c)).toBeGreaterThan(0);
    expect(c.auditStatus).toMatchObject({ ok: true, scope: 'full' });
  });
});
