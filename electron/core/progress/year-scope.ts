// The year a dashboard looks at: its agency, periods, settings, and the day figures are taken on.
// Who is due in a period is one SQL predicate shared by the counts, the missing list and the export.
import { AppError } from '../../../shared/result';
import { compareIso, isoToday, yearEnd } from '../../../shared/domain/dates';
import type { YearStage } from '../../../shared/domain/types';
import { defaultYearSettings, yearSettings, type YearSettings } from '../../../shared/settings/year-settings';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { many } from '../db/query';

export interface PeriodInfo {
  id: string;
  code: string;
  label: string;
  seq: number;
  startDate: string;
  endDate: string;
  state: 'past' | 'current' | 'future';
  reviewStatus: 'open' | 'reviewed';
}

export interface YearScope {
  id: string;
  year: number;
  agencyId: string;
  agencyName: string;
  stage: YearStage;
  settings: YearSettings;
  periods: PeriodInfo[];
  today: string;
  /** flags are taken on this day: today, or the year's last day for a past year */
  asOf: string;
  /** 数据范围: the departments the operator may see as a JSON array for SQL, null for all */
  visible: string | null;
}

/** SQL condition: the unit column is within the operator's data scope (@visible). */
export const VISIBLE = (col: string) => `(@visible IS NULL OR ${col} IN (SELECT value FROM json_each(@visible)))`;

/** The agency's units (itself and everything below), as a CTE named `scope`. */
export const SCOPE_CTE = `WITH RECURSIVE scope(id) AS (SELECT @agencyId UNION ALL SELECT u.id FROM unit u JOIN scope ON u.parent_id = scope.id)`;

/**
 * Who is due a rating in which department for each period of the year, as the ratings grid counts
 * them (electron/core/ratings/membership.ts): in post at the period's end (hired by then, not gone
 * before it), in the department they belonged to on that day by the dated person_move history.
 * A CTE `due(person_id, period_id, unit_id)` after SCOPE_CTE; needs @yearId.
 */
export const DUE_CTE = `, due(person_id, period_id, unit_id) AS (
  SELECT p.id, pr.id, COALESCE(
      (SELECT m.to_unit_id FROM person_move m WHERE m.person_id = p.id AND m.move_date <= pr.end_date ORDER BY m.move_date DESC LIMIT 1),
      (SELECT m.from_unit_id FROM person_move m WHERE m.person_id = p.id ORDER BY m.move_date ASC LIMIT 1),
      p.unit_id)
  FROM period pr JOIN person p
  WHERE pr.year_id = @yearId
    AND (p.unit_id IN (SELECT id FROM scope) OR EXISTS (SELECT 1 FROM person_move m WHERE m.person_id = p.id))
    AND (p.hire_date IS NULL OR p.hire_date <= pr.end_date)
    AND (p.status = 'active' OR (p.left_date IS NOT NULL AND p.left_date >= pr.end_date))
)`;

export function resolveYear(
  db: Db,
  yearId: string | undefined,
  now: Date,
  visible: ReadonlySet<string> | null = null,
): YearScope | null {
  const row = (
    yearId
      ? stmt(
          db,
          'SELECT y.id, y.year, y.unit_id, u.name AS unit_name, y.stage, y.settings_json FROM assessment_year y JOIN unit u ON u.id = y.unit_id WHERE y.id = ?',
        ).get(yearId)
      : // Without a choice: the latest year (the one a clerk is most likely working in).
        stmt(
          db,
          'SELECT y.id, y.year, y.unit_id, u.name AS unit_name, y.stage, y.settings_json FROM assessment_year y JOIN unit u ON u.id = y.unit_id ORDER BY y.year DESC, u.sort_order LIMIT 1',
        ).get()
  ) as
    | { id: string; year: number; unit_id: string; unit_name: string; stage: YearStage; settings_json: string }
    | undefined;
  if (!row) {
    if (yearId) throw new AppError('NOT_FOUND', '找不到该考核年度，可能已被删除。请重新选择年度。');
    return null;
  }
  const today = isoToday(now);
  const asOf = compareIso(today, yearEnd(row.year)) > 0 ? yearEnd(row.year) : today;
  const periods = many<{
    id: string;
    code: string;
    label: string;
    seq: number;
    start_date: string;
    end_date: string;
    review_status: 'open' | 'reviewed';
  }>(
    db,
    'SELECT id, code, label, seq, start_date, end_date, review_status FROM period WHERE year_id = ? ORDER BY seq',
    row.id,
  ).map((p): PeriodInfo => ({
    id: p.id,
    code: p.code,
    label: p.label,
    seq: p.seq,
    startDate: p.start_date,
    endDate: p.end_date,
    state: compareIso(p.end_date, today) < 0 ? 'past' : compareIso(p.start_date, today) > 0 ? 'future' : 'current',
    reviewStatus: p.review_status,
  }));
  return {
    id: row.id,
    year: row.year,
    agencyId: row.unit_id,
    agencyName: row.unit_name,
    stage: row.stage,
    settings: parseSettings(row.settings_json),
    periods,
    today,
    asOf,
    visible: visible === null ? null : JSON.stringify([...visible]),
  };
}

function parseSettings(json: string): YearSettings {
  try {
    const r = yearSettings.safeParse(JSON.parse(json));
    if (r.success) return r.data;
  } catch {
    /* fall through to the defaults */
  }
  return defaultYearSettings();
}
