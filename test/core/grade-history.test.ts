// The charts' counts come from the store and the engine: yearend.gradeHistory on a real store with
// imported earlier grades, this year still open (decisions where made, suggestions for the rest),
// then decided; one person's grades year by year; the quota units carry the same tally.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { tempCore, type TempCore } from '../support/temp-core';
import { seedYearEnd, type SeedPerson } from '../support/yearend-fixtures';
import type { OutputOf } from '../../shared/api';

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
  {
    no: 'A01',
    name: '张一',
    ratings: '好 好 好 好',
    history: [
      { year: 2024, grade: 'excellent' },
      { year: 2025, grade: 'competent' },
    ],
  },
  { no: 'A02', name: '张二', ratings: '较好 较好 较好 较好', history: [{ year: 2025, grade: 'excellent' }] },
  { no: 'A03', name: '张三', ratings: '较好 较好 较好 较好', history: [{ year: 2025, grade: 'competent' }] },
  { no: 'A04', name: '张四', ratings: '一般 一般 一般 一般', dept: 1 },
  { no: 'A05', name: '张五', ratings: '较好 较好 较好 较好', dept: 1 },
];

type History = OutputOf<'yearend.gradeHistory'>;

describe('grade history for the charts', () => {
  it('counts imported years, the open year by decision or suggestion, and one person year by year', async () => {
    const y = seedYearEnd(t.ctx, { people });
    const h = await ok<History>('yearend.gradeHistory', { yearId: y.yearId, personId: y.ids.get('A01') });
    expect(h.years.map((x) => [x.year, x.source])).toEqual([
      [2024, 'imported'],
      [2025, 'imported'],
      [2026, 'provisional'],
    ]);
    expect(h.years[0]!.tally.grades).toEqual({ excellent: 1, competent: 0, basic: 0, incompetent: 0 });
    expect(h.years[1]!.tally.grades).toEqual({ excellent: 1, competent: 2, basic: 0, incompetent: 0 });
    // This year as the workbench counts it: the quota units' tallies add up to the same figures.
    const wb = await ok<OutputOf<'yearend.workbench'>>('yearend.workbench', { yearId: y.yearId, limit: 1 });
    const fromUnits = { excellent: 0, competent: 0, basic: 0, incompetent: 0 };
    for (const u of wb.units)
      for (const g of Object.keys(fromUnits) as (keyof typeof fromUnits)[]) fromUnits[g] += u.tally.grades[g];
    expect(h.years[2]!.tally.grades).toEqual(fromUnits);
    expect(h.years[2]!.tally.due).toBe(5);
    expect(h.person).toMatchObject({ name: '张一' });
    expect(h.person!.years.map((x) => [x.year, x.label, x.source])).toEqual([
      [2024, '优秀', 'imported'],
      [2025, '称职', 'imported'],
      [2026, h.person!.years[2]!.label, 'provisional'],
    ]);

    // A decision moves this year's count at once.
    await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
    await ok('yearend.decide', {
      yearId: y.yearId,
      personId: y.ids.get('A04'),
      outcome: 'graded',
      grade: 'basic',
      reason: '全年平时考核均为一般，经考核委员会研究确定',
    });
    const after = await ok<History>('yearend.gradeHistory', { yearId: y.yearId });
    expect(after.years[2]!.tally.grades.basic).toBe(1);
    expect(after.person).toBeNull();
  });

  it('a person outside the year is refused in Chinese', async () => {
    const y = seedYearEnd(t.ctx, { people });
    const r = await dispatch(t.core, t.session, 'yearend.gradeHistory', { yearId: y.yearId, personId: y.agencyId });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('不在本年度考核名单中');
  });
});
