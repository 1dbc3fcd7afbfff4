// Table tests of the suggestion (domain.md §2): the default rule table row by row, the trace text,
// uncounted periods, the person's own scale, points mode with ties, and consequences (§6).
import { describe, expect, it } from 'vitest';
import { defaultYearSettings } from '../../shared/settings/year-settings';
import { consequencesOf, evaluatePerson, evaluateYear } from '../../shared/rules';
import type { Grade } from '../../shared/domain/types';
import { ev, input, quarters } from '../support/yearend-fixtures';

const settings = defaultYearSettings();

describe('default suggestion table, first match wins', () => {
  const rows: [string, Grade, string][] = [
    ['较差 较差 好 好', 'incompetent', 'two-poor'],
    ['较差 较差 较差 较差', 'incompetent', 'two-poor'],
    ['较差 好 好 好', 'basic', 'poor-or-average'],
    ['一般 一般 好 好', 'basic', 'poor-or-average'],
    ['一般 好 好 好', 'competent', 'otherwise'],
    ['好 好 较好 较好', 'excellent', 'excellent'],
    ['好 好 较好 好', 'excellent', 'excellent'],
    ['好 较好 较好 较好', 'competent', 'otherwise'],
    ['较好 较好 较好 较好', 'competent', 'otherwise'],
    ['好 好 未 未', 'excellent', 'excellent'],
  ];
  it.each(rows)('%s → %s', (ratings, grade, ruleId) => {
    const r = evaluatePerson(input({ ratings }), 2026, '2027-01-05', settings);
    expect(r.suggestion.grade).toBe(grade);
    expect(r.suggestion.ruleId).toBe(ruleId);
  });

  it('writes the trace a clerk reads', () => {
    const r = evaluatePerson(input({ ratings: '好 好 较好 好' }), 2026, '2027-01-05', settings);
    expect(r.traceText).toBe('Q1 好, Q2 好, Q3 较好, Q4 好 → 3×好，无较好以下 → 优秀候选');
    const b = evaluatePerson(input({ ratings: '好 一般 一般 好' }), 2026, '2027-01-05', settings);
    expect(b.traceText).toBe('Q1 好, Q2 一般, Q3 一般, Q4 好 → 2×一般 → 基本称职');
  });

  it('labels the grade on the person’s own scale', () => {
    const r = evaluatePerson(
      input({ ratings: '好 较好 较好 较好', category: 'institution' }),
      2026,
      '2027-01-05',
      settings,
    );
    expect(r.suggestion.label).toBe('合格');
    const c = evaluatePerson(
      input({ ratings: '好 较好 较好 较好', category: 'civil_servant_managed' }),
      2026,
      '2027-01-05',
      settings,
    );
    expect(c.suggestion.label).toBe('称职');
  });

  it('periods not yet reviewed do not count when the year says so', () => {
    const p = input({});
    p.ratings = [
      ...quarters('好 好 较好', 2026, true),
      { periodCode: '2026Q4', seq: 4, rating: 'poor' as const, counts: false, id: 'r4' },
    ];
    const r = evaluatePerson(p, 2026, '2027-01-05', settings);
    expect(r.suggestion.grade).toBe('excellent');
    expect(r.traceText).toContain('Q4 较差（未复核，不计）');
  });

  it('a cap lowers an excellent candidate and says why; an incompetent stays incompetent', () => {
    const r = evaluatePerson(
      input({ ratings: '好 好 好 好', evidence: [ev('org_handling', '诫勉', '2026-05-01')] }),
      2026,
      '2027-01-05',
      settings,
    );
    expect(r.suggestion).toMatchObject({ grade: 'competent', uncappedGrade: 'excellent' });
    expect(r.traceText).toContain('受限（当年受诫勉，不得确定为优秀）→ 称职');
    const x = evaluatePerson(
      input({ ratings: '较差 较差 好 好', evidence: [ev('org_handling', '诫勉', '2026-05-01')] }),
      2026,
      '2027-01-05',
      settings,
    );
    expect(x.suggestion.grade).toBe('incompetent');
  });

  it('the table is the year’s: an office may ask for 3 好', () => {
    const s = defaultYearSettings();
    s.suggestion.rules = s.suggestion.rules.map((r) => (r.id === 'excellent' ? { ...r, atLeast: { good: 3 } } : r));
    expect(evaluatePerson(input({ ratings: '好 好 较好 较好' }), 2026, '2027-01-05', s).suggestion.grade).toBe(
      'competent',
    );
  });

  it('flags a person with no counted rating', () => {
    const r = evaluatePerson(input({ ratings: '未 未 未 未' }), 2026, '2027-01-05', settings);
    expect(r.flags).toContain('缺评');
    expect(r.traceText).toContain('没有计入的平时考核结果');
  });
});

describe('points mode', () => {
  const s = defaultYearSettings();
  s.suggestion.mode = 'points';

  it('ranks within the quota unit, breaks ties by 好 count then 人员编号, and shows the tie', () => {
    // 10 people → 2 excellent places. a and b tie on 16 points; c has 15 + 嘉奖 = 16 with fewer 好.
    const a = input({ ratings: '好 好 好 好', person: { personNo: 'B002', name: '甲' } });
    const b = input({ ratings: '好 好 好 好', person: { personNo: 'B001', name: '乙' } });
    const c = input({
      ratings: '好 好 好 较好',
      person: { personNo: 'A000', name: '丙' },
      evidence: [ev('commendation', '嘉奖', '2026-06-01')],
    });
    const rest = Array.from({ length: 7 }, () => input({ ratings: '较好 较好 较好 较好' }));
    const { results, units } = evaluateYear({
      year: 2026,
      today: '2027-01-05',
      settings: s,
      people: [a, b, c, ...rest],
    });
    expect(units[0]!.allowed).toBe(2);
    const byId = new Map(results.map((r) => [r.personId, r]));
    expect(byId.get(b.person.id)!.suggestion).toMatchObject({ points: 16, rank: 1, grade: 'excellent' });
    expect(byId.get(a.person.id)!.suggestion).toMatchObject({ points: 16, rank: 2, grade: 'excellent' });
    expect(byId.get(c.person.id)!.suggestion).toMatchObject({ points: 16, rank: 3, grade: 'competent' });
    expect(byId.get(c.person.id)!.traceText).toContain('积分：Q1 好4 + Q2 好4 + Q3 好4 + Q4 较好3 + 嘉奖+1 = 16');
    expect(byId.get(c.person.id)!.traceText).toContain(
      '与乙（B001）、甲（B002）同分，依次按“好”的次数、人员编号先后排定',
    );
    expect(byId.get(c.person.id)!.traceText).not.toContain('优秀候选');
    // the same input in another order gives the same ranks (deterministic)
    const again = evaluateYear({ year: 2026, today: '2027-01-05', settings: s, people: [...rest, c, a, b] });
    expect(again.results.find((r) => r.personId === a.person.id)!.suggestion.rank).toBe(2);
  });

  it('keeps capped, forced and low rows out of the ranking', () => {
    const capped = input({ ratings: '好 好 好 好', evidence: [ev('sanction', '警告', '2026-02-01')] });
    const low = input({ ratings: '较差 好 好 好' });
    const rest = Array.from({ length: 9 }, () => input({ ratings: '较好 较好 较好 较好' }));
    const { results } = evaluateYear({ year: 2026, today: '2027-01-05', settings: s, people: [capped, low, ...rest] });
    const get = (id: string) => results.find((r) => r.personId === id)!.suggestion;
    expect(get(capped.person.id)).toMatchObject({ grade: 'competent', rank: null });
    expect(get(low.person.id)).toMatchObject({ grade: 'basic', rank: null });
  });
});

describe('consequences at finalisation', () => {
  const h = (year: number, grade: Grade) => ({ year, outcome: 'graded' as const, grade });
  it('excellent → 嘉奖; three in a row → 记三等功 candidate', () => {
    expect(
      consequencesOf({ year: 2026, category: 'civil_servant', outcome: 'graded', grade: 'excellent', history: [] }).map(
        (c) => c.code,
      ),
    ).toEqual(['commendation', 'counts_toward_pay']);
    expect(
      consequencesOf({
        year: 2026,
        category: 'civil_servant',
        outcome: 'graded',
        grade: 'excellent',
        history: [h(2025, 'excellent'), h(2024, 'excellent')],
      }).map((c) => c.code),
    ).toContain('merit_candidate');
    expect(
      consequencesOf({
        year: 2026,
        category: 'civil_servant',
        outcome: 'graded',
        grade: 'excellent',
        history: [h(2025, 'excellent'), h(2024, 'competent')],
      }).map((c) => c.code),
    ).not.toContain('merit_candidate');
  });
  it('basic → 诫勉 and the year does not count', () => {
    expect(
      consequencesOf({ year: 2026, category: 'civil_servant', outcome: 'graded', grade: 'basic', history: [] }).map(
        (c) => c.code,
      ),
    ).toEqual(['admonish', 'not_counted']);
  });
  it('incompetent → one level down; two years → 辞退 candidate (institution: 解除聘用合同)', () => {
    expect(
      consequencesOf({
        year: 2026,
        category: 'civil_servant',
        outcome: 'graded',
        grade: 'incompetent',
        history: [],
      }).map((c) => c.code),
    ).toEqual(['demote']);
    const two = consequencesOf({
      year: 2026,
      category: 'civil_servant',
      outcome: 'graded',
      grade: 'incompetent',
      history: [h(2025, 'incompetent')],
    });
    expect(two.map((c) => c.label)).toEqual(['降低一个职务或者职级层次任职', '辞退候选']);
    const inst = consequencesOf({
      year: 2026,
      category: 'institution',
      outcome: 'graded',
      grade: 'incompetent',
      history: [h(2025, 'incompetent')],
    });
    expect(inst.map((c) => c.label)).toContain('解除聘用合同候选');
  });
  it('competent or better counts toward pay steps with the running streak; no grade → nothing', () => {
    const c = consequencesOf({
      year: 2026,
      category: 'civil_servant',
      outcome: 'graded',
      grade: 'competent',
      history: [h(2025, 'excellent'), h(2024, 'basic')],
    });
    expect(c[0]!.note).toContain('连续第 2 年称职及以上');
    expect(
      consequencesOf({ year: 2026, category: 'civil_servant', outcome: 'comments_only', grade: null, history: [] }),
    ).toEqual([]);
  });
});
