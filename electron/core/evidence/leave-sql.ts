// Leave days inside a calendar year, in SQL, matching shared/evidence/leave.ts (prorated across
// 31 Dec, rounded to 2 decimals per item), so the dashboard can sum 20,000 people in one query.
import type { Db } from '../db/open';
import { yearEnd, yearStart } from '../../../shared/domain/dates';
import { the } from '../db/query';

/** Expression over alias `e` with parameters @ys / @ye (the year's first and last day). */
export const LEAVE_DAYS_IN_YEAR_SQL = `CASE
  WHEN e.end_date IS NULL OR (e.end_date <= @ye AND e.date >= @ys) THEN e.days
  ELSE ROUND(e.days * (julianday(min(e.end_date, @ye)) - julianday(max(e.date, @ys)) + 1)
             / (julianday(e.end_date) - julianday(e.date) + 1), 2) END`;

/** A leave imported with days but no end date counts wholly in the year of its date. */
export const LEAVE_IN_YEAR_WHERE = `e.kind = 'leave' AND e.status = 'active' AND e.days IS NOT NULL AND e.date <= @ye AND COALESCE(e.end_date, e.date) >= @ys`;

/** One person's summed sick + personal leave days in a year. */
export function personLeaveDays(db: Db, personId: string, year: number): number {
  const row = the<{ total: number }>(
    db,
    `SELECT ROUND(COALESCE(SUM(${LEAVE_DAYS_IN_YEAR_SQL}), 0), 2) AS total FROM evidence e WHERE e.person_id = @personId AND ${LEAVE_IN_YEAR_WHERE}`,
    {
      personId,
      ys: yearStart(year),
      ye: yearEnd(year),
    },
  );
  return row.total;
}
