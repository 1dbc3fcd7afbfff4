// Backups: daily on first open, manual, to a chosen folder, rotation, and restore after checking the
// backup (a damaged or foreign file is refused and the store is left as it was); CLI backup/restore.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppCore } from '../../electron/core/app-core';
import { dispatch } from '../../electron/core/api/dispatch';
import { recordAudit } from '../../electron/core/audit/audit-log';
import { backupNow, listBackups, rotateBackups } from '../../electron/core/backup/backup';
import { writeTx, type Ctx } from '../../electron/core/context';
import { ScriptedDesktop } from '../../electron/core/desktop';
import { runCli } from '../../electron/cli/index';
import { CLI_PASSWORD, insertCliOperator } from '../support/cli-fixtures';
import { tempCore, tempDir, type TempCore } from '../support/temp-core';
import { jobEnd } from '../support/import-flow';
import type { JobState } from '../../electron/core/jobs/runner';

let t: TempCore | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

function setMeta(ctx: Ctx, key: string, value: string): void {
  writeTx(ctx, () => {
    ctx.db
      .prepare('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
    recordAudit(ctx, { action: 'settings.backup', entity: 'app_meta', entityId: key, after: value });
  });
}

function meta(core: AppCore, key: string): string | undefined {
  return (core.db.prepare('SELECT value FROM app_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

describe('backups', () => {
  it('takes one backup on the first open of a day, not on later opens', () => {
    t = tempCore();
    expect(listBackups(t.dir).filter((b) => b.reason === 'daily')).toHaveLength(1);
    t.core.close();
    const again = new AppCore({
      dataDir: t.dir,
      now: () => new Date('2026-11-25T09:00:00Z'),
      logError: () => undefined,
    });
    expect(listBackups(t.dir).filter((b) => b.reason === 'daily')).toHaveLength(1);
    again.close();
    const nextDay = new AppCore({
      dataDir: t.dir,
      now: () => new Date('2026-11-27T09:00:00Z'),
      logError: () => undefined,
    });
    expect(listBackups(t.dir).filter((b) => b.reason === 'daily')).toHaveLength(2);
    nextDay.close();
  });

  it('a backup is a sealed single file that passes integrity_check and holds the data', async () => {
    t = tempCore();
    setMeta(t.ctx, 'k', 'v1');
    const info = await backupNow(t.core, t.dir, 'before-import');
    expect(info.name).toMatch(/^assessment-\d{8}-\d{6}-before-import\.sqlite$/);
    const db = new Database(info.file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect((db.prepare("SELECT value FROM app_meta WHERE key = 'k'").get() as { value: string }).value).toBe('v1');
    db.close();
  });

  it('rotation keeps the newest N', async () => {
    t = tempCore();
    for (let i = 0; i < 5; i++)
      await backupNow(t.core, t.dir, 'manual', { now: new Date(Date.UTC(2026, 10, 25, 3, 0, i)) });
    expect(listBackups(t.dir)).toHaveLength(6); // with the daily one
    const removed = rotateBackups(t.dir, 3);
    expect(removed).toHaveLength(3);
    expect(listBackups(t.dir)).toHaveLength(3);
  });

  it('restores a backup after checking it, keeping the current store as a backup first', async () => {
    t = tempCore();
    setMeta(t.ctx, 'k', 'before');
    const backup = await jobEnd(t, 'backup.create', {});
    expect(backup.status, JSON.stringify(backup.error)).toBe('done');
    const file = (backup.value as { file: string }).file;
    // written by the job's own connection, with its audit entry
    expect(
      (
        t.core.db.prepare("SELECT entity_id FROM audit_log WHERE action = 'backup.create'").get() as {
          entity_id: string;
        }
      ).entity_id,
    ).toBe((backup.value as { name: string }).name);
    setMeta(t.ctx, 'k', 'after');
    const r = await dispatch(t.core, t.session, 'backup.restore', { file, reason: '误操作后恢复' });
    expect(r).toMatchObject({ ok: true, value: { restoredFrom: file, auditOk: true } });
    expect(meta(t.core, 'k')).toBe('before');
    // The store that was replaced is itself a backup holding the later value.
    const safety = new Database((r as { value: { safetyBackup: string } }).value.safetyBackup, { readonly: true });
    expect((safety.prepare("SELECT value FROM app_meta WHERE key = 'k'").get() as { value: string }).value).toBe(
      'after',
    );
    safety.close();
    expect(t.core.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(t.core.auditStatus.ok).toBe(true);
    expect(
      (t.core.db.prepare('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { action: string }).action,
    ).toBe('backup.restore');
  });

  it("立即备份 is a job: the store's pages counted as copied, pushed on the job channel, then the file", async () => {
    t = tempCore();
    const seen: JobState[] = [];
    const stop = t.core.jobs.subscribe((s) => seen.push(s));
    const end = await jobEnd(t, 'backup.create', {});
    stop();
    expect(end).toMatchObject({ task: 'trust.backup', status: 'done', value: { reason: 'manual' } });
    const pages = t.core.db.pragma('page_count', { simple: true }) as number;
    // SQLite's online backup counts the store's pages as it copies them; the whole copy is reported
    expect(seen.some((s) => s.status === 'running' && s.total === pages && s.done === pages)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ id: end.id, status: 'done' });
    expect(listBackups(t.dir).filter((b) => b.reason === 'manual')).toHaveLength(1);
  });

  it('refuses a damaged or foreign file and leaves the store as it was; only chosen paths', async () => {
    const desktop = new ScriptedDesktop();
    t = tempCore({ desktop });
    setMeta(t.ctx, 'k', 'keep');
    const junk = join(t.dir, 'junk.sqlite');
    writeFileSync(junk, Buffer.alloc(8192, 7));
    const foreign = join(t.dir, 'foreign.sqlite');
    new Database(foreign).exec('CREATE TABLE x (a)').close();
    // Not chosen in a dialog and not in the backups folder: refused.
    expect(await dispatch(t.core, t.session, 'backup.restore', { file: junk, reason: '测试' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    desktop.nextOpen.push(junk, foreign);
    await dispatch(t.core, t.session, 'desktop.pickOpenFile', { title: '选择备份', filters: [] });
    await dispatch(t.core, t.session, 'desktop.pickOpenFile', { title: '选择备份', filters: [] });
    expect(await dispatch(t.core, t.session, 'backup.restore', { file: junk, reason: '测试' })).toMatchObject({
      ok: false,
      error: { code: 'FILE_REFUSED' },
    });
    expect(await dispatch(t.core, t.session, 'backup.restore', { file: foreign, reason: '测试' })).toMatchObject({
      ok: false,
      error: { code: 'FILE_REFUSED', message: expect.stringMatching(/不是本程序的备份/) },
    });
    expect(meta(t.core, 'k')).toBe('keep');
    expect(t.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('backs up to a folder the clerk picked (e.g. a USB drive), not elsewhere', async () => {
    const desktop = new ScriptedDesktop();
    t = tempCore({ desktop });
    const usb = join(tempDir('da-usb-'), 'U盘');
    mkdirSync(usb);
    expect(await dispatch(t.core, t.session, 'backup.toFolder', { folder: usb })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    desktop.nextFolder.push(usb);
    await dispatch(t.core, t.session, 'desktop.pickFolder', { title: '选择备份位置' });
    const r = await jobEnd(t, 'backup.toFolder', { folder: usb });
    expect(r).toMatchObject({ status: 'done', value: { reason: 'copy' } });
    expect(listBackups(t.dir, usb)).toHaveLength(1);
  });

  it('CLI: backup --to DIR, backups, restore FILE', async () => {
    t = tempCore();
    setMeta(t.ctx, 'k', 'cli-before');
    await insertCliOperator(t.core, 'guanli', 'admin');
    t.core.close();
    const io = { out: () => undefined, err: () => undefined };
    const usb = tempDir('da-usb-');
    const vars = { NODE_ENV: 'test', DA_PASSWORD: CLI_PASSWORD };
    const dir = t.dir;
    const as = (argv: string[], operator = 'guanli') =>
      runCli([...argv, '--data-dir', dir], io, { vars: { ...vars, DA_OPERATOR: operator }, prompt: null });
    // without an operator a backup is refused: it would not be attributed
    expect(await runCli(['backup', '--to', usb, '--data-dir', dir], io, { vars, prompt: null })).toBe(7);
    expect(await as(['backup', '--to', usb])).toBe(0);
    const copy = listBackups(t.dir, usb)[0]!.file;
    const core = new AppCore({ dataDir: t.dir, logError: () => undefined });
    setMeta(core.ctx({ ...t.ctx.operator }), 'k', 'cli-after');
    core.close();
    expect(await as(['restore', copy])).toBe(0);
    expect(await as(['restore'])).toBe(2);
    const check = new AppCore({ dataDir: t.dir, logError: () => undefined });
    expect(meta(check, 'k')).toBe('cli-before');
    expect(check.auditStatus.ok).toBe(true);
    check.close();
    t.core = check; // cleanup closes it again harmlessly
  });
});
