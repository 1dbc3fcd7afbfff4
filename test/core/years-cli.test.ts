// The years commands of the command-line tool on a real data folder: create, refuse, list.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { runCli } from '../../electron/cli/index';
import { CLI_PASSWORD, insertCliOperator } from '../support/cli-fixtures';
import { EXIT_CODE } from '../../electron/cli/exit-codes';
import { AppCore } from '../../electron/core/app-core';
import { SYSTEM_OPERATOR } from '../../electron/core/context';
import { tempDir } from '../support/temp-core';
import { makeAgency } from '../support/year-fixtures';

let dir: string;
beforeEach(async () => {
  dir = tempDir();
  const core = new AppCore({ dataDir: dir });
  makeAgency(core.ctx(SYSTEM_OPERATOR), { name: '某区发改委' });
  await insertCliOperator(core, 'jingban', 'clerk');
  core.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    [...argv, '--data-dir', dir],
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    { vars: { NODE_ENV: 'test', DA_OPERATOR: 'jingban', DA_PASSWORD: CLI_PASSWORD }, prompt: null },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('years CLI', () => {
  it('year-create and years', async () => {
    const r = await cli('year-create', '--unit', '某区发改委', '--year', '2026', '--period-kind', 'half');
    expect(r.code).toBe(0);
    expect(r.out).toContain('已建立 某区发改委 2026 年度（按半年，2 个期间）');
    expect(r.out).toContain('2026H2  下半年  2026-07-01 — 2026-12-31');
    const again = await cli('year-create', '--unit', '某区发改委', '--year', '2026');
    expect(again.code).toBe(EXIT_CODE.CONFLICT);
    expect(again.err).toContain('2026 年度已经建立');
    expect((await cli('year-create', '--unit', '不存在', '--year', '2026')).err).toContain('找不到单位“不存在”');
    expect((await cli('year-create', '--unit', '某区发改委', '--year', 'abc')).code).toBe(2);
    expect((await cli('year-create', '--unit', '某区发改委', '--year', '2027', '--period-kind', 'week')).code).toBe(2);
    const list = await cli('years');
    expect(list.code).toBe(0);
    expect(list.out).toContain('2026  某区发改委  平时采集');
  });
});
