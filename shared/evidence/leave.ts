// 病假/事假: a leave's days, and how many of them fall in a given calendar year.
// A leave crossing 31 Dec counts in each year only for its own days there (prorated when the
// clerk entered a day count that differs from the calendar span, e.g. working days).
import { compareIso, daysBetween, yearEnd, yearStart } from '../domain/dates';

export interface LeaveSpan {
  date: string; // first day of leave
  /** last day of leave (inclusive); null when only a day count was recorded (imports) */
  endDate: string | null;
  /** days as recorded (computed from the dates when the clerk gave none) */
  days: number;
}

/** Calendar days from start to end, both inclusive. */
export function leaveSpanDays(start: string, end: string): number {
  return daysBetween(start, end) + 1;
}

/** Days of one leave inside `year`, rounded to 2 decimals (the SQL sum rounds the same way). */
export function leaveDaysInYear(leave: LeaveSpan, year: number): number {
  // Without an end date the days count wholly in the year of the start.
  if (leave.endDate === null) return Number(leave.date.slice(0, 4)) === year ? leave.days : 0;
  const from = compareIso(leave.date, yearStart(year)) > 0 ? leave.date : yearStart(year);
  const to = compareIso(leave.endDate, yearEnd(year)) < 0 ? leave.endDate : yearEnd(year);
  if (compareIso(from, to) > 0) return 0;
  const span = leaveSpanDays(leave.date, leave.endDate);
  const overlap = leaveSpanDays(from, to);
  if (overlap === span) return leave.days;
  return Math.round(((leave.days * overlap) / span) * 100) / 100;
}

/** Sum over a person's leaves (voided ones must be left out by the caller). */
export function sumLeaveDaysInYear(leaves: readonly LeaveSpan[], year: number): number {
  return Math.round(leaves.reduce((s, l) => s + leaveDaysInYear(l, year), 0) * 100) / 100;
}
