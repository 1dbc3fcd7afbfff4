// Public notice (公示) dates: N working days from the start date, weekends skipped; and the redress
// deadlines of domain.md §7 (复核 within 30 days of learning the result, 申诉 15 after a review or 30 direct).
import { addDays, isoFromParts } from '../domain/dates';

/** 0 = Sunday … 6 = Saturday, for an ISO date, without time zones. */
export function weekday(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function isWorkingDay(iso: string): boolean {
  const w = weekday(iso);
  return w !== 0 && w !== 6;
}

/**
 * The last day of a notice of `workingDays` working days starting on `start` (the start counts when
 * it is a working day; a notice starting on a weekend begins on the next Monday).
 */
export function noticeEndDate(start: string, workingDays: number): string {
  let day = start;
  let counted = 0;
  for (;;) {
    if (isWorkingDay(day)) counted++;
    if (counted >= workingDays) return day;
    day = addDays(day, 1);
  }
}

export type RedressKind = 'review' | 'appeal' | 'deferred_grade';

export interface RedressDays {
  reviewDays: number;
  appealAfterReviewDays: number;
  appealDirectDays: number;
}

/** The filing deadline and its basis in words. `from` is the day the person learned the result (or the review decision). */
export function redressDeadline(
  kind: RedressKind,
  from: string,
  afterReview: boolean,
  days: RedressDays,
): { deadline: string; basis: string } {
  if (kind === 'review')
    return {
      deadline: addDays(from, days.reviewDays),
      basis: `知悉考核结果之日（${from}）起 ${days.reviewDays} 日内申请复核`,
    };
  if (kind === 'appeal' && afterReview)
    return {
      deadline: addDays(from, days.appealAfterReviewDays),
      basis: `复核决定之日（${from}）起 ${days.appealAfterReviewDays} 日内提出申诉`,
    };
  if (kind === 'appeal')
    return {
      deadline: addDays(from, days.appealDirectDays),
      basis: `知悉考核结果之日（${from}）起 ${days.appealDirectDays} 日内直接提出申诉`,
    };
  // 补定等次 after an investigation closes has no filing deadline of its own
  return { deadline: isoFromParts(9999, 12, 31), basis: '结案后补定等次，无申请期限' };
}
