// The evidence and missing-list commands on a real store folder, as an office runs them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { runCli } from '../../electron/cli/index';
import { EXIT_CODE } from '../../electron/cli/exit-codes';
import { tempCore, type TempCore } from '../support/temp-core';
import { smallAgency } from '../support/evidence-fixtures';
import { createEvidence, voidEvidence } from '../../electron/core/evidence/evidence-service';

let t: TempCore;
beforeEach(() => {
  t = tempCore();
  const a = smallAgency(t.core.db);
  createEvidence(t.ctx, {
    personId: a.people.zhang,
    kind: 'sanction',
    subKind: '警告',
    date: '2026-08-01',
    docNo: '纪〔2026〕8号',
  });
  const v = createEvidence(t.ctx, {
    personId: a.people.zhang,
    kind: 'commendation',
    subKind: '嘉奖',
    date: '2026-02-01',
    docNo: '奖',
  });
  voidEvidence(t.ctx, v.id, '错录');
  t.core.close();
});
afterEach(() => t.cleanup());

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...argv, '--data-dir', t.dir], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('evidence-list', () => {
  it('prints the timeline in date order', async () => {
    const r = await cli('evidence-list', '--person', 'A001', '--year', '2026');
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('张三（A001，综合科）2026 年度时间线 / timeline');
    expect(r.out.slice(1, 4)).toEqual([
      '2026-02-01  奖励·嘉奖  文号 奖  【已作废：错录】',
      '2026-03-31  平时考核 2026Q1 第一季度：好  工作纪实：完成年度重点任务一项',
      '2026-06-30  平时考核 2026Q2 第二季度：好',
    ]);
    expect(r.out).toContain('2026-08-01  处分·警告  处分期 2026-08-01 至 2027-01-31  文号 纪〔2026〕8号');
  });

  it('says what is wrong with its arguments', async () => {
    expect((await cli('evidence-list')).code).toBe(2);
    expect((await cli('evidence-list', '--person', 'A001', '--year', '26')).code).toBe(2);
    const r = await cli('evidence-list', '--person', 'Z999');
    expect(r.code).toBe(EXIT_CODE.NOT_FOUND);
    expect(r.err[0]).toContain('找不到人员编号 Z999');
  });
});

describe('missing', () => {
  it('prints and exports the missing list', async () => {
    const r = await cli('missing', '--year', '2026');
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^示例局 2026 年度未评定 13 人次/);
    expect(r.out[1]).toBe('综合科\t2026Q2\tA002\t李四');
    const file = join(t.dir, 'out.xlsx');
    const e = await cli('missing', '--year', '2026', '--out', file);
    expect(e.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('未评定名单')!.rowCount).toBe(15);
    expect((await cli('missing', '--year', '2030')).code).toBe(EXIT_CODE.NOT_FOUND);
    expect((await cli('missing')).code).toBe(2);
  });
});
