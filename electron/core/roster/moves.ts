// 调动: moving a person between departments on a date. The person's current unit changes; ratings
// already given keep the unit that rated them, and membershipOn answers "which department on day X".
import { AppError } from '../../../shared/result';
import type { PersonDto } from '../../../shared/domain/records';
import type { PersonMoveDto } from '../../../shared/api/roster';
import { isIsoDate } from '../../../shared/domain/dates';
import { recordAudit } from '../audit/audit-log';
import { writeTx, type Ctx } from '../context';
import type { Db } from '../db/open';
import { newId } from '../ids';
import { nextStamp } from '../stamps';
import { toPersonDto } from './person-row';
import { getPerson, requirePersonRow } from './people';
import { stmt } from '../db/statements';
import { requireUnit } from './units';
import { invalid } from './validate';
import type { PersonMoveRow } from '../db/rows';
import { many, one, the } from '../db/query';

type MoveRow = PersonMoveRow & { from_unit_name: string; to_unit_name: string };

export function movesOf(db: Db, personId: string): PersonMoveDto[] {
  const rows = many<MoveRow>(
    db,
    `SELECT m.*, f.name AS from_unit_name, t.name AS to_unit_name
       FROM person_move m JOIN unit f ON f.id = m.from_unit_id JOIN unit t ON t.id = m.to_unit_id
      WHERE m.person_id = ? ORDER BY m.move_date, m.created_at`,
    personId,
  );
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    fromUnitId: r.from_unit_id,
    fromUnitName: r.from_unit_name,
    toUnitId: r.to_unit_id,
    toUnitName: r.to_unit_name,
    moveDate: r.move_date,
    reason: r.reason,
    createdAt: r.created_at,
    createdBy: r.created_by,
  }));
}

/**
 * The department a person belonged to on a date. A move dated D means the person is in the new
 * department from D on. Before the first move, the first move's "from" unit; with no moves, the
 * current unit. Returns null for an unknown person.
 */
export function membershipOn(db: Db, personId: string, isoDate: string): string | null {
  const after = one<{ to_unit_id: string }>(
    db,
    'SELECT to_unit_id FROM person_move WHERE person_id = ? AND move_date <= ? ORDER BY move_date DESC, created_at DESC LIMIT 1',
    personId,
    isoDate,
  );
  if (after) return after.to_unit_id;
  const first = one<{ from_unit_id: string }>(
    db,
    'SELECT from_unit_id FROM person_move WHERE person_id = ? AND move_date > ? ORDER BY move_date, created_at LIMIT 1',
    personId,
    isoDate,
  );
  if (first) return first.from_unit_id;
  const p = one<{ unit_id: string }>(db, 'SELECT unit_id FROM person WHERE id = ?', personId);
  return p?.unit_id ?? null;
}

export function movePerson(
  ctx: Ctx,
  input: { id: string; toUnitId: string; moveDate: string; reason?: string | null },
): PersonDto {
  if (!isIsoDate(input.moveDate))
    throw invalid([{ field: 'moveDate', message: '调动日期应为 YYYY-MM-DD 格式的有效日期' }]);
  return writeTx(ctx, () => {
    const row = requirePersonRow(ctx.db, input.id);
    if (row.status !== 'active')
      throw new AppError('CONFLICT', `${row.name} 已标记为离开，不能调动；如属误标，请先恢复在职。`);
    const to = requireUnit(ctx.db, input.toUnitId, '调入部门');
    if (to.id === row.unit_id)
      throw invalid([{ field: 'toUnitId', message: `${row.name} 已在“${to.name}”，请选择其他部门` }]);
    if (row.hire_date && input.moveDate < row.hire_date) {
      throw invalid([
        { field: 'moveDate', message: `调动日期（${input.moveDate}）不能早于入职日期（${row.hire_date}）` },
      ]);
    }
    const last = the<{
      d: string | null;
    }>(ctx.db, 'SELECT MAX(move_date) AS d FROM person_move WHERE person_id = ?', input.id);
    if (last.d && input.moveDate <= last.d) {
      throw invalid([
        { field: 'moveDate', message: `调动日期应晚于上一次调动（${last.d}）；如上次调动日期有误，请联系管理员` },
      ]);
    }
    const before = toPersonDto(row);
    const move = {
      id: newId(),
      person_id: input.id,
      from_unit_id: row.unit_id,
      to_unit_id: to.id,
      move_date: input.moveDate,
      reason: input.reason?.trim() || null,
      created_at: ctx.now().toISOString(),
      created_by: ctx.operator.id,
    };
    stmt(
      ctx.db,
      `INSERT INTO person_move (id, person_id, from_unit_id, to_unit_id, move_date, reason, created_at, created_by)
       VALUES (@id, @person_id, @from_unit_id, @to_unit_id, @move_date, @reason, @created_at, @created_by)`,
    ).run(move);
    stmt(ctx.db, 'UPDATE person SET unit_id = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
      to.id,
      nextStamp(ctx, row.updated_at),
      ctx.operator.id,
      input.id,
    );
    const after = getPerson(ctx.db, input.id)!;
    recordAudit(ctx, {
      action: 'person.move',
      entity: 'person',
      entityId: input.id,
      before,
      after: { ...after, move: { id: move.id, from: row.unit_name, to: to.name, moveDate: move.move_date } },
      reason: move.reason ?? '',
    });
    return after;
  });
}
