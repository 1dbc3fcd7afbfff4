// The quarterly ratings grid of one department and period: one row per person who belonged to the
// department at any time in the period, with their record, rating, the live cap and the review note.
import { AppError } from '../../../shared/result';
import type { GridRowDto, RatingsGridDto } from '../../../shared/api/years';
import type { Ctx } from '../context';
import { ratingsLockReason } from '../years/locks';
import { requirePeriod } from '../years/year-repo';
import { periodState, ratingsForGrid } from './period-state';
import { reviewOf } from './review-repo';
import { assertDepartmentInScope } from './scope';
import { the } from '../db/query';

export function ratingsGrid(ctx: Ctx, input: { periodId: string; unitId: string }): RatingsGridDto {
  const record = requirePeriod(ctx.db, input.periodId);
  const state = periodState(ctx.db, record);
  const department = state.departments.find((d) => d.id === input.unitId);
  if (!department)
    throw new AppError('NOT_FOUND', `所选部门不属于 ${record.year.dto.unitName}，请重新选择部门。`, {
      unitId: input.unitId,
    });
  assertDepartmentInScope(ctx, department.id, department.name);
  const unitNames = new Map(state.departments.map((d) => [d.id, d.name]));
  const members = state.byUnit.get(department.id) ?? [];
  const memberIds = members.map((m) => m.person.id);
  const ratings = ratingsForGrid(ctx.db, record.period.id, department.id, memberIds);
  const rows: GridRowDto[] = [];
  const listed = new Set<string>();
  for (const m of members) {
    listed.add(m.person.id);
    const r = ratings.get(m.person.id) ?? null;
    const elsewhere = r && r.unitId !== department.id ? r.unitId : null;
    rows.push({
      personId: m.person.id,
      personNo: m.person.personNo,
      name: m.person.name,
      position: m.person.position,
      note: m.note,
      due: m.due,
      ratingId: r?.id ?? null,
      workRecord: r?.workRecord ?? '',
      selfAssessment: r?.selfAssessment ?? '',
      rating: r?.rating ?? null,
      comment: r?.comment ?? '',
      rater: r?.rater ?? '',
      updatedAt: r?.updatedAt ?? null,
      ratedInUnitId: elsewhere,
      ratedInUnitName: elsewhere ? (unitNames.get(elsewhere) ?? null) : null,
    });
  }
  // A rating saved by this department for someone the history no longer places here stays visible.
  for (const r of ratings.values()) {
    if (r.unitId !== department.id || listed.has(r.personId)) continue;
    const p = the<{
      person_no: string;
      name: string;
      position: string | null;
    }>(ctx.db, 'SELECT person_no, name, position FROM person WHERE id = ?', r.personId);
    rows.push({
      personId: r.personId,
      personNo: p.person_no,
      name: p.name,
      position: p.position,
      note: '本期不在本部门（按调动记录）',
      due: false,
      ratingId: r.id,
      workRecord: r.workRecord,
      selfAssessment: r.selfAssessment,
      rating: r.rating,
      comment: r.comment,
      rater: r.rater,
      updatedAt: r.updatedAt,
      ratedInUnitId: null,
      ratedInUnitName: null,
    });
  }
  rows.sort((a, b) => (a.personNo < b.personNo ? -1 : a.personNo > b.personNo ? 1 : 0));
  const standing = state.capStatus.departments.find((d) => d.unitId === department.id)!;
  return {
    period: record.period,
    year: record.year.dto,
    department,
    rows,
    capStatus: state.capStatus,
    review: reviewOf(ctx.db, record.period.id, department.id),
    lockedReason: ratingsLockReason(record.year.dto, record.period),
    missing: standing.missing,
  };
}
