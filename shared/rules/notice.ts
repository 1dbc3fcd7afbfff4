// Public notice (公示) dates and the redress deadlines of domain.md §7 (复核 within 30 days of learning
// the result, 申诉 15 after a review or 30 direct). Both read the official calendar
// (shared/calendar): the notice counts working days, skipping 法定节假日 and counting 调休上班 days; a
// redress deadline counts calendar days and, when its last day is a rest day, moves to the next
// working day. This is the one implementation; the sheets print the dates the core stored.
import { addDays, isoFromParts } from '../domain/dates';
import { chineseDate } from '../sheets/format';
import {
  CalendarGapError,
  isKnownYear,
  nextWorkingDay,
  workingDaysEnd,
  type OfficialCalendar,
} from '../calendar/official-calendar';

/** The last day of a notice of `workingDays` working days starting on `start` (see workingDaysEnd). */
export function noticeEndDate(cal: OfficialCalendar, start: string, workingDays: number): string {
  return workingDaysEnd(cal, start, workingDays);
}

export type RedressKind = 'review' | 'appeal' | 'deferred_grade';

export interface RedressDays {
  reviewDays: number;
  appealAfterReviewDays: number;
  appealDirectDays: number;
}

/** The last day counted in calendar days, moved past rest days when the calendar knows that year. */
function lastDay(cal: OfficialCalendar, from: string, n: number): { deadline: string; note: string } {
  const plain = addDays(from, n);
  if (!isKnownYear(cal, Number(plain.slice(0, 4))))
    return { deadline: plain, note: `（${plain.slice(0, 4)} 年节假日安排未录入，未按节假日顺延）` };
  let moved: string;
  try {
    moved = nextWorkingDay(cal, plain);
  } catch (e) {
    // a rest day at the end of a known year, followed by a year not yet entered
    if (!(e instanceof CalendarGapError)) throw e;
    return { deadline: plain, note: `（${e.years.join('、')} 年节假日安排未录入，未按节假日顺延）` };
  }
  return moved === plain
    ? { deadline: plain, note: '' }
    : { deadline: moved, note: `（期满日 ${chineseDate(plain)} 为休息日，顺延至 ${chineseDate(moved)}）` };
}

/** The filing deadline and its basis in words. `from` is the day the person learned the result (or the review decision). */
export function redressDeadline(
  kind: RedressKind,
  from: string,
  afterReview: boolean,
  days: RedressDays,
  cal: OfficialCalendar,
): { deadline: string; basis: string } {
  if (kind === 'deferred_grade')
    // 补定等次 after an investigation closes has no filing deadline of its own
    return { deadline: isoFromParts(9999, 12, 31), basis: '结案后补定等次，无申请期限' };
  const [n, what] =
    kind === 'review'
      ? [days.reviewDays, `知悉考核结果之日（${chineseDate(from)}）起 ${days.reviewDays} 日内申请复核`]
      : afterReview
        ? [
            days.appealAfterReviewDays,
            `复核决定之日（${chineseDate(from)}）起 ${days.appealAfterReviewDays} 日内提出申诉`,
          ]
        : [
            days.appealDirectDays,
            `知悉考核结果之日（${chineseDate(from)}）起 ${days.appealDirectDays} 日内直接提出申诉`,
          ];
  const { deadline, note } = lastDay(cal, from, n);
  return { deadline, basis: what + note };
}
