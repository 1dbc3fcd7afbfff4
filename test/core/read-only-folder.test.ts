// A data folder that cannot be written (a tmpfs remounted read-only, as root; skipped elsewhere): the
// store opens read-only, verify-audit and reads run, a write (the log-in's own audit entry) is refused
// with one Chinese sentence, never an English SqliteError stack, and the file is unchanged.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppCore } from '../../electron/core/app-core';
import { dispatch } from '../../electron/core/api/dispatch';
import { newSession } from '../../electron/core/api/session';
import { SYSTEM_OPERATOR } from '../../electron/core/context';
import { seedStore } from '../support/xlsx-fixtures';
import { cliIn, insertCliOperator, CLI_PASSWORD } from '../support/cli-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'da-ro-'));
const mounted = (() => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
afterAll(() => {
  if (mounted) execFileSync('umount', [dir], { stdio: 'ignore' });
  rmSync(dir, { recursive: true, force: true });
});

const cli = cliIn(dir);

describe.skipIf(!mounted)('a read-only data folder', () => {
  it('opens read-only: verify-audit and reads run, a write is refused in Chinese, the file unchanged', async () => {
    const core = new AppCore({ dataDir: dir, logError: () => undefined, autoBackup: false });
    seedStore(core.ctx(SYSTEM_OPERATOR), 2);
    await insertCliOperator(core, 'jingban', 'clerk');
    core.close();
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    const digest = () =>
      createHash('sha256')
        .update(readFileSync(join(dir, 'assessment.sqlite')))
        .digest('hex');
    const before = digest();

    const ro = new AppCore({ dataDir: dir, logError: () => undefined });
    try {
      expect(ro.readOnly).toBe(true);
      const status = await dispatch(ro, newSession(), 'auth.status', {});
      expect((status as { value: { backupWarning: string } }).value.backupWarning).toMatch(
        /数据目录不能写入.*只读方式打开/,
      );
      const login = await dispatch(ro, newSession(), 'auth.login', { username: 'jingban', password: CLI_PASSWORD });
      expect(login).toMatchObject({ ok: false, error: { code: 'STORE' } });
      expect((login as { error: { message: string } }).error.message).toMatch(/不能写入/);
    } finally {
      ro.close();
    }

    const verify = await cli(['verify-audit']);
    expect(verify.err).toBe('');
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/审计链完整/);
    const units = await cli(['units']);
    expect(units.code).toBe(0);
    expect(units.out).toContain('办公室');
    const write = await cli(['units', 'create', '--name', '新部门', '--operator', 'jingban'], {
      DA_PASSWORD: CLI_PASSWORD,
    });
    expect(write.code).not.toBe(0);
    expect(write.err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(write.err).toMatch(/不能写入/);
    expect(write.err).not.toMatch(/SqliteError|at /);
    expect(digest()).toBe(before);
  });
});
