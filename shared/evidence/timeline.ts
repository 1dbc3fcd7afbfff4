// A person's year in date order: period ratings (dated at the period's end) and evidence items,
// including items from earlier years whose effect reaches into this one (a sanction in force).
import { compareIso, yearEnd, yearStart } from '../domain/dates';

export interface TimelineItemLike {
  kind: string;
  date: string;
  endDate: string | null;
  effectPeriod: { start: string; end: string } | null;
  investigationState?: string | null;
}

/** The last day an item matters: a sanction's period end, an open investigation forever, else its end date or date. */
export function effectiveEnd(item: TimelineItemLike): string {
  if (item.kind === 'sanction' && item.effectPeriod) return item.effectPeriod.end;
  if (item.kind === 'investigation' && item.endDate === null) return '9999-12-31';
  return item.endDate ?? item.date;
}

export function touchesYear(item: TimelineItemLike, year: number): boolean {
  return compareIso(item.date, yearEnd(year)) <= 0 && compareIso(effectiveEnd(item), yearStart(year)) >= 0;
}

export interface Dated {
  type: 'rating' | 'evidence';
  date: string;
  /** stable tie-break within a day (period seq, record id) */
  key: string;
}

/** Date ascending; on the same day evidence before the period's rating, then by key. */
export function orderTimeline<T extends Dated>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) =>
      compareIso(a.date, b.date) ||
      (a.type === b.type ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.type === 'evidence' ? -1 : 1),
  );
}
