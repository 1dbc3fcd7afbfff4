// A decided (final) year prints as decided: the settings kept at finalisation (a 30% quota here),
// the committee's grades on the forms and the summary table, the notice period and place.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { loadPackData } from '../../electron/core/pack/pack-data';
import { buildPackModels, scopeFor, PACK_SHEET_KINDS } from '../../shared/sheets/pack-sheets';
import { buildRegistrationForms } from '../../shared/sheets/registration-form';
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
  { no: 'A04', name: '张四', ratings: '好 好 好 较好', dept: 1 },
  { no: 'A05', name: '张五', ratings: '较好 较好 较好 较好' },
  { no: 'A06', name: '李六', ratings: '较好 较好 较好 较好' },
  { no: 'A07', name: '李七', ratings: '一般 一般 较好 较好', dept: 1 },
  { no: 'A08', name: '李八', ratings: '较好 较好 好 较好', dept: 1 },
  { no: 'A09', name: '李九', ratings: '较好 较好 好 较好', dept: 1 },
  { no: 'A10', name: '王十', ratings: '较好 较好 较好 较好' },
];

describe('pack of a decided year', () => {
  it('prints the decisions, the notice and the settings kept at finalisation', async () => {
    const y = seedYearEnd(t.ctx, { people, settings: (s) => void (s.quota.share = 0.3) });
    await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
    const bench = await ok<{ rows: { person: { id: string }; suggestionOfRecord: { grade: string | null } }[] }>(
      'yearend.workbench',
      { yearId: y.yearId, limit: 500 },
    );
    let excellent = 0;
    for (const r of bench.rows) {
      let grade = r.suggestionOfRecord.grade;
      if (grade === 'excellent' && ++excellent > 3) grade = 'competent';
      await ok('yearend.decide', {
        yearId: y.yearId,
        personId: r.person.id,
        outcome: 'graded',
        grade,
        reason: grade !== r.suggestionOfRecord.grade ? '名额有限，考核委员会投票决定' : '',
      });
    }
    await ok('yearend.transition', {
      yearId: y.yearId,
      to: 'notice',
      noticeStart: '2026-11-16',
      confirmPastStart: true,
      noticePlace: '局组织人事科（电话 12345678）',
    });
    await ok('yearend.transition', { yearId: y.yearId, to: 'final' });

    const data = loadPackData(t.ctx, y.yearId);
    expect(data.year.stage).toBe('final');
    expect(data.year.settings.quota.share).toBe(0.3);
    const a01 = data.persons.find((p) => p.personNo === 'A01')!;
    expect(a01.result.finalGrade).toBe('excellent');
    const form = JSON.stringify(buildRegistrationForms(data, [a01]));
    expect(form).toContain('经考核委员会审核，确定为优秀等次。');
    expect(form).toContain('考核等次建议：优秀');

    const models = buildPackModels(data, scopeFor(data, null, data.unit.name), PACK_SHEET_KINDS);
    const text = (name: string) => JSON.stringify(models.find((m) => m.name === name));
    expect(text('考核结果汇总表')).toContain(
      '全单位·公务员（含参公）：优秀 3 名，名额 3 名（基数 10 人 × 30% = 3，向下取整 → 3 名）。',
    );
    expect(text('考核结果汇总表')).toContain('名额有限，考核委员会投票决定');
    expect(text('公示名单')).toContain('2026年11月16日至2026年11月20日');
    expect(text('公示名单')).toContain('局组织人事科（电话 12345678）');
    expect(text('公示名单')).not.toContain('草稿');
    expect(text('奖励及处理名单')).toContain('嘉奖');
    // the form's wording is kept as decided
    const locked = await dispatch(t.core, t.session, 'pack.formOptions.save', {
      yearId: y.yearId,
      labels: { duties: '分管工作' },
      extraFields: [],
    });
    expect(!locked.ok && locked.error.code).toBe('LOCKED');
    const summary = models.find((m) => m.name === '考核结果汇总表')!;
    const finals = summary.rows
      .slice(4)
      .map((r) => r.cells.find((c) => c.c === 10)?.v)
      .filter(Boolean);
    expect(finals.filter((v) => v === '优秀')).toHaveLength(3);
  });
});
