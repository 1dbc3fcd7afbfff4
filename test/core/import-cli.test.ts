// The command line: same checks and messages as the window, bad cells one per line, exit 1 on refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { tempCore, type TempCore } from '../support/temp-core';
import { dumpStore, ROSTER_HEADER, seedStore, writeXlsx } from '../support/xlsx-fixtures';
import { runCli } from '../../electron/cli/index';
import { CLI_PASSWORD, insertCliOperator } from '../support/cli-fixtures';
import { EXIT_CODE } from '../../electron/cli/exit-codes';

let t: TempCore;
beforeAll(async () => {
  t = tempCore();
  seedStore(t.ctx, 3);
  await insertCliOperator(t.core, 'jingban', 'clerk');
});
afterAll(() => t.cleanup());

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    [...argv, '--data-dir', t.dir],
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    { vars: { NODE_ENV: 'test', DA_OPERATOR: 'jingban', DA_PASSWORD: CLI_PASSWORD }, prompt: null },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('import and template commands', () => {
  it('import-roster names each bad cell on its own line and exits 1; --clean-only applies the rest', async () => {
    const path = join(t.dir, 'roster.xlsx');
    await writeXlsx(path, [
      {
        name: '名册',
        rows: [
          ROSTER_HEADER,
          ['C001', '甲一', '男', '', '', '', '办公室', '', '', '公务员'],
          ['C002', '乙二', '女', '', '', '', '宣传科', '', '', '公务员'],
          ['C003', '丙三', '男', '', '', '', '办公室', '', '', '临时工'],
        ],
      },
    ]);
    // the operator's log-in and log-out are on the record; nothing else may change
    const data = ['audit_log', 'operator'];
    const before = dumpStore(t.core.db, data);
    const seqBefore = (t.core.db.prepare('SELECT MAX(seq) AS s FROM audit_log').get() as { s: number }).s;
    const refused = await cli('import-roster', path);
    expect(refused.code).toBe(EXIT_CODE.IMPORT_REJECTED);
    const lines = refused.err.split('\n').filter((l) => l.startsWith('  工作表'));
    expect(lines).toEqual([
      expect.stringContaining('第 3 行 G列（部门）「宣传科」：找不到部门“宣传科”'),
      expect.stringContaining('第 4 行 J列（人员类别）「临时工」'),
    ]);
    expect(refused.err).toContain('未导入任何数据');
    expect(dumpStore(t.core.db, data)).toBe(before);
    const actions = t.core.db.prepare('SELECT action FROM audit_log WHERE seq > ? ORDER BY seq').all(seqBefore);
    expect(actions).toEqual([{ action: 'auth.login' }, { action: 'auth.logout' }]);
    const clean = await cli('import-roster', path, '--clean-only');
    expect(clean.code).toBe(0);
    expect(clean.out).toContain('新增 1 条');
  }, 60_000);

  it('refuses a file that is not xlsx with exit 1 and the Chinese reason', async () => {
    const r = await cli('import-evidence', join(t.dir, 'roster.xlsx.missing'));
    expect(r.code).toBe(EXIT_CODE.NOT_FOUND);
    expect(r.err).toContain('找不到文件');
  });

  it('template writes a file; missing flags are a usage error', async () => {
    const out = join(t.dir, 'tpl.xlsx');
    const r = await cli('template', '--kind', 'ratings', '--unit', '办公室', '--period', '2026Q1', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect((await cli('template', '--kind', 'ratings')).code).toBe(2);
  }, 60_000);
});
