// Reading years, periods and an agency's departments from the store, as contract DTOs.
// Shared by the year services, the ratings grid and the review.
import { AppError } from '../../../shared/result';
import type { AssessmentYearDto, PeriodDto, UnitDto } from '../../../shared/domain/records';
import { yearSettings, type YearSettings } from '../../../shared/settings/year-settings';
import type { Db } from '../db/open';
import type { AssessmentYearRow, PeriodRow as PeriodTableRow, UnitRow as UnitTableRow } from '../db/rows';
import { many, one, the } from '../db/query';

/** YEAR_SELECT's row: the year with its agency's name. */
type YearRow = Pick<
  AssessmentYearRow,
  'id' | 'unit_id' | 'year' | 'stage' | 'notice_start' | 'finalized_at' | 'updated_at' | 'settings_json'
> & { unit_name: string };

type PeriodRow = Pick<
  PeriodTableRow,
  'id' | 'year_id' | 'code' | 'label' | 'seq' | 'start_date' | 'end_date' | 'review_status'
>;

const YEAR_SELECT = `SELECT y.id, y.unit_id, u.name AS unit_name, y.year, y.stage, y.notice_start, y.finalized_at, y.updated_at, y.settings_json
  FROM assessment_year y JOIN unit u ON u.id = y.unit_id`;

export function yearDto(r: YearRow): AssessmentYearDto {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    year: r.year,
    stage: r.stage,
    noticeStart: r.notice_start,
    finalizedAt: r.finalized_at,
    updatedAt: r.updated_at,
  };
}

export function periodDto(r: PeriodRow): PeriodDto {
  return {
    id: r.id,
    yearId: r.year_id,
    code: r.code,
    label: r.label,
    seq: r.seq,
    startDate: r.start_date,
    endDate: r.end_date,
    reviewStatus: r.review_status,
  };
}

export interface YearRecord {
  dto: AssessmentYearDto;
  settings: YearSettings;
  settingsJson: string;
}

/** Settings as stored; parsed so that defaults added in later releases fill in. */
export function parseStoredSettings(json: string): YearSettings {
  return yearSettings.parse(JSON.parse(json));
}

export function listYears(db: Db): AssessmentYearDto[] {
  return many<YearRow>(db, `${YEAR_SELECT} ORDER BY y.year DESC, u.sort_order, u.name`).map(yearDto);
}

export function findYear(db: Db, yearId: string): YearRecord | null {
  const r = one<YearRow>(db, `${YEAR_SELECT} WHERE y.id = ?`, yearId);
  return r ? { dto: yearDto(r), settings: parseStoredSettings(r.settings_json), settingsJson: r.settings_json } : null;
}

export function requireYear(db: Db, yearId: string): YearRecord {
  const y = findYear(db, yearId);
  if (!y) throw new AppError('NOT_FOUND', '找不到该考核年度，可能已被删除。请在页面顶部重新选择年度。', { yearId });
  return y;
}

export function listPeriods(db: Db, yearId: string): PeriodDto[] {
  return many<PeriodRow>(db, 'SELECT * FROM period WHERE year_id = ? ORDER BY seq', yearId).map(periodDto);
}

export interface PeriodRecord {
  period: PeriodDto;
  year: YearRecord;
}

export function requirePeriod(db: Db, periodId: string): PeriodRecord {
  const r = one<PeriodRow>(db, 'SELECT * FROM period WHERE id = ?', periodId);
  if (!r) throw new AppError('NOT_FOUND', '找不到该考核期间，请重新选择期间。', { periodId });
  return { period: periodDto(r), year: requireYear(db, r.year_id) };
}

type UnitRow = Pick<UnitTableRow, 'id' | 'parent_id' | 'kind' | 'name' | 'code' | 'sort_order'>;

export function unitDto(r: UnitRow): UnitDto {
  return { id: r.id, parentId: r.parent_id, kind: r.kind, name: r.name, code: r.code, sortOrder: r.sort_order };
}

export function findUnit(db: Db, unitId: string): UnitDto | null {
  const r = one<UnitRow>(db, 'SELECT id, parent_id, kind, name, code, sort_order FROM unit WHERE id = ?', unitId);
  return r ? unitDto(r) : null;
}

export function listAgencies(db: Db): UnitDto[] {
  return many<UnitRow>(
    db,
    `SELECT id, parent_id, kind, name, code, sort_order FROM unit WHERE kind = 'agency' ORDER BY sort_order, name`,
  ).map(unitDto);
}

/** Every department under the agency (nested departments included), in sort order. */
export function departmentsOf(db: Db, agencyId: string): UnitDto[] {
  const rows = many<UnitRow>(
    db,
    `WITH RECURSIVE tree(id) AS (SELECT id FROM unit WHERE parent_id = ? UNION ALL SELECT u.id FROM unit u JOIN tree t ON u.parent_id = t.id)
       SELECT u.id, u.parent_id, u.kind, u.name, u.code, u.sort_order FROM unit u JOIN tree t ON t.id = u.id
       WHERE u.kind = 'department' ORDER BY u.sort_order, u.name`,
    agencyId,
  );
  return rows.map(unitDto);
}

/**
 * The units that rate people each period: the agency's departments, and the agency itself when people
 * belong to it directly (its leaders, usually), shown as "某局（直属）" so nobody falls outside a grid.
 */
export function ratingUnitsOf(db: Db, agencyId: string): UnitDto[] {
  const departments = departmentsOf(db, agencyId);
  const direct = the<{ has: number }>(
    db,
    'SELECT EXISTS (SELECT 1 FROM person WHERE unit_id = @id) OR EXISTS (SELECT 1 FROM person_move WHERE from_unit_id = @id OR to_unit_id = @id) AS has',
    { id: agencyId },
  );
  if (!direct.has) return departments;
  const agency = findUnit(db, agencyId)!;
  return [{ ...agency, name: `${agency.name}（直属）` }, ...departments];
}
