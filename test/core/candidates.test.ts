// The committee's candidates view on a real store: each quota unit's places from the engine (allowed,
// decided, left), the candidates in contention ordered by points with their ratings, evidence and
// earlier grades; a decision moves the places left; a barred candidate is marked, leaders left out;
// 民主测评 votes come from the imported tally sheet, and only where the year enables the step.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { tempCore, type TempCore } from '../support/temp-core';
import { seedYearEnd } from '../support/yearend-fixtures';
import type { Result } from '../../shared/result';
import type { OutputOf } from '../../shared/api';
import { enableAppraisal, importTallies } from '../support/tally-fixtures';

let t: TempCore;
beforeEach(() => {
  t = tempCore();
});
afterEach(() => t.cleanup());

const ok = async <T = unknown>(method: string, input: unknown): Promise<T> => {
  const r = (await dispatch(t.core, t.session, method, input)) as Result<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
};

describe('yearend.candidates', () => {
  it('lists the candidates per quota unit with the places left, ordered by points', async () => {
    const y = seedYearEnd(t.ctx, {
      people: [
        { no: 'A01', name: '张一', ratings: '好 好 好 好' },
        { no: 'A02', name: '张二', ratings: '好 好 较好 好' },
        {
          no: 'A03',
          name: '张三',
          ratings: '好 好 好 较好',
          evidence: [{ kind: 'commendation', subKind: '嘉奖', date: '2026-05-01', docNo: '区〔2026〕1号' }],
        },
        {
          no: 'A04',
          name: '张四',
          ratings: '好 好 好 好',
          evidence: [{ kind: 'sanction', subKind: '警告', date: '2026-04-01', docNo: '纪〔2026〕3号' }],
        },
        { no: 'A05', name: '李五', ratings: '较好 较好 较好 较好' },
        { no: 'A06', name: '李六', ratings: '较好 较好 较好 较好' },
        { no: 'A07', name: '李七', ratings: '较好 较好 较好 较好' },
        { no: 'A08', name: '李八', ratings: '较好 较好 较好 较好' },
        { no: 'A09', name: '李九', ratings: '较好 较好 较好 较好' },
        { no: 'A10', name: '王十', ratings: '较好 较好 较好 较好' },
        { no: 'L01', name: '局长', ratings: '好 好 好 好', superior: true },
      ],
    });
    type Dto = OutputOf<'yearend.candidates'>;
    const before = await ok<Dto>('yearend.candidates', { yearId: y.yearId });
    const quota = await ok<{ key: string; allowed: number; used: number }[]>('yearend.quota', { yearId: y.yearId });
    expect(before.units).toHaveLength(1);
    const unit = before.units[0]!;
    // the engine's figures, not a count of its own
    const q0 = quota[0]!;
    expect(unit).toMatchObject({ key: q0.key, allowed: q0.allowed, used: 0, left: q0.allowed });
    const names = unit.candidates.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['张一', '张二', '张三', '张四']));
    expect(names).not.toContain('局长'); // assessed by the superior, outside the places
    expect(names).not.toContain('李五');
    const points = unit.candidates.map((c) => c.points);
    expect(points).toEqual([...points].sort((a, b) => b - a));
    const zhang3 = unit.candidates.find((c) => c.name === '张三')!;
    expect(zhang3.merits).toEqual(['2026-05-01 嘉奖（区〔2026〕1号）']);
    expect(zhang3.ratings.map((r) => r.label)).toEqual(['好', '好', '好', '较好']);
    const zhang4 = unit.candidates.find((c) => c.name === '张四')!;
    expect(zhang4.demerits).toEqual(['2026-04-01 警告（纪〔2026〕3号）']);
    expect(zhang4.maxGrade).toBe('competent');
    expect(before.hasVotes).toBe(false);

    await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
    await ok('yearend.decide', {
      yearId: y.yearId,
      personId: y.ids.get('A01'),
      outcome: 'graded',
      grade: 'excellent',
      reason: '',
      approvalDocNo: '',
    });
    const after = (await ok<Dto>('yearend.candidates', { yearId: y.yearId })).units[0]!;
    expect(after).toMatchObject({ used: 1, left: unit.allowed - 1 });
    expect(after.candidates.find((c) => c.name === '张一')).toMatchObject({ decision: '优秀', decidedExcellent: true });
  });

  it('shows each candidate’s 民主测评 votes from the imported tally sheet, only where the year enables it', async () => {
    const y = seedYearEnd(t.ctx, {
      people: [
        { no: 'A01', name: '张一', ratings: '好 好 好 好' },
        { no: 'A02', name: '张二', ratings: '好 好 好 好' },
        ...Array.from({ length: 8 }, (_, i) => ({ no: `B0${i}`, name: `李${i}`, ratings: '较好 较好 较好 较好' })),
      ],
    });
    type Dto = OutputOf<'yearend.candidates'>;
    await enableAppraisal(t, y.yearId);
    const none = await ok<Dto>('yearend.candidates', { yearId: y.yearId });
    expect(none).toMatchObject({ appraisalEnabled: true, hasVotes: false });
    expect(none.units[0]!.candidates.every((c) => c.votes === null)).toBe(true);

    await importTallies(t, y.yearId, 2026, [
      { personNo: 'A01', name: '张一', voters: 20, excellent: 9, competent: 11 },
      { personNo: 'A02', name: '张二', voters: 20, excellent: 16, competent: 3, basic: 1 },
    ]);
    const dto = await ok<Dto>('yearend.candidates', { yearId: y.yearId });
    expect(dto.hasVotes).toBe(true);
    const byName = new Map(dto.units[0]!.candidates.map((c) => [c.name, c]));
    expect(byName.get('张二')!.votes).toEqual({ voters: 20, excellent: 16, competent: 3, basic: 1, incompetent: 0 });
    expect(byName.get('张一')!.votes).toMatchObject({ voters: 20, excellent: 9 });

    // a year whose settings no longer enable the step shows none, though the rows stay stored
    const { settings } = await ok<{ settings: Record<string, unknown> }>('years.getSettings', { yearId: y.yearId });
    await ok('years.updateSettings', { yearId: y.yearId, settings: { ...settings, democraticAppraisal: false } });
    expect(await ok<Dto>('yearend.candidates', { yearId: y.yearId })).toMatchObject({
      appraisalEnabled: false,
      hasVotes: false,
    });
  });
});
