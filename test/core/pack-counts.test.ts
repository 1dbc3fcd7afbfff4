// The printed counts are the engine's counts: on a real store with 2 places, 1 place beyond them
// approved by 文号 and a leader graded by the superior, the summary table, the statistics table and
// the notice list (written to xlsx and read back) say what `yearend.quota` says — not "优秀 4 人，
// 超出上限" — the leader's line prints the superior's 文号, and the notice names only recorded steps.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { writeWorkbook } from '../../electron/core/pack/writer/write-workbook';
import { loadPackData } from '../../electron/core/pack/pack-data';
import { buildPackModels, scopeFor } from '../../shared/sheets/pack-sheets';
import { tempCore, type TempCore } from '../support/temp-core';
import { seedYearEnd, type SeedPerson } from '../support/yearend-fixtures';

let t: TempCore;
beforeEach(() => {
  t = tempCore();
});
afterEach(() => t.cleanup());

async function ok<T>(method: string, input: unknown): Promise<T> {
  const r = await dispatch(t.core, t.session, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const people: SeedPerson[] = [
  { no: 'A01', name: '张一', ratings: '好 好 好 好' },
  { no: 'A02', name: '张二', ratings: '好 好 较好 好' },
  { no: 'A03', name: '张三', ratings: '好 好 较好 较好' },
  { no: 'A04', name: '张四', ratings: '较好 较好 较好 较好', dept: 1 },
  { no: 'A05', name: '张五', ratings: '较好 较好 较好 较好', dept: 1 },
  { no: 'A06', name: '李六', ratings: '较好 较好 较好 较好' },
  { no: 'A07', name: '李七', ratings: '一般 一般 较好 较好', dept: 1 },
  { no: 'A08', name: '李八', ratings: '较好 较好 好 较好' },
  { no: 'A09', name: '李九', ratings: '较好 较好 好 较好', dept: 1 },
  { no: 'A10', name: '王十', ratings: '较好 较好 较好 较好' },
  { no: 'L01', name: '局长', ratings: '好 好 好 好', superior: true },
];

async function cellsOf(file: string): Promise<Map<string, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, string[]>();
  for (const ws of wb.worksheets) {
    const list: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((c) => {
        // line breaks the writer adds for print (shared/sheets/line-break.ts) are not content
        if (c.value !== null && c.value !== undefined) list.push(String(c.value).replace(/\n/g, ''));
      }),
    );
    out.set(ws.name, list);
  }
  return out;
}

describe('printed counts', () => {
  it('come from the engine: places, approvals with 文号, the superior-assessed leader apart', async () => {
    const y = seedYearEnd(t.ctx, { people });
    await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
    const id = (no: string) => y.ids.get(no)!;
    const decide = (no: string, grade: string, extra: Record<string, string> = {}) =>
      ok('yearend.decide', { yearId: y.yearId, personId: id(no), outcome: 'graded', grade, reason: '', ...extra });
    await decide('A01', 'excellent');
    await decide('A02', 'excellent');
    await decide('A03', 'excellent', { reason: '', approvalDocNo: '区考核委〔2026〕9号' });
    await decide('L01', 'excellent', { approvalDocNo: '市委组〔2026〕12号' });
    await ok('yearend.bulkAccept', { yearId: y.yearId, departmentId: null });
    const quota = await ok<{ units: { label: string; allowed: number; used: number; approvedOverrides: number }[] }>(
      'yearend.workbench',
      { yearId: y.yearId, limit: 1 },
    );
    // the engine: 10 in the base (the leader apart), 2 places, 3 used of which 1 approved
    expect(quota.units).toHaveLength(1);
    expect(quota.units[0]).toMatchObject({ allowed: 2, used: 3, approvedOverrides: 1 });
    await ok('yearend.transition', {
      yearId: y.yearId,
      to: 'notice',
      noticeStart: '2026-11-16',
      confirmPastStart: true,
    });
    await ok('yearend.transition', { yearId: y.yearId, to: 'final' });

    const data = loadPackData(t.ctx, y.yearId);
    const models = buildPackModels(data, scopeFor(data, null, data.unit.name), ['summary', 'statistics', 'notice']);
    const file = join(t.dir, 'pack.xlsx');
    await writeWorkbook(file, models);
    const cells = await cellsOf(file);
    const summary = cells.get('考核结果汇总表')!.join('\n');
    const unitLine = `全单位·公务员（含参公）：优秀 ${quota.units[0]!.used} 名，名额 ${quota.units[0]!.allowed} 名（基数 10 人（上级考核 1 人另计） × 20% = 2，向下取整为 2 名），经批准超出名额 1 名（批准文号：区考核委〔2026〕9号）。`;
    expect(summary).toContain(unitLine);
    expect(summary).toContain(
      '上级考核的领导班子成员 1 人另计，不占本单位优秀名额：优秀 1 人（等次按上级通知，文号：市委组〔2026〕12号）。',
    );
    // everyone counted once per grade: 4 excellent in all (3 in the unit's places + the leader)
    expect(summary).toContain('应参加考核 11 人，实际参加 11 人；优秀 4 人');
    expect(summary).not.toContain('超出上限');

    const stats = cells.get('统计备案表')!;
    expect(stats.join('\n')).toContain(unitLine);
    // the 合计 row and the leaders' row apart: 部门, 应参加, 实际参加, 优秀 …
    const total = stats.indexOf('合计');
    expect(stats.slice(total, total + 4)).toEqual(['合计', '11', '11', '4']);
    const apart = stats.indexOf('其中：上级考核的领导班子成员');
    expect(stats.slice(apart, apart + 4)).toEqual(['其中：上级考核的领导班子成员', '1', '1', '1']);

    const notice = cells.get('公示名单')!.join('\n');
    expect(notice).toContain('经平时考核、考核委员会审核，拟确定以下 3 名同志2026年度考核为优秀等次');
    expect(notice).toContain('局长同志由上级机关考核确定为优秀等次（市委组〔2026〕12号）');
    expect(notice).not.toContain('民主测评');
    expect(notice).not.toContain('个人总结');
    expect(notice).toContain('上级考核（市委组〔2026〕12号）');
    expect(notice).toContain('经批准超出名额（区考核委〔2026〕9号）');

    // the leader's registration form names the superior's notice, not the committee
    const forms = JSON.stringify(
      buildPackModels(data, scopeFor(data, null, data.unit.name), ['forms']).map((m) => m.rows),
    );
    expect(forms).toContain('经上级机关考核（市委组〔2026〕12号），确定为优秀等次。');
    expect(forms).toContain('经考核委员会审核，确定为优秀等次（超出优秀名额，经批准：区考核委〔2026〕9号）。');
  });
});
