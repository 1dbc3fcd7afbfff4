// Pools (domain.md §3, #12 item 4): quota units by supervising leader (分管领导) and by department
// class (机关/基层/事业), and places shared as fractions between pooled units by largest remainder.
import { describe, expect, it } from 'vitest';
import { defaultYearSettings, type YearSettings } from '../../shared/settings/year-settings';
import { computeQuotaUnits, evaluateYear, largestRemainder, type QuotaMember } from '../../shared/rules';
import { input } from '../support/yearend-fixtures';
import { poolIssues } from '../../electron/core/years/pool-check';

function members(n: number, departmentId: string, over: Partial<QuotaMember> = {}): QuotaMember[] {
  return Array.from({ length: n }, (_, i) => ({
    personId: `${departmentId}-${i}`,
    category: 'civil_servant',
    agencyId: 'a',
    departmentId,
    departmentName: { d1: '办公室', d2: '财务科', d3: '执法大队', d4: '信息中心' }[departmentId] ?? departmentId,
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

const LEADERS: YearSettings['quota']['leaders'] = [
  { id: 'wang', name: '王副局长', departmentIds: ['d1'] },
  { id: 'li', name: '李副局长', departmentIds: ['d2'] },
  { id: 'zhao', name: '赵副局长', departmentIds: ['d3'] },
];
// 18 + 16 + 13 = 47 people: 3.6 + 3.2 + 2.6 = 9.4 places
const OFFICE = [...members(18, 'd1'), ...members(16, 'd2'), ...members(13, 'd3')];

describe('largest remainder', () => {
  it('gives each unit its whole part, then the places left to the largest fractions', () => {
    const units = [
      { exact: 3.6, base: 18 },
      { exact: 3.2, base: 16 },
      { exact: 2.6, base: 13 },
    ];
    // the tie 0.6 / 0.6 goes to the larger base
    expect(largestRemainder(units, 9)).toEqual({ places: [4, 3, 2], extra: [true, false, false] });
    expect(largestRemainder(units, 10).places).toEqual([4, 3, 3]);
    expect(largestRemainder(units, 8).places).toEqual([3, 3, 2]);
  });

  it('on a full tie the earlier unit gets the place; never beyond a unit’s base', () => {
    expect(
      largestRemainder(
        [
          { exact: 0.5, base: 5 },
          { exact: 0.5, base: 5 },
        ],
        1,
      ).places,
    ).toEqual([1, 0]);
    expect(
      largestRemainder(
        [
          { exact: 0, base: 0 },
          { exact: 0.4, base: 2 },
        ],
        1,
      ).places,
    ).toEqual([0, 1]);
  });
});

describe('pools by supervising leader (分管领导)', () => {
  it('each leader’s departments are one unit; rounded on their own they lose a place', () => {
    const units = computeQuotaUnits(OFFICE, withQuota({ pooling: 'leader', leaders: LEADERS }));
    expect(units.map((u) => [u.key, u.label, u.base, u.exact, u.allowed])).toEqual([
      ['leader:wang|civil', '王副局长分管·公务员（含参公）', 18, 3.6, 3],
      ['leader:li|civil', '李副局长分管·公务员（含参公）', 16, 3.2, 3],
      ['leader:zhao|civil', '赵副局长分管·公务员（含参公）', 13, 2.6, 2],
    ]);
    expect(units[0]!.explanation).toBe('基数 18 人 × 20% = 3.6，向下取整 → 3 名');
  });

  it('shared by largest remainder, the agency’s 9 places are all given out, and the explanation says how', () => {
    const units = computeQuotaUnits(
      OFFICE,
      withQuota({ pooling: 'leader', leaders: LEADERS, sharing: 'largest_remainder' }),
    );
    expect(units.map((u) => u.allowed)).toEqual([4, 3, 2]);
    expect(units.reduce((n, u) => n + u.allowed, 0)).toBe(9);
    expect(units[0]!.explanation).toBe(
      '基数 18 人 × 20% = 3.6，按最大余数法分配 → 4 名（全单位·公务员（含参公）基数 47 人 × 20% = 9.4，向下取整 → 共 9 名；' +
        '各单元先得整数部分共 8 名，余下 1 名按小数部分从大到小分配（同值先人数多者，再按单元顺序），本单元小数 0.6，分得 1 名）',
    );
    expect(units[2]!.explanation).toContain('按最大余数法分配 → 2 名');
    expect(units[2]!.explanation).toContain('本单元小数 0.6，未分得）');
  });

  it('a department under no leader is its own unit, named so', () => {
    const list = [...OFFICE, ...members(6, 'd4')];
    const units = computeQuotaUnits(list, withQuota({ pooling: 'leader', leaders: LEADERS }));
    expect(units.map((u) => u.label)).toContain('未列入分管领导的部门·公务员（含参公）');
    // a leader over two departments pools both
    const two = computeQuotaUnits(
      list,
      withQuota({
        pooling: 'leader',
        separatePopulations: false,
        leaders: [{ id: 'wang', name: '王副局长', departmentIds: ['d1', 'd4'] }, ...LEADERS.slice(1)],
      }),
    );
    expect(two.map((u) => [u.label, u.base])).toEqual([
      ['王副局长分管', 24],
      ['李副局长分管', 16],
      ['赵副局长分管', 13],
    ]);
  });

  it('decisions count in the unit: an excellent decision beyond the shared places is over', () => {
    const list = OFFICE.map((m, i) =>
      m.departmentId === 'd3' && i < 18 + 16 + 3
        ? { ...m, finalOutcome: 'graded' as const, finalGrade: 'excellent' as const }
        : m,
    );
    const units = computeQuotaUnits(
      list,
      withQuota({ pooling: 'leader', leaders: LEADERS, sharing: 'largest_remainder' }),
    );
    expect(units[2]).toMatchObject({ used: 3, allowed: 2, over: true });
  });
});

describe('pools by department class (机关/基层/事业)', () => {
  it('each class is one unit; a department not listed is 机关', () => {
    const list = [...OFFICE, ...members(6, 'd4', { category: 'institution' })];
    const s = withQuota({
      pooling: 'class',
      separatePopulations: false,
      sharing: 'largest_remainder',
      departmentClasses: [
        { departmentId: 'd3', class: 'grassroots' },
        { departmentId: 'd4', class: 'institution' },
      ],
    });
    const units = computeQuotaUnits(list, s);
    // 34 × 20% = 6.8, 13 → 2.6, 6 → 1.2; 53 × 20% = 10.6 → 10: whole 6 + 2 + 1 = 9, the 1 left to 0.8
    expect(units.map((u) => [u.label, u.base, u.allowed])).toEqual([
      ['机关', 34, 7],
      ['基层', 13, 2],
      ['事业', 6, 1],
    ]);
  });
});

describe('the trace of an excellent candidate names the pooled unit and the sharing', () => {
  it('says where the places come from', () => {
    const people = [
      ...Array.from({ length: 9 }, () => input({ ratings: '较好 较好 较好 较好', person: { departmentId: 'd1' } })),
      input({ ratings: '好 好 好 好', person: { departmentId: 'd1', departmentName: '办公室' } }),
      ...Array.from({ length: 6 }, () => input({ ratings: '较好 较好 较好 较好', person: { departmentId: 'd2' } })),
    ];
    const { results, units } = evaluateYear({
      year: 2026,
      today: '2027-01-05',
      settings: withQuota({ pooling: 'leader', leaders: LEADERS, sharing: 'largest_remainder' }),
      people,
    });
    // 10 × 20% = 2, 6 → 1.2: 16 × 20% = 3.2 → 3, whole parts 2 + 1
    expect(units.map((u) => [u.key, u.allowed])).toEqual([
      ['leader:wang|civil', 2],
      ['leader:li|civil', 1],
    ]);
    const star = results.find((r) => r.suggestion.grade === 'excellent')!;
    expect(star.quotaUnitKey).toBe('leader:wang|civil');
    expect(star.traceText).toContain(
      '优秀名额（王副局长分管·公务员（含参公））：基数 10 人 × 20% = 2，按最大余数法分配',
    );
  });
});

describe('the pools are checked before they are saved', () => {
  it('names a repeated leader, a department under two leaders and a department given two classes', () => {
    const s = withQuota({
      leaders: [
        { id: 'wang', name: '王副局长', departmentIds: ['d1', 'd2'] },
        { id: 'wang', name: '王副局长', departmentIds: ['d2'] },
        { id: 'li', name: '李副局长', departmentIds: ['d3', 'd3'] },
      ],
      departmentClasses: [
        { departmentId: 'd3', class: 'grassroots' },
        { departmentId: 'd3', class: 'institution' },
      ],
    });
    expect(poolIssues(s)).toEqual([
      { path: ['quota', 'leaders', 1, 'id'], message: '编号“wang”重复，每位分管领导的编号应不同' },
      { path: ['quota', 'leaders', 1, 'name'], message: '“王副局长”已列出，同一位分管领导只列一次' },
      { path: ['quota', 'leaders', 1, 'departmentIds', 0], message: '同一部门列了两次' },
      { path: ['quota', 'leaders', 2, 'departmentIds', 1], message: '同一部门列了两次' },
      { path: ['quota', 'departmentClasses', 1, 'departmentId'], message: '同一部门列了两次，每个部门只属一类' },
    ]);
    expect(poolIssues(withQuota({ leaders: LEADERS }))).toEqual([]);
  });
});
