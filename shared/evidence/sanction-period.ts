// 处分期: the effect period of a sanction, from its effective date and the year's configured months.
// end = addMonths(date, months) − 1 day, so a 6-month 警告 from 2026-03-15 runs to 2026-09-14.
import { addDays, addMonths, compareIso } from '../domain/dates';
import type { YearSettings } from '../settings/year-settings';

export type SanctionMonths = YearSettings['sanctionMonths'];

export interface SanctionPeriod {
  start: string;
  end: string;
  months: number;
}

/** The sub-kinds that carry an effect period (开除 ends the assessment and has none). */
export function sanctionMonthsFor(subKind: string, months: SanctionMonths): number | null {
  return Object.prototype.hasOwnProperty.call(months, subKind) ? months[subKind as keyof SanctionMonths] : null;
}

/** null when the sub-kind has no period, or its configured months are 0 (the office uses none). */
export function sanctionPeriod(date: string, subKind: string, months: SanctionMonths): SanctionPeriod | null {
  const m = sanctionMonthsFor(subKind, months);
  if (m === null || m <= 0) return null;
  return { start: date, end: addDays(addMonths(date, m), -1), months: m };
}

/** Whether the sanction's period covers the given day (both ends inclusive). */
export function sanctionInForce(date: string, subKind: string, months: SanctionMonths, asOf: string): boolean {
  const p = sanctionPeriod(date, subKind, months);
  return p !== null && compareIso(p.start, asOf) <= 0 && compareIso(asOf, p.end) <= 0;
}
