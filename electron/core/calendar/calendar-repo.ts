// Reads the official calendar: the shipped years, with every year the office entered or imported
// in their place; and the calendar a decided assessment year keeps (its copy wins over later edits).
import {
  makeCalendar,
  shippedYears,
  type CalendarDay,
  type CalendarYear,
  type OfficialCalendar,
} from '../../../shared/calendar/official-calendar';
import type { Db } from '../db/open';
import type { CalendarYearRow } from '../db/rows';
import { many, one } from '../db/query';

type YearRow = CalendarYearRow;

export interface OfficeYearMeta {
  source: 'manual' | 'import';
  fileName: string | null;
  updatedAt: string;
  updatedBy: string;
}

/** The years the office keeps, each with its days, ascending. */
export function officeYears(db: Db): (CalendarYear & { meta: OfficeYearMeta })[] {
  const years = many<YearRow>(db, 'SELECT * FROM calendar_year ORDER BY year');
  const days = many<
    CalendarDay & {
      year: number;
    }
  >(db, 'SELECT date, year, kind, name FROM calendar_day ORDER BY date');
  const byYear = new Map<number, CalendarDay[]>();
  for (const d of days)
    byYear.set(d.year, [...(byYear.get(d.year) ?? []), { date: d.date, kind: d.kind, name: d.name }]);
  return years.map((y) => ({
    year: y.year,
    source: 'office',
    basis: y.basis,
    days: byYear.get(y.year) ?? [],
    meta: { source: y.source, fileName: y.file_name, updatedAt: y.updated_at, updatedBy: y.updated_by },
  }));
}

/** The calendar in force now: shipped years, the office's years over them. */
export function loadCalendar(db: Db): OfficialCalendar {
  return makeCalendar([...shippedYears(), ...officeYears(db).map(({ meta: _m, ...y }) => y)]);
}

/** The years an assessment year's dates fall in: its own (a notice in December) and the next (January). */
export function yearsUsedBy(assessmentYear: number): number[] {
  return [assessmentYear, assessmentYear + 1];
}

/** The copy kept at finalisation: the known years among yearsUsedBy, as they stood then. */
export function keptCopy(cal: OfficialCalendar, assessmentYear: number): CalendarYear[] {
  return yearsUsedBy(assessmentYear).flatMap((y) => {
    const cy = cal.years.get(y);
    return cy ? [cy] : [];
  });
}

/**
 * The calendar an assessment year counts on. Before it is decided: the calendar in force. Once
 * decided: the years it kept, as they were; a year it did not know then (not yet entered) is taken
 * from the calendar in force, since nothing of the decided year was counted on it.
 */
export function calendarOfYear(db: Db, yearId: string): OfficialCalendar {
  const live = loadCalendar(db);
  const row = one<{ j: string | null }>(
    db,
    'SELECT decided_calendar_json AS j FROM yearend_state WHERE year_id = ?',
    yearId,
  );
  if (!row?.j) return live;
  const kept = JSON.parse(row.j) as CalendarYear[];
  return makeCalendar([...live.years.values(), ...kept]);
}

/** Assessment years that keep a copy of calendar year `year` (decided years whose dates fall in it). */
export function decidedYearsKeeping(db: Db, year: number): { yearId: string; year: number; unitName: string }[] {
  const rows = many<{ id: string; year: number; unit_name: string; j: string }>(
    db,
    `SELECT y.id, y.year, u.name AS unit_name, s.decided_calendar_json AS j FROM assessment_year y
       JOIN yearend_state s ON s.year_id = y.id JOIN unit u ON u.id = y.unit_id
      WHERE s.decided_calendar_json IS NOT NULL ORDER BY y.year, u.name`,
  );
  return rows
    .filter((r) => (JSON.parse(r.j) as CalendarYear[]).some((c) => c.year === year))
    .map((r) => ({ yearId: r.id, year: r.year, unitName: r.unit_name }));
}
