// The quarterly ratings grid of one department and period: one row per person who belonged to the
// department at any time in the period, with their record, rating, the live cap and the review note.
// Paged: the department's people come from the kept period state (ratings/period-state.ts), are put
// in the order asked for (人员编号, or 姓氏笔画 by the one comparator) and cut to the page; only the
// page's ratings are read with their texts. The cap standing and the missing count are the engine's
// for the whole department and agency, whatever the page.
import { AppError } from '../../../shared/result';
import type { GridRowDto, RatingsGridDto } from '../../../shared/api/years';
import type { PersonOrder } from '../../../shared/names/person-order';
import { comparePersons } from '../../../shared/names/stroke-order';
import type { Ctx } from '../context';
import { stmt } from '../db/statements';
import { ratingsLockReason } from '../years/locks';
import { requirePeriod } from '../years/year-repo';
import { periodState, ratingsForGrid } from './period-state';
import { reviewOf } from './review-repo';
import { assertDepartmentInScope } from './scope';
import type { Membership } from './membership';

export interface GridQuery {
  periodId: string;
  unitId: string;
  personOrder?: PersonOrder;
  offset?: number;
  /** omitted = every row (in-process callers); over IPC the contract's default and maximum apply */
  limit?: number;
}

/** A row of the whole grid before its rating texts are read: a member, or a rating left here by a move. */
type Entry = { person: { id: string; personNo: string; name: string }; member: Membership | null };

export function ratingsGrid(ctx: Ctx, input: GridQuery): RatingsGridDto {
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
  const entries: Entry[] = members.map((m) => ({ person: m.person, member: m }));
  // A rating saved by this department for someone the history no longer places here stays visible.
  const listed = new Set(members.map((m) => m.person.id));
  const strays = [...state.ratings.values()].filter((r) => r.unitId === department.id && !listed.has(r.personId));
  if (strays.length) {
    const people = stmt(
      ctx.db,
      'SELECT id, person_no AS personNo, name FROM person WHERE id IN (SELECT value FROM json_each(?))',
    ).all(JSON.stringify(strays.map((r) => r.personId))) as Entry['person'][];
    for (const person of people) entries.push({ person, member: null });
  }
  const order = input.personOrder ?? 'personNo';
  entries.sort((a, b) => comparePersons(order, a.person, b.person));
  const offset = input.offset ?? 0;
  const page = entries.slice(offset, input.limit === undefined ? undefined : offset + input.limit);
  const pageIds = page.map((e) => e.person.id);
  const ratings = ratingsForGrid(ctx.db, record.period.id, pageIds);
  const strayInfo = new Map(
    page.some((e) => !e.member)
      ? (
          stmt(ctx.db, 'SELECT id, position FROM person WHERE id IN (SELECT value FROM json_each(?))').all(
            JSON.stringify(page.filter((e) => !e.member).map((e) => e.person.id)),
          ) as { id: string; position: string | null }[]
        ).map((p) => [p.id, p.position])
      : [],
  );
  const rows: GridRowDto[] = page.map(({ person, member }) => {
    const r = ratings.get(person.id) ?? null;
    const elsewhere = member && r && r.unitId !== department.id ? r.unitId : null;
    return {
      personId: person.id,
      personNo: person.personNo,
      name: person.name,
      position: member ? member.person.position : (strayInfo.get(person.id) ?? null),
      note: member ? member.note : '本期不在本部门（按调动记录）',
      due: member ? member.due : false,
      ratingId: r?.id ?? null,
      workRecord: r?.workRecord ?? '',
      selfAssessment: r?.selfAssessment ?? '',
      rating: r?.rating ?? null,
      comment: r?.comment ?? '',
      rater: r?.rater ?? '',
      updatedAt: r?.updatedAt ?? null,
      ratedInUnitId: elsewhere,
      ratedInUnitName: elsewhere ? (unitNames.get(elsewhere) ?? null) : null,
    };
  });
  const standing = state.capStatus.departments.find((d) => d.unitId === department.id)!;
  return {
    period: record.period,
    year: record.year.dto,
    department,
    rows,
    total: entries.length,
    offset,
    capStatus: state.capStatus,
    review: reviewOf(ctx.db, record.period.id, department.id),
    lockedReason: ratingsLockReason(record.year.dto, record.period),
    missing: standing.missing,
  };
}
