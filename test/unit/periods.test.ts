// The period calendar for each period kind: codes, Chinese labels, ISO dates covering the year.
import { describe, expect, it } from 'vitest';
import { monthDayLabel, parsePeriodCode, periodContaining, periodsOfYear } from '../../shared/periods/calendar';
import { addDays } from '../../shared/domain/dates';

describe('period calendar', () => {
  it('quarters: 2026Q1..Q4 with Chinese labels and exact ends', () => {
    const q = periodsOfYear(2026, 'quarter');
    expect(q.map((p) => [p.code, p.label, p.seq, p.startDate, p.endDate])).toEqual([
      ['2026Q1', '第一季度', 1, '2026-01-01', '2026-03-31'],
      ['2026Q2', '第二季度', 2, '2026-04-01', '2026-06-30'],
      ['2026Q3', '第三季度', 3, '2026-07-01', '2026-09-30'],
      ['2026Q4', '第四季度', 4, '2026-10-01', '2026-12-31'],
    ]);
  });

  it('half-years: 2026H1 上半年, 2026H2 下半年', () => {
    expect(periodsOfYear(2026, 'half').map((p) => [p.code, p.label, p.startDate, p.endDate])).toEqual([
      ['2026H1', '上半年', '2026-01-01', '2026-06-30'],
      ['2026H2', '下半年', '2026-07-01', '2026-12-31'],
    ]);
  });

  it('months: 2026M01..M12, February of a leap year ends on the 29th', () => {
    const m = periodsOfYear(2028, 'month');
    expect(m).toHaveLength(12);
    expect(m[0]).toMatchObject({ code: '2028M01', label: '1月', startDate: '2028-01-01', endDate: '2028-01-31' });
    expect(m[1]).toMatchObject({ code: '2028M02', label: '2月', endDate: '2028-02-29' });
    expect(periodsOfYear(2026, 'month')[1]!.endDate).toBe('2026-02-28');
    expect(m[11]).toMatchObject({ code: '2028M12', label: '12月', startDate: '2028-12-01', endDate: '2028-12-31' });
  });

  it('every kind covers the year without gaps or overlaps', () => {
    for (const kind of ['month', 'quarter', 'half'] as const) {
      const ps = periodsOfYear(2026, kind);
      expect(ps[0]!.startDate).toBe('2026-01-01');
      expect(ps[ps.length - 1]!.endDate).toBe('2026-12-31');
      for (let i = 1; i < ps.length; i++) expect(ps[i]!.startDate).toBe(addDays(ps[i - 1]!.endDate, 1));
    }
  });

  it('reads codes back and finds the period of a date', () => {
    expect(parsePeriodCode('2026Q3')).toEqual({ year: 2026, kind: 'quarter', seq: 3 });
    expect(parsePeriodCode('2026h2')).toEqual({ year: 2026, kind: 'half', seq: 2 });
    expect(parsePeriodCode('2026M03')).toEqual({ year: 2026, kind: 'month', seq: 3 });
    expect(parsePeriodCode('2026Q5')).toBeNull();
    expect(parsePeriodCode('2026M13')).toBeNull();
    expect(periodContaining(periodsOfYear(2026, 'quarter'), '2026-05-20')?.code).toBe('2026Q2');
    expect(periodContaining(periodsOfYear(2026, 'quarter'), '2027-01-01')).toBeNull();
    expect(monthDayLabel('2026-04-05')).toBe('4月5日');
  });
});
