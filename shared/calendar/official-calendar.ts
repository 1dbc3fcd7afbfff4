// The official calendar (法定节假日与调休): which days are working days. Saturdays and Sundays are rest
// days and Monday to Friday working days, except where a year's State Council notice says otherwise:
// a 放假 day is a rest day even on a weekday, a 调休上班 day a working day even at a weekend. A year is
// "known" when its notice is in the calendar (shipped with the app or entered by the office); a count
// over a year that is not known is refused by the caller, not guessed.
import { addDays, compareIso, isIsoDate, yearOf } from '../domain/dates';
import { SHIPPED_CALENDAR_SOURCE, SHIPPED_DAYS } from './shipped-days';

export type CalendarDayKind = 'holiday' | 'workday';

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  /** the festival, e.g. 春节 */
  name: string;
}

export interface CalendarYear {
  year: number;
  /** shipped: the table that came with the app; office: entered or imported by the office */
  source: 'shipped' | 'office';
  /** where the days come from: the package version, or the notice's 文号 as the office wrote it */
  basis: string;
  days: CalendarDay[];
}

export interface OfficialCalendar {
  years: ReadonlyMap<number, CalendarYear>;
  byDate: ReadonlyMap<string, CalendarDay>;
}

export const CALENDAR_KIND_LABEL: Record<CalendarDayKind, string> = { holiday: '放假', workday: '调休上班' };

/** The shipped years, parsed from the generated table. */
export function shippedYears(): CalendarYear[] {
  return Object.entries(SHIPPED_DAYS).map(([y, line]) => {
    const year = Number(y);
    const days = line
      .split(' ')
      .filter(Boolean)
      .map((token): CalendarDay => {
        const workday = token.startsWith('+');
        const t = workday ? token.slice(1) : token;
        return {
          date: `${year}-${t.slice(0, 2)}-${t.slice(2, 4)}`,
          kind: workday ? 'workday' : 'holiday',
          name: t.slice(4),
        };
      });
    return { year, source: 'shipped', basis: SHIPPED_CALENDAR_SOURCE, days };
  });
}

/** A calendar from whole years; a later year of the same number replaces an earlier one (office over shipped). */
export function makeCalendar(years: readonly CalendarYear[]): OfficialCalendar {
  const byYear = new Map<number, CalendarYear>();
  for (const y of years) byYear.set(y.year, y);
  const byDate = new Map<string, CalendarDay>();
  for (const y of byYear.values()) for (const d of y.days) byDate.set(d.date, d);
  return { years: byYear, byDate };
}

/** Monday = 1 … Sunday = 7, from the ISO date alone (1970-01-05 was a Monday). */
export function isoWeekday(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const days = Date.UTC(y, m - 1, d) / 86_400_000;
  return ((((days - 4) % 7) + 7) % 7) + 1;
}

export function isWeekend(iso: string): boolean {
  return isoWeekday(iso) >= 6;
}

export function isWorkingDay(cal: OfficialCalendar, iso: string): boolean {
  const special = cal.byDate.get(iso);
  if (special) return special.kind === 'workday';
  return !isWeekend(iso);
}

export function isKnownYear(cal: OfficialCalendar, year: number): boolean {
  return cal.years.has(year);
}

/** The years touched by [from, to] whose notice is not in the calendar, ascending. */
export function unknownYears(cal: OfficialCalendar, from: string, to: string): number[] {
  const out: number[] = [];
  for (let y = yearOf(from); y <= yearOf(to); y++) if (!cal.years.has(y)) out.push(y);
  return out;
}

export class CalendarGapError extends Error {
  constructor(
    readonly years: number[],
    readonly from: string,
    readonly to: string,
  ) {
    super(
      `${years.join('、')} 年的法定节假日安排尚未录入日历，无法计算 ${from} 起的工作日。` +
        '请在“节假日日历”中按国务院办公厅通知录入（或导入）该年的放假和调休上班日期后重试。',
    );
  }
}

function assertKnown(cal: OfficialCalendar, from: string, to: string): void {
  const gap = unknownYears(cal, from, to);
  if (gap.length) throw new CalendarGapError(gap, from, to);
}

/** The first working day on or after `iso`. */
export function nextWorkingDay(cal: OfficialCalendar, iso: string): string {
  let d = iso;
  // the longest run of rest days in any notice is 9 (春节 2026); 60 is a guard against a bad table
  for (let i = 0; i < 60; i++) {
    if (isWorkingDay(cal, d)) {
      assertKnown(cal, iso, d);
      return d;
    }
    d = addDays(d, 1);
  }
  throw new CalendarGapError([yearOf(iso)], iso, d);
}

/**
 * The last day of a period of `n` working days that starts on `start`: the start counts when it is
 * a working day, otherwise the period begins on the next working day. Every year the period
 * touches must be known, or CalendarGapError says which to enter.
 */
export function workingDaysEnd(cal: OfficialCalendar, start: string, n: number): string {
  if (!isIsoDate(start)) throw new RangeError(`not an ISO date: ${start}`);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a positive integer: ${n}`);
  let d = nextWorkingDay(cal, start);
  for (let left = n - 1; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(cal, d)) left--;
  }
  assertKnown(cal, start, d);
  return d;
}

/** Working days in [from, to], both ends included (0 when to is before from). */
export function workingDaysBetween(cal: OfficialCalendar, from: string, to: string): number {
  if (compareIso(to, from) < 0) return 0;
  assertKnown(cal, from, to);
  let n = 0;
  for (let d = from; compareIso(d, to) <= 0; d = addDays(d, 1)) if (isWorkingDay(cal, d)) n++;
  return n;
}

/**
 * A deadline of calendar days whose last day falls on a rest day moves to the next working day
 * (the general rule for periods, 民法典第二百零三条). Returns the moved day, or the same day.
 */
export function rollToWorkingDay(cal: OfficialCalendar, iso: string): string {
  return nextWorkingDay(cal, iso);
}

/** What a day is, in words, for the calendar view and the traces. */
export function describeDay(cal: OfficialCalendar, iso: string): string {
  const special = cal.byDate.get(iso);
  if (special) return `${special.name}${CALENDAR_KIND_LABEL[special.kind]}`;
  return isWeekend(iso) ? '周末' : '工作日';
}
