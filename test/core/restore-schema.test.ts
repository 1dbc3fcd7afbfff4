// Restore and open compare the schema with the migrations': hostile backups (an extra trigger that
// rewrote a saved 较好 as 较差, the append-only triggers removed, a dropped column, an extra index
// or view) are refused with a Chinese message and the store is left exactly as it was; a tampered
// live store is refused on open, while the command line can still verify and restore it. A restore
// and its audit entry are one step: SIGKILLs at random moments never leave one without the other.
import { describe, expect, it, afterEach } from 'vitest';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppCore } from '../../electron/core/app-core';
import { dispatch } from '../../electron/core/api/dispatch';
import { recordAudit, verifyAuditChain } from '../../electron/core/audit/audit-log';
import { backupNow } from '../../electron/core/backup/backup';
import { PARTIAL_SUFFIX } from '../../electron/core/backup/atomic-write';
import { SYSTEM_OPERATOR, writeTx } from '../../electron/core/context';
import { runCli } from '../../electron/cli/index';
import { tempCore, tempDir, type TempCore } from '../support/temp-core';
import { dumpStore } from '../support/xlsx-fixtures';
import { CLI_PASSWORD, insertCliOperator } from '../support/cli-fixtures';

let t: TempCore | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const HOSTILE: [label: string, sql: string, named: RegExp][] = [
  [
    'an extra trigger that rewrites a saved grade',
    "CREATE TRIGGER sneaky AFTER INSERT ON period_rating BEGIN UPDATE period_rating SET rating = 'poor' WHERE id = NEW.id; END;",
    /多出触发器 sneaky（作用于 period_rating 表）/,
  ],
  [
    'the append-only triggers removed',
    'DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;',
    /缺少触发器 audit_log_no_delete；缺少触发器 audit_log_no_update/,
  ],
  ['a dropped column', 'ALTER TABLE person DROP COLUMN left_reason;', /表 person 的结构被改动（缺少列 left_reason）/],
  ['an added column', 'ALTER TABLE person ADD COLUMN note TEXT;', /多出列 note/],
  ['an extra index', 'CREATE INDEX x_idx ON person(name, unit_id);', /多出索引 x_idx/],
  ['a view', 'CREATE VIEW v AS SELECT * FROM person;', /多出视图 v/],
  [
    'a changed trigger body',
    "DROP TRIGGER audit_log_no_update; CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN 0 BEGIN SELECT RAISE(ABORT, 'x'); END;",
    /触发器 audit_log_no_update 的定义被改动/,
  ],
];

function setMeta(core: AppCore, value: string): void {
  const ctx = core.ctx({ id: 'system', username: 'system', displayName: '命令行工具', role: 'system', unitScope: [] });
  writeTx(ctx, () => {
    ctx.db
      .prepare(
        "INSERT INTO app_meta (key, value) VALUES ('marker', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      )
      .run(value);
    recordAudit(ctx, { action: 'settings.backup', entity: 'app_meta', entityId: 'marker', after: value });
  });
}

async function cli(
  dir: string,
  args: string[],
  operator = 'guanli',
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(
    [...args, '--data-dir', dir],
    { out: (l) => (out += l + '\n'), err: (l) => (err += l + '\n') },
    {
      vars: { NODE_ENV: 'test', DA_PASSWORD: CLI_PASSWORD, ...(operator ? { DA_OPERATOR: operator } : {}) },
      prompt: null,
    },
  );
  return { code, out, err };
}

describe('hostile backups', () => {
  it.each(HOSTILE)(
    'refuses a backup with %s, naming it, and leaves the store as it was',
    async (_label, sql, named) => {
      t = tempCore();
      setMeta(t.core, 'live');
      const good = await backupNow(t.core, t.dir, 'manual');
      const bad = join(t.dir, 'backups', 'assessment-20261125-030000-manual.sqlite');
      copyFileSync(good.file, bad);
      const raw = new Database(bad);
      raw.exec(sql);
      raw.close();
      const before = dumpStore(t.core.db);
      const r = await dispatch(t.core, t.session, 'backup.restore', { file: bad, reason: '测试恢复' });
      expect(r).toMatchObject({ ok: false, error: { code: 'FILE_REFUSED' } });
      expect(!r.ok && r.error.message).toMatch(/备份文件的数据库结构与本程序不一致/);
      expect(!r.ok && r.error.message).toMatch(named);
      expect(dumpStore(t.core.db)).toBe(before);
      // The sound backup still restores.
      expect(
        await dispatch(t.core, t.session, 'backup.restore', { file: good.file, reason: '测试恢复' }),
      ).toMatchObject({
        ok: true,
      });
    },
  );
});

describe('the live store on open', () => {
  it('refuses a store with an extra trigger; the CLI still verifies (exit 1, naming it) and restores it', async () => {
    t = tempCore();
    setMeta(t.core, 'before');
    await insertCliOperator(t.core, 'guanli', 'admin');
    const good = await backupNow(t.core, t.dir, 'manual');
    t.core.close();
    const raw = new Database(t.core.storeFile);
    raw.exec(HOSTILE[0]![1]);
    raw.close();
    expect(() => new AppCore({ dataDir: t!.dir, logError: () => undefined })).toThrow(
      /数据文件的数据库结构与本程序不一致（多出触发器 sneaky.*已停止打开/,
    );
    const v = await cli(t.dir, ['verify-audit'], ''); // the read-only system identity
    expect(v.code).toBe(1);
    expect(v.err).toMatch(/数据库结构被改动.*多出触发器 sneaky/);
    const r = await cli(t.dir, ['restore', good.file]);
    expect(r.code, r.err).toBe(0);
    const reopened = new AppCore({ dataDir: t.dir, logError: () => undefined });
    expect(reopened.auditStatus.ok, reopened.auditStatus.problems.join('|')).toBe(true);
    // The command line signs in, restores and signs out: the restore entry is among the last ones.
    const last = reopened.db.prepare('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 4').pluck().all();
    expect(last).toContain('backup.restore');
    reopened.close();
  });
});

describe('a restore and its audit entry are one step', () => {
  const KILLS = Number(process.env.RESTORE_KILLS ?? 14);

  function runAndKill(dataDir: string, backup: string, delayMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(__dirname, 'restore-crash-child.ts'), dataDir, backup],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let last = '';
      let err = '';
      let timer: NodeJS.Timeout | undefined;
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        for (const line of chunk.split('\n').filter(Boolean)) {
          last = line;
          if (line === 'ready' && !timer) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      });
      child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
      child.on('exit', (code, signal) => {
        if (timer) clearTimeout(timer);
        if (signal === 'SIGKILL') resolve(last);
        else reject(new Error(`child ended by itself (${String(code)}): ${err.slice(0, 2000)}`));
      });
    });
  }

  it(`survives ${KILLS} SIGKILLs during restores: the restored content always carries its restore entry`, async () => {
    const dir = tempDir('da-restore-kill-');
    const core = new AppCore({ dataDir: dir, logError: () => undefined, autoBackup: false });
    setMeta(core, 'backup');
    // Bulk, so that kills land inside the copies (about 4 MB).
    const fill = core.db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?)');
    writeTx(core.ctx(SYSTEM_OPERATOR), () => {
      for (let i = 0; i < 2000; i++) fill.run(`fill.${i}`, 'x'.repeat(2000));
    });
    const backup = await backupNow(core, dir, 'manual');
    const keep = join(tempDir('da-restore-src-'), 'source.sqlite');
    copyFileSync(backup.file, keep);
    core.close();
    const seen = { old: 0, restored: 0, mid: 0 };
    for (let k = 0; k < KILLS; k++) {
      const last = await runAndKill(dir, keep, 20 + Math.floor(Math.random() * 1500));
      if (last.startsWith('marked')) seen.mid++;
      else seen.old++;
      const after = new AppCore({ dataDir: dir, logError: () => undefined, autoBackup: false });
      try {
        expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(verifyAuditChain(after.db).ok).toBe(true);
        expect(after.auditStatus.ok).toBe(true);
        const marker = (after.db.prepare("SELECT value FROM app_meta WHERE key = 'marker'").get() as { value: string })
          .value;
        const lastAction = (
          after.db.prepare('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { action: string }
        ).action;
        // Restored content ⇔ the last entry is the restore; the live mark ⇔ the last entry is the mark.
        expect(lastAction).toBe(marker === 'backup' ? 'backup.restore' : 'settings.backup');
        if (marker === 'backup') seen.restored++;
        expect(readdirSync(join(dir, 'backups')).filter((n) => n.endsWith(PARTIAL_SUFFIX))).toEqual([]);
      } finally {
        after.close();
      }
    }
    console.log(
      `restore kills: ${KILLS}, killed inside a restore: ${seen.mid}, elsewhere: ${seen.old}; store found restored (with its entry): ${seen.restored}, found as before: ${KILLS - seen.restored}`,
    );
  }, 240_000);
});
