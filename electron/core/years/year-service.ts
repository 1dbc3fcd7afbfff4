// Assessment years: create one for an agency with its periods (from the settings' period kind),
// list them, read one with its periods. Every write is one transaction with its audit entry.
import { AppError } from '../../../shared/result';
import { periodsOfYear } from '../../../shared/periods/calendar';
import type { AssessmentYearDto, PeriodDto, UnitDto } from '../../../shared/domain/records';
import type { PeriodKind } from '../../../shared/domain/types';
import { defaultYearSettings, type YearSettings } from '../../../shared/settings/year-settings';
import { recordAudit } from '../audit/audit-log';
import { stamp, writeTx, type Ctx } from '../context';
import { newId } from '../ids';
import { findUnit, listPeriods, listYears, ratingUnitsOf, requireYear } from './year-repo';

export interface YearWithPeriods {
  year: AssessmentYearDto;
  periods: PeriodDto[];
  settings: YearSettings;
  departments: UnitDto[];
}

export function createYear(
  ctx: Ctx,
  input: { unitId: string; year: number; periodKind?: PeriodKind },
): YearWithPeriods {
  return writeTx(ctx, () => {
    const unit = findUnit(ctx.db, input.unitId);
    if (!unit) throw new AppError('NOT_FOUND', '找不到所选单位，请先在“人员名册”中建立单位。', { field: 'unitId' });
    if (unit.kind !== 'agency') {
      throw new AppError(
        'INVALID_INPUT',
        `“${unit.name}”是内设部门，考核年度应建立在机关（单位）上，请选择其所属机关。`,
        { field: 'unitId' },
      );
    }
    const exists = ctx.db
      .prepare('SELECT id FROM assessment_year WHERE unit_id = ? AND year = ?')
      .get(unit.id, input.year);
    if (exists)
      throw new AppError('CONFLICT', `${unit.name} 的 ${input.year} 年度已经建立，无需重复建立。`, { field: 'year' });
    const settings: YearSettings = { ...defaultYearSettings(), periodKind: input.periodKind ?? 'quarter' };
    const id = newId(ctx.now().getTime());
    const at = stamp(ctx);
    ctx.db
      .prepare(
        'INSERT INTO assessment_year (id, unit_id, year, settings_json, stage, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(id, unit.id, input.year, JSON.stringify(settings), 'collecting', at, at, ctx.operator.id);
    insertPeriods(ctx, id, input.year, settings.periodKind);
    recordAudit(ctx, {
      action: 'year.create',
      entity: 'assessment_year',
      entityId: id,
      after: { unitId: unit.id, unitName: unit.name, year: input.year, periodKind: settings.periodKind },
    });
    return getYear(ctx, id);
  });
}

/** Inserts the periods of the calendar; the caller holds the transaction. */
export function insertPeriods(ctx: Ctx, yearId: string, year: number, kind: PeriodKind): void {
  const ins = ctx.db.prepare(
    'INSERT INTO period (id, year_id, code, label, seq, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const p of periodsOfYear(year, kind))
    ins.run(newId(ctx.now().getTime()), yearId, p.code, p.label, p.seq, p.startDate, p.endDate);
}

export function getYear(ctx: Ctx, yearId: string): YearWithPeriods {
  const y = requireYear(ctx.db, yearId);
  return {
    year: y.dto,
    periods: listPeriods(ctx.db, yearId),
    settings: y.settings,
    departments: ratingUnitsOf(ctx.db, y.dto.unitId),
  };
}

export { listYears, listPeriods };
