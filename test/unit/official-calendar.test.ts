// The official calendar: the shipped table is exactly the pinned chinese-days package; working days
// skip 法定节假日 and count 调休上班 weekends across 元旦, 春节 and 国庆; a year the calendar does not
// know is refused by name; redress deadlines move off rest days (民法典第二百零三条).
import { describe, expect, it } from 'vitest';
import {
  CalendarGapError,
  describeDay,
  isWorkingDay,
  makeCalendar,
  shippedYears,
  workingDaysBetween,
  type CalendarYear,
} from '../../shared/calendar/official-calendar';
import { SHIPPED_CALENDAR_SOURCE } from '../../shared/calendar/shipped-days';
import { noticeEndDate, redressDeadline } from '../../shared/rules';
import { chineseDatesIn } from '../../shared/sheets/format';
import { packageVersion, renderShippedTable, sourceEntries } from '../support/official-calendar-source';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const shipped = makeCalendar(shippedYears());
// A year as an office would type it from a State Council notice. The dates are made up for the test
// (2027 is not shipped): 元旦 Fri 1 – Sun 3 January, 春节 Sat 6 – Sun 14 February with Sat 20 February worked.
const office2027: CalendarYear = {
  year: 2027,
  source: 'office',
  basis: '测试用通知',
  days: [
    { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    { date: '2027-01-02', kind: 'holiday', name: '元旦' },
    { date: '2027-01-03', kind: 'holiday', name: '元旦' },
    ...['06', '07', '08', '09', '10', '11', '12', '13', '14'].map((d) => ({
      date: `2027-02-${d}`,
      kind: 'holiday' as const,
      name: '春节',
    })),
    { date: '2027-02-20', kind: 'workday', name: '春节' },
  ],
};
const withOffice = makeCalendar([...shippedYears(), office2027]);
const days = { reviewDays: 30, appealAfterReviewDays: 15, appealDirectDays: 30 };

describe('the shipped table', () => {
  it('is generated from the pinned chinese-days package, entry for entry', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(pkg.devDependencies['chinese-days']).toBe(packageVersion()); // exact pin, no range
    expect(SHIPPED_CALENDAR_SOURCE).toBe(`chinese-days ${packageVersion()}`);
    const file = readFileSync(join(__dirname, '../../shared/calendar/shipped-days.ts'), 'utf8');
    expect(file.replace(/\s+/g, ' ')).toBe(renderShippedTable().replace(/\s+/g, ' '));
    const flat = shippedYears().flatMap((y) => y.days);
    expect(flat.map((d) => `${d.date} ${d.kind} ${d.name}`)).toEqual(
      sourceEntries().map((d) => `${d.date} ${d.kind} ${d.name}`),
    );
  });

  it('holds the State Council notice for 2026 as published (国办发明电〔2025〕7号)', () => {
    const y = shippedYears().find((s) => s.year === 2026)!;
    const of = (kind: 'holiday' | 'workday', name: string) =>
      y.days.filter((d) => d.kind === kind && d.name === name).map((d) => d.date.slice(5));
    expect(of('holiday', '元旦')).toEqual(['01-01', '01-02', '01-03']);
    expect(of('workday', '元旦')).toEqual(['01-04']);
    expect(of('holiday', '春节')).toEqual([
      '02-15',
      '02-16',
      '02-17',
      '02-18',
      '02-19',
      '02-20',
      '02-21',
      '02-22',
      '02-23',
    ]);
    expect(of('workday', '春节')).toEqual(['02-14', '02-28']);
    expect(of('holiday', '国庆节')).toEqual(['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07']);
    expect(of('workday', '国庆节')).toEqual(['09-20', '10-10']);
    expect(Math.min(...shippedYears().map((s) => s.year))).toBe(2004);
  });
});

describe('working days', () => {
  it('a 调休上班 Sunday works, a 放假 weekday rests', () => {
    expect(isWorkingDay(shipped, '2026-01-04')).toBe(true); // Sunday, 元旦调休
    expect(isWorkingDay(shipped, '2026-01-02')).toBe(false); // Friday, 元旦
    expect(isWorkingDay(shipped, '2026-10-10')).toBe(true); // Saturday, 国庆调休
    expect(isWorkingDay(shipped, '2026-11-21')).toBe(false); // an ordinary Saturday
    expect(describeDay(shipped, '2026-02-14')).toBe('春节调休上班');
    expect(describeDay(shipped, '2026-02-16')).toBe('春节放假');
  });

  it.each([
    ['2026-11-16', 5, '2026-11-20', 'Monday → Friday'],
    ['2026-11-19', 5, '2026-11-25', 'Thursday → next Wednesday'],
    ['2026-11-21', 5, '2026-11-27', 'Saturday start: counts from Monday'],
    ['2025-12-29', 5, '2026-01-05', '元旦: 1–3 January off, Sunday 4 January worked'],
    ['2026-02-11', 5, '2026-02-24', '春节: Saturday 14 February worked, 15–23 off'],
    ['2026-02-16', 1, '2026-02-24', 'a start inside 春节 begins after it'],
    ['2026-02-24', 5, '2026-02-28', '春节: Saturday 28 February worked'],
    ['2026-09-28', 5, '2026-10-09', '国庆: 1–7 October off'],
    ['2026-09-28', 7, '2026-10-12', '国庆: Saturday 10 October worked'],
    ['2026-09-17', 3, '2026-09-20', '国庆: Sunday 20 September worked'],
  ])('%s + %i working days → %s (%s)', (start, n, end) => {
    expect(noticeEndDate(shipped, start, n)).toBe(end);
  });

  it('counts working days in a range', () => {
    expect(workingDaysBetween(shipped, '2026-10-01', '2026-10-31')).toBe(18); // 22 weekdays − 5 off + Saturday 10 October
    expect(workingDaysBetween(shipped, '2026-02-01', '2026-02-28')).toBe(16); // 20 weekdays − 6 off + Saturdays 14 and 28
    expect(workingDaysBetween(shipped, '2026-03-02', '2026-03-01')).toBe(0);
  });

  it('refuses to count over a year it does not know, naming the year', () => {
    expect(() => noticeEndDate(shipped, '2026-12-28', 5)).toThrow(CalendarGapError);
    expect(() => noticeEndDate(shipped, '2026-12-28', 5)).toThrow(/2027 年的法定节假日安排尚未录入/);
    // the office's 2027 entry: 元旦 Friday 1 January off, so the fifth day is Monday 4 January
    expect(noticeEndDate(withOffice, '2026-12-28', 5)).toBe('2027-01-04');
    expect(noticeEndDate(withOffice, '2027-02-04', 5)).toBe('2027-02-17'); // Thu, Fri, then 15, 16, 17
    expect(noticeEndDate(withOffice, '2027-02-18', 3)).toBe('2027-02-20'); // Thu, Fri, Saturday 20 worked
  });

  it('an office year replaces the shipped year as a whole', () => {
    const cal = makeCalendar([...shippedYears(), { year: 2026, source: 'office', basis: '更正', days: [] }]);
    expect(isWorkingDay(cal, '2026-10-01')).toBe(true);
    expect(isWorkingDay(cal, '2026-10-10')).toBe(false);
  });
});

describe('redress deadlines', () => {
  it('review within 30 days of learning the result', () => {
    expect(redressDeadline('review', '2026-11-20', false, days, shipped)).toEqual({
      deadline: '2026-12-21',
      basis:
        '知悉考核结果之日（2026年11月20日）起 30 日内申请复核（期满日 2026年12月20日 为休息日，顺延至 2026年12月21日）',
    });
  });
  it('a last day inside 国庆 moves to the first working day after it', () => {
    expect(redressDeadline('review', '2026-09-01', false, days, shipped).deadline).toBe('2026-10-08');
    expect(redressDeadline('appeal', '2026-09-20', true, days, shipped).deadline).toBe('2026-10-08');
  });
  it('appeal 15 days after the review decision, or 30 days directly', () => {
    expect(redressDeadline('appeal', '2027-01-05', true, days, withOffice).deadline).toBe('2027-01-20');
    expect(redressDeadline('appeal', '2026-12-21', false, days, withOffice).deadline).toBe('2027-01-20');
  });
  it('a year the calendar does not know: calendar days, and the basis says it was not moved', () => {
    const r = redressDeadline('review', '2026-12-20', false, days, shipped);
    expect(r.deadline).toBe('2027-01-19');
    expect(r.basis).toContain('2027 年节假日安排未录入，未按节假日顺延');
  });
  it('follows the year’s settings', () => {
    expect(redressDeadline('review', '2026-12-20', false, { ...days, reviewDays: 15 }, withOffice).deadline).toBe(
      '2027-01-04',
    );
  });
});

describe('dates in generated remarks', () => {
  it('print as 2027年2月28日', () => {
    expect(chineseDatesIn('记过处分期 2026-03-01至2027-02-28，与2026年度重叠')).toBe(
      '记过处分期 2026年3月1日至2027年2月28日，与2026年度重叠',
    );
    expect(chineseDatesIn('文号 2026-99-01 与 20260301 不变')).toBe('文号 2026-99-01 与 20260301 不变');
  });
});
