// Disk problems on real small file systems (tmpfs mounts, as root; skipped where mounting is not
// allowed): a pack export onto a full disk and an import whose store's disk is full fail with a
// Chinese sentence saying the disk is full (not "后台任务出错"), leave no partial file and change
// nothing; a daily backup that fails is reported at log-in (auth.status) and cleared by a manual backup.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppCore } from '../../electron/core/app-core';
import { dispatch } from '../../electron/core/api/dispatch';
import { grantPath } from '../../electron/core/api/handlers/desktop';
import { newSession } from '../../electron/core/api/session';
import { SYSTEM_OPERATOR } from '../../electron/core/context';
import { generateDemo } from '../../electron/core/demo';
import { startPackExport } from '../../electron/core/pack/start-export';
import { dumpStore, ROSTER_HEADER, seedStore, writeXlsx } from '../support/xlsx-fixtures';
import { tempDir } from '../support/temp-core';

const mounts: string[] = [];

function mountTmpfs(size: string): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'da-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  mounts.push(dir);
  return dir;
}

/** Fills the file system until fewer than `leaveKb` kilobytes are free. */
function fill(dir: string, leaveKb = 0): void {
  const chunk = Buffer.alloc(16 * 1024, 1);
  for (let i = 0; ; i++) {
    try {
      const free = Number(execFileSync('df', ['--output=avail', '-k', dir]).toString().split('\n')[1]);
      if (free <= leaveKb) return;
      writeFileSync(join(dir, `filler-${i}`), free - leaveKb < 16 ? chunk.subarray(0, (free - leaveKb) * 1024) : chunk);
    } catch {
      return;
    }
  }
}

const canMount = (() => {
  const d = mountTmpfs('64k');
  if (!d) return false;
  execFileSync('umount', [d]);
  mounts.pop();
  return true;
})();

afterEach(() => {
  for (const d of mounts.splice(0)) {
    try {
      execFileSync('umount', [d], { stdio: 'ignore' });
      rmSync(d, { recursive: true, force: true });
    } catch {
      /* left for the machine */
    }
  }
});

describe.skipIf(!canMount)('a full disk', () => {
  it('during a pack export: a Chinese sentence saying the disk is full, no partial file', async () => {
    const dataDir = tempDir('da-disk-store-');
    const core = new AppCore({ dataDir, logError: () => undefined, autoBackup: false });
    try {
      generateDemo(core.ctx(SYSTEM_OPERATOR), { people: 60 });
      const yearId = core.db.prepare('SELECT id FROM assessment_year LIMIT 1').pluck().get() as string;
      const out = mountTmpfs('96k')!;
      const job = startPackExport(core, SYSTEM_OPERATOR, {
        yearId,
        scope: 'unit',
        departmentIds: [],
        sheets: ['forms', 'records'],
        folder: out,
      });
      const end = await core.jobs.wait(job.id);
      expect(end.status).toBe('failed');
      expect(end.error?.code).toBe('STORE');
      expect(end.error?.message).toMatch(/^磁盘空间已满，考核材料未能写入/);
      expect(end.error?.message).not.toMatch(/后台任务出错|ENOSPC/);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      core.close();
    }
  });

  it("during an import, the store's own disk full: the same sentence, and the store as it was", async () => {
    const dataDir = mountTmpfs('6m')!;
    const core = new AppCore({ dataDir, logError: () => undefined, autoBackup: false });
    const session = newSession();
    session.operator = SYSTEM_OPERATOR;
    try {
      const seed = seedStore(core.ctx(SYSTEM_OPERATOR), 2);
      const dept = Object.keys(seed.departments)[0]!;
      const file = join(tempDir('da-disk-in-'), 'roster.xlsx');
      const rows = Array.from({ length: 3000 }, (_, i) => {
        const r = Array<string>(ROSTER_HEADER.length).fill('');
        r[0] = `N${String(i).padStart(5, '0')}`;
        r[1] = `新人${i}`;
        r[6] = dept;
        r[9] = '公务员';
        return r;
      });
      await writeXlsx(file, [{ name: '人员名册', rows: [ROSTER_HEADER, ...rows] }]);
      grantPath(session, file);
      const pv = await dispatch(core, session, 'imports.preview', { kind: 'roster', path: file });
      if (!pv.ok) throw new Error(JSON.stringify(pv));
      const previewEnd = await core.jobs.wait((pv.value as { id: string }).id);
      expect(previewEnd.status, JSON.stringify(previewEnd.error)).toBe('done');
      const previewId = (previewEnd.value as { previewId: string }).previewId;
      const before = dumpStore(core.db);
      fill(dataDir, 48);
      const ap = await dispatch(core, session, 'imports.apply', { previewId, mode: 'all' });
      const error = ap.ok ? (await core.jobs.wait((ap.value as { id: string }).id)).error : ap.error;
      expect(error?.message, JSON.stringify(error)).toMatch(/磁盘空间已满/);
      expect(error?.message).not.toMatch(/后台任务出错|SQLITE_FULL|ENOSPC/);
      expect(dumpStore(core.db)).toBe(before);
      expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      core.close();
    }
  });

  it('a failed daily backup is shown at log-in (auth.status) and on the system page, until a backup succeeds', async () => {
    const dataDir = mountTmpfs('4m')!;
    const first = new AppCore({ dataDir, logError: () => undefined, autoBackup: false });
    seedStore(first.ctx(SYSTEM_OPERATOR), 2);
    first.close();
    // room to open the store and write its WAL, not for a copy of it
    const storeKb = Math.ceil(Number(execFileSync('du', ['-sk', dataDir]).toString().split('\t')[0]));
    fill(dataDir, Math.max(64, Math.floor(storeKb / 3)));
    const core = new AppCore({ dataDir, logError: () => undefined, now: () => new Date('2026-12-01T02:00:00Z') });
    try {
      const status = await dispatch(core, newSession(), 'auth.status', {});
      expect(status.ok).toBe(true);
      const warning = (status as { value: { backupWarning: string | null } }).value.backupWarning;
      expect(warning).toMatch(/^今天的自动备份失败：磁盘空间已满/);
      const info = await dispatch(core, { ...newSession(), operator: SYSTEM_OPERATOR }, 'system.info', {});
      expect(JSON.stringify(info)).toContain('今天的自动备份失败');
      // space again: a manual backup clears the warning
      for (const n of readdirSync(dataDir)) if (n.startsWith('filler-')) rmSync(join(dataDir, n));
      const session = newSession();
      session.operator = SYSTEM_OPERATOR;
      const started = await dispatch(core, session, 'backup.create', {});
      expect(started.ok).toBe(true);
      const end = await core.jobs.wait((started as { value: { id: string } }).value.id);
      expect(end.status, JSON.stringify(end.error)).toBe('done');
      const after = await dispatch(core, newSession(), 'auth.status', {});
      expect((after as { value: { backupWarning: string | null } }).value.backupWarning).toBeNull();
    } finally {
      core.close();
    }
  });
});
