// The year a dashboard looks at: its agency, periods, settings, and the day figures are taken on.
// Who is due in a period is one SQL predicate shared by the counts, the missing list and the export.
import { AppError } from '../../../shared/result';
import { compareIso, isoToday, yearEnd } from '../../../shared/domain/dates';
import type { YearStage } from '../../../shared/domain/types';
import { defaultYearSettings, yearSettings, type YearSettings } from '../../../shared/settings/year-settings';
import type { Db } from '../db/open';
import { stmt } from '../evidence/statements';

export interface PeriodInfo {
  id: string;
  code: string;
  label: string;
  seq: number;
  startDate: string;
  endDate: string;
  state: 'past' | 'current' | 'future';
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
}

/** The agency's units (itself and everything below), as a CTE named `scope`. */
export const SCOPE_CTE = `WITH RECURSIVE scope(id) AS (SELECT @agencyId UNION ALL SELECT u.id FROM unit u JOIN scope ON u.parent_id = scope.id)`;

/**
 * A person is due a rating in a period when they were in post during it: hired by its end (or no
 * hire date) and not gone before its start. Attributed to their current department.
 */
export const DUE_IN_PERIOD_SQL = `(p.hire_date IS NULL OR p.hire_date <= pr.end_date)
  AND (p.status = 'active' OR (p.left_date IS NOT NULL AND p.left_date >= pr.start_date))`;

export function resolveYear(db: Db, yearId: string | undefined, now: Date): YearScope | null {
  const row = (
    yearId
      ? stmt(db, 'SELECT y.id, y.year, y.unit_id, u.name AS unit_name, y.stage, y.settings_json FROM assessment_year y JOIN unit u ON u.id = y.unit_id WHERE y.id = ?').get(yearId)
      : // Without a choice: the latest year (the one a clerk is most likely working in).
        stmt(db, 'SELECT y.id, y.year, y.unit_id, u.name AS unit_name, y.stage, y.settings_json FROM assessment_year y JOIN unit u ON u.id = y.unit_id ORDER BY y.year DESC, u.sort_order LIMIT 1').get()
  ) as { id: string; year: number; unit_id: string; unit_name: string; stage: YearStage; settings_json: string } | undefined;
  if (!row) {
    if (yearId) throw new AppError('NOT_FOUND', '找不到该考核年度，可能已被删除。请重新选择年度。');
    return null;
  }
  const today = isoToday(now);
  const asOf = compareIso(today, yearEnd(row.year)) > 0 ? yearEnd(row.year) : today;
  const periods = (stmt(db, 'SELECT id, code, label, seq, start_date, end_date FROM period WHERE year_id = ? ORDER BY seq').all(row.id) as {
    id: string;
    code: string;
    label: string;
    seq: number;
    start_date: string;
    end_date: string;
  }[]).map((p) => ({
    id: p.id,
    code: p.code,
    label: p.label,
    seq: p.seq,
    startDate: p.start_date,
    endDate: p.end_date,
    state: (compareIso(p.end_date, today) < 0 ? 'past' : compareIso(p.start_date, today) > 0 ? 'future' : 'current') as PeriodInfo['state'],
  }));
  return { id: row.id, year: row.year, agencyId: row.unit_id, agencyName: row.unit_name, stage: row.stage, settings: parseSettings(row.settings_json), periods, today, asOf };
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
