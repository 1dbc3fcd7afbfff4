// Start-up that does not grow with the history: the window's start checks only the audit entries
// since the last checkpoint (recorded in the chain by a sound full walk); quick_check, the daily
// backup and the full walk run in a worker afterwards, and a tampered entry deep in the history is
// still found by that walk (same banner, writes paused) and by verify-audit.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { AppCore } from '../../electron/core/app-core';
import { auditWarning, lastCheckpoint } from '../../electron/core/audit/audit-check';
import { recordAudit } from '../../electron/core/audit/audit-log';
import { listBackups } from '../../electron/core/backup/backup';
import { SYSTEM_OPERATOR, writeTx } from '../../electron/core/context';
import { dispatch } from '../../electron/core/api/dispatch';
import { runCli } from '../../electron/cli/index';
import { tempDir } from '../support/temp-core';

const cores: AppCore[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
});

function open(dir: string, startup: 'sync' | 'background'): AppCore {
  // The first (sync) open takes no daily backup, so the window's start is the one that does.
  const c = new AppCore({
    dataDir: dir,
    logError: () => undefined,
    startup,
    checkOutputs: true,
    autoBackup: startup === 'background',
  });
  cores.push(c);
  return c;
}

function history(core: AppCore, n: number): void {
  const ctx = core.ctx(SYSTEM_OPERATOR);
  writeTx(ctx, () => {
    for (let i = 0; i < n; i++)
      recordAudit(ctx, { action: 'person.update', entity: 'person', entityId: `p${i}`, after: { n: i } });
  });
}

describe('start-up checks', () => {
  it('checks from the checkpoint on open; the background walk finds a tampered entry deep in the history', async () => {
    const dir = tempDir('da-startup-');
    const first = open(dir, 'sync');
    history(first, 2500);
    first.close();
    // A window start: the walk runs in a worker and records a checkpoint; the daily backup too.
    const win = open(dir, 'background');
    expect(win.background.state).toBe('pending');
    expect(listBackups(dir).filter((b) => b.reason === 'daily')).toHaveLength(0);
    const done = await win.startBackgroundChecks();
    expect(done).toMatchObject({ state: 'done', quickCheck: 'ok', backup: { ok: true } });
    expect(listBackups(dir).filter((b) => b.reason === 'daily')).toHaveLength(1);
    expect(win.auditStatus).toMatchObject({ ok: true, scope: 'full' });
    const cp = lastCheckpoint(win.db);
    expect(cp?.seq).toBeGreaterThanOrEqual(2500);
    const info = await dispatch(win, { operator: null, lastActivityMs: Date.now() }, 'system.info', {});
    expect(info).toMatchObject({ ok: true, value: { startupChecks: { state: 'done', quickCheck: 'ok' } } });
    history(win, 10);
    win.close();
    // Someone edits entry 100, far behind the checkpoint, and puts the trigger back.
    const raw = new Database(win.storeFile);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.exec("UPDATE audit_log SET reason = '改过' WHERE seq = 100");
    raw.exec(
      "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\nBEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;",
    );
    raw.close();
    const next = open(dir, 'background');
    // The check before the window covers only the entries after the checkpoint: it passes, quickly.
    expect(next.auditStatus).toMatchObject({ ok: true, scope: 'chain' });
    await next.startBackgroundChecks();
    expect(next.auditStatus).toMatchObject({ ok: false, brokenSeq: 100 });
    expect(auditWarning(next.auditStatus)).toMatch(/第 100 条审计记录的内容被修改/);
    const session = { operator: SYSTEM_OPERATOR, lastActivityMs: Date.now() };
    expect(await dispatch(next, session, 'units.create', { parentId: null, name: '某局' })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
    next.close();
    let err = '';
    const code = await runCli(
      ['verify-audit', '--data-dir', dir],
      { out: () => undefined, err: (l) => (err += l) },
      {
        vars: { NODE_ENV: 'test' },
        prompt: null,
      },
    );
    expect(code).toBe(1);
    expect(err).toMatch(/第 100 条审计记录的内容被修改/);
  }, 60_000);

  it('an edit after the checkpoint is found before the window opens', async () => {
    const dir = tempDir('da-startup-');
    const first = open(dir, 'sync');
    history(first, 1200);
    first.close();
    const win = open(dir, 'background');
    await win.startBackgroundChecks();
    const cp = lastCheckpoint(win.db)!;
    history(win, 5);
    win.close();
    const raw = new Database(win.storeFile);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET reason = '改过' WHERE seq = ?").run(cp.seq + 3);
    raw.exec(
      "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\nBEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;",
    );
    raw.close();
    expect(open(dir, 'background').auditStatus).toMatchObject({ ok: false, brokenSeq: cp.seq + 3, scope: 'chain' });
  }, 60_000);
});
