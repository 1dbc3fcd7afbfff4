// The states the dashboard flags on a given day: investigation open, probation running, leave
// nearing or over the year's threshold. Pure: the caller passes the day (asOf).
import { compareIso } from '../domain/dates';

/** Days before the threshold at which long leave starts to be flagged: a month's notice. */
export const LEAVE_NEAR_MARGIN_DAYS = 30;

export type LeaveFlag = 'over' | 'near' | null;

/** 'over' above the threshold (comments only at year end), 'near' within a month of it. */
export function leaveFlag(days: number, threshold: number): LeaveFlag {
  if (days > threshold) return 'over';
  if (days > threshold - LEAVE_NEAR_MARGIN_DAYS) return 'near';
  return null;
}

export type InvestigationState = 'open' | 'closed' | 'not_started';

/** An investigation is open from its opening date until (excluding) its closing date. */
export function investigationState(opened: string, closed: string | null, asOf: string): InvestigationState {
  if (compareIso(asOf, opened) < 0) return 'not_started';
  if (closed !== null && compareIso(closed, asOf) <= 0) return 'closed';
  return 'open';
}

/** A probation runs from its start to its end date, both inclusive. */
export function probationRunning(start: string, end: string, asOf: string): boolean {
  return compareIso(start, asOf) <= 0 && compareIso(asOf, end) <= 0;
}
