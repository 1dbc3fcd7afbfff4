// Quota maths (domain.md §3): share × base with each rounding, the approved raise to 25%, the base
// with or without comment-only people, leaders assessed by the superior, pooling, too-small units.
import { describe, expect, it } from 'vitest';
import { defaultYearSettings, type YearSettings } from '../../shared/settings/year-settings';
import { computeQuotaUnits, evaluateYear, quotaAllowed, type QuotaMember } from '../../shared/rules';
import { input } from '../support/yearend-fixtures';

function members(n: number, over: Partial<QuotaMember> = {}): QuotaMember[] {
  return Array.from({ length: n }, (_, i) => ({
    personId: `m${i}`,
    category: 'civil_servant',
    agencyId: 'a',
    departmentId: 'd1',
    departmentName: '办公室',
    superiorAssessed: false,
    outcome: 'graded',
    suggestedGrade: null,
    finalGrade: null,
    finalOutcome: null,
    ...over,
  }));
}

function withQuota(q: Partial<YearSettings['quota']>): YearSettings {
  const s = defaultYearSettings();
  s.quota = { ...s.quota, ...q };
  return s;
}

describe('20% of 23, 24, 25 people with each rounding', () => {
  const table: [number, 'floor' | 'round' | 'ceil', number][] = [
    [23, 'floor', 4],
    [23, 'round', 5],
    [23, 'ceil', 5],
    [24, 'floor', 4],
    [24, 'round', 5],
    [24, 'ceil', 5],
    [25, 'floor', 5],
    [25, 'round', 5],
    [25, 'ceil', 5],
    [15, 'ceil', 3], // 0.2 × 15 is 3.0000000000000004 in floating point: must stay 3
    [4, 'floor', 0],
    [4, 'round', 1],
    [2, 'round', 0],
    [0, 'ceil', 0],
  ];
  it.each(table)('%i people, %s → %i', (n, rounding, allowed) => {
    expect(quotaAllowed(n, 0.2, rounding)).toBe(allowed);
    const [u] = computeQuotaUnits(members(n), withQuota({ rounding }));
    expect(u?.allowed ?? 0).toBe(allowed);
  });
});

describe('the quota unit', () => {
  it('25% only with an approval 文号, and the explanation names it', () => {
    expect(computeQuotaUnits(members(23), withQuota({ raisedApprovalDocNo: '' }))[0]!.allowed).toBe(4);
    const [u] = computeQuotaUnits(members(23), withQuota({ raisedApprovalDocNo: '区考核委〔2026〕5号' }));
    expect(u).toMatchObject({ allowed: 5, raised: true, share: 0.25 });
    expect(u!.explanation).toBe('基数 23 人 × 25%（经批准提高，文号 区考核委〔2026〕5号） = 5.75，向下取整 → 5 名');
  });

  it('comment-only and deferred people in or out of the base', () => {
    const list = [
      ...members(20),
      ...members(3, { outcome: 'comments_only' }),
      ...members(2, { outcome: 'deferred' }),
      ...members(1, { outcome: 'not_assessed' }),
    ];
    const out = computeQuotaUnits(list, withQuota({}))[0]!;
    expect(out).toMatchObject({ base: 20, allowed: 4, headcount: 26 });
    expect(out.explanation).toContain('不含只写评语 3 人、暂缓 2 人');
    const inn = computeQuotaUnits(list, withQuota({ baseIncludesUngraded: true }))[0];
    expect(inn).toMatchObject({ base: 25, allowed: 5 });
  });

  it('leaders assessed by the superior are outside the base and the count', () => {
    const list = [
      ...members(25),
      ...members(2, { superiorAssessed: true, finalGrade: 'excellent', suggestedGrade: 'excellent' }),
    ];
    const u = computeQuotaUnits(list, withQuota({}))[0]!;
    expect(u).toMatchObject({ base: 25, allowed: 5, used: 0, candidates: 0 });
    expect(u.excluded.superiorAssessed).toBe(2);
  });

  it('a unit too small for any excellent grade says so', () => {
    const u = computeQuotaUnits(members(4), withQuota({}))[0]!;
    expect(u.tooSmall).toBe(true);
    expect(u.explanation).toContain('人数过少，按比例无优秀名额');
  });

  it('civil servants and institution staff are counted apart by default, together when set', () => {
    const list = [
      ...members(10),
      ...members(10, { category: 'institution' }),
      ...members(5, { category: 'civil_servant_managed' }),
    ];
    const apart = computeQuotaUnits(list, withQuota({}));
    expect(apart.map((u) => [u.label, u.base, u.allowed])).toEqual([
      ['全单位·公务员（含参公）', 15, 3],
      ['全单位·事业单位人员', 10, 2],
    ]);
    expect(computeQuotaUnits(list, withQuota({ separatePopulations: false })).map((u) => u.base)).toEqual([25]);
    expect(
      computeQuotaUnits(list, withQuota({ pooling: 'category' }))
        .map((u) => u.base)
        .sort(),
    ).toEqual([10, 10, 5]);
  });

  it('pools by department when set', () => {
    const list = [...members(10), ...members(15, { departmentId: 'd2', departmentName: '综合科' })];
    const units = computeQuotaUnits(list, withQuota({ pooling: 'department' }));
    expect(units.map((u) => [u.label, u.allowed])).toEqual([
      ['办公室·公务员（含参公）', 2],
      ['综合科·公务员（含参公）', 3],
    ]);
  });

  it('final decisions drive the base and the used count once made', () => {
    const list = [
      ...members(20, { finalOutcome: 'graded', finalGrade: 'competent' }),
      ...members(3, { finalOutcome: 'graded', finalGrade: 'excellent' }),
      ...members(2, { finalOutcome: 'comments_only' }),
    ];
    expect(computeQuotaUnits(list, withQuota({}))[0]).toMatchObject({ base: 23, used: 3, allowed: 4 });
  });

  it('a transferred person counts in the current department, with the earlier quarters', () => {
    const moved = input({ ratings: '好 好 好 好', person: { departmentId: 'd2', departmentName: '综合科' } });
    const others = Array.from({ length: 9 }, () => input({ ratings: '较好 较好 较好 较好' }));
    const { results, units } = evaluateYear({
      year: 2026,
      today: '2027-01-05',
      settings: withQuota({ pooling: 'department' }),
      people: [moved, ...others],
    });
    const r = results.find((x) => x.personId === moved.person.id)!;
    expect(r.quotaUnitKey).toBe('dept:d2|civil');
    expect(units.find((u) => u.key === 'dept:d2|civil')).toMatchObject({
      base: 1,
      allowed: 0,
      candidates: 1,
      tooSmall: true,
    });
  });
});
