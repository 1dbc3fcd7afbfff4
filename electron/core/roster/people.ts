// 人员: create, read, update (optimistic on updatedAt), mark as left / reinstate, and a guarded hard
// delete for a person entered by mistake. Every write is one transaction with its audit row.
import { AppError } from '../../../shared/result';
import type { PersonDto } from '../../../shared/domain/records';
import type { PersonFieldsInput, PersonPatchInput, PersonRecordCounts } from '../../../shared/api/roster';
import { isIsoDate } from '../../../shared/domain/dates';
import { recordAudit } from '../audit/audit-log';
import { writeTx, type Ctx } from '../context';
import type { Db } from '../db/open';
import { newId } from '../ids';
import { nextStamp } from '../stamps';
import { PERSON_COLUMNS, PERSON_FROM, toPersonDto, type PersonRow } from './person-row';
import { stmt } from '../db/statements';
import { requireUnit } from './units';
import { checkDates, invalid, parsePersonFields, parsePersonPatch, toColumns } from './validate';
import { assertIdCardFree, assertIdCardMatches } from './identity';
import { one, the } from '../db/query';

export function getPersonRow(db: Db, id: string): PersonRow | null {
  return one<PersonRow>(db, `SELECT ${PERSON_COLUMNS} FROM ${PERSON_FROM} WHERE p.id = ?`, id) ?? null;
}

export function getPerson(db: Db, id: string): PersonDto | null {
  const r = getPersonRow(db, id);
  return r ? toPersonDto(r) : null;
}

export function requirePersonRow(db: Db, id: string): PersonRow {
  const r = getPersonRow(db, id);
  if (!r) throw new AppError('NOT_FOUND', '找不到该人员（可能已被删除），请刷新名册。');
  return r;
}

/** By 人员编号 (the identity used by imports, together with a matching name). */
export function findPersonByNo(db: Db, personNo: string): PersonDto | null {
  const r = one<PersonRow>(db, `SELECT ${PERSON_COLUMNS} FROM ${PERSON_FROM} WHERE p.person_no = ?`, personNo.trim());
  return r ? toPersonDto(r) : null;
}

function assertPersonNoFree(db: Db, personNo: string, exceptId?: string): void {
  const other = one<{ id: string; name: string; unit_name: string }>(
    db,
    `SELECT p.id, p.name, u.name AS unit_name FROM ${PERSON_FROM} WHERE p.person_no = ?`,
    personNo,
  );
  if (other && other.id !== exceptId) {
    throw new AppError(
      'CONFLICT',
      `人员编号“${personNo}”已被 ${other.name}（${other.unit_name}）使用，人员编号不能重复，请核对。`,
      {
        issues: [{ field: 'personNo', message: `人员编号“${personNo}”已被 ${other.name} 使用` }],
      },
    );
  }
}

export function createPerson(ctx: Ctx, input: PersonFieldsInput): PersonDto {
  const fields = parsePersonFields(input);
  return writeTx(ctx, () => {
    requireUnit(ctx.db, fields.unitId);
    const cols = toColumns(fields);
    assertPersonNoFree(ctx.db, String(cols.person_no));
    checkDates((cols.hire_date as string | null) ?? null, (cols.probation_end as string | null) ?? null);
    const idCard = (cols.id_card as string | null | undefined) ?? null;
    assertIdCardMatches(idCard, (cols.gender as string | null) ?? null, (cols.birth_month as string | null) ?? null);
    assertIdCardFree(ctx.db, idCard);
    const at = nextStamp(ctx, null);
    const row = {
      gender: null,
      birth_month: null,
      political_status: null,
      education: null,
      position: null,
      position_since: null,
      duties: null,
      hire_date: null,
      probation_end: null,
      superior_assessed: 0,
      id_card: null,
      ...cols,
      id: newId(),
      at,
      by: ctx.operator.id,
    };
    stmt(
      ctx.db,
      `INSERT INTO person (id, person_no, name, gender, birth_month, political_status, education, unit_id, position, position_since,
         category, duties, hire_date, probation_end, superior_assessed, id_card, status, created_at, created_by, updated_at, updated_by)
       VALUES (@id, @person_no, @name, @gender, @birth_month, @political_status, @education, @unit_id, @position, @position_since,
         @category, @duties, @hire_date, @probation_end, @superior_assessed, @id_card, 'active', @at, @by, @at, @by)`,
    ).run(row);
    const dto = getPerson(ctx.db, row.id)!;
    recordAudit(ctx, { action: 'person.create', entity: 'person', entityId: dto.id, after: dto });
    return dto;
  });
}

function assertFresh(row: PersonRow, expectedUpdatedAt: string | undefined): void {
  if (expectedUpdatedAt !== undefined && row.updated_at !== expectedUpdatedAt) {
    throw new AppError(
      'CONFLICT',
      `${row.name}（${row.person_no}）的信息刚被其他人修改过（${row.updated_by}，${row.updated_at}），为避免覆盖对方的修改，本次未保存。请刷新后重新修改。`,
      { currentUpdatedAt: row.updated_at },
    );
  }
}

const PATCHABLE = new Set([
  'person_no',
  'name',
  'gender',
  'birth_month',
  'political_status',
  'education',
  'position',
  'position_since',
  'category',
  'duties',
  'hire_date',
  'probation_end',
  'superior_assessed',
  'id_card',
]);

/** Changes the given fields; the department changes only through movePerson (it is dated). */
export function updatePerson(ctx: Ctx, id: string, changes: PersonPatchInput, expectedUpdatedAt?: string): PersonDto {
  const patch = parsePersonPatch(changes);
  return writeTx(ctx, () => {
    const row = requirePersonRow(ctx.db, id);
    assertFresh(row, expectedUpdatedAt);
    const cols = toColumns(patch);
    if (cols.person_no !== undefined && cols.person_no !== row.person_no)
      assertPersonNoFree(ctx.db, String(cols.person_no), id);
    const hire = cols.hire_date !== undefined ? (cols.hire_date as string | null) : row.hire_date;
    const prob = cols.probation_end !== undefined ? (cols.probation_end as string | null) : row.probation_end;
    checkDates(hire, prob);
    const pick = (k: 'id_card' | 'gender' | 'birth_month') =>
      cols[k] !== undefined ? (cols[k] as string | null) : row[k];
    if (cols.id_card !== undefined || cols.gender !== undefined || cols.birth_month !== undefined)
      assertIdCardMatches(pick('id_card'), pick('gender'), pick('birth_month'));
    if (cols.id_card !== undefined && cols.id_card !== row.id_card) assertIdCardFree(ctx.db, pick('id_card'), id);
    const keys = Object.keys(cols).filter((k) => PATCHABLE.has(k));
    const before = toPersonDto(row);
    if (keys.length === 0) return before;
    const sql = `UPDATE person SET ${keys.map((k) => `${k} = @${k}`).join(', ')}, updated_at = @at, updated_by = @by WHERE id = @id`;
    stmt(ctx.db, sql).run({
      ...Object.fromEntries(keys.map((k) => [k, cols[k]])),
      at: nextStamp(ctx, row.updated_at),
      by: ctx.operator.id,
      id,
    });
    const after = getPerson(ctx.db, id)!;
    recordAudit(ctx, { action: 'person.update', entity: 'person', entityId: id, before, after });
    return after;
  });
}

/** Leaving keeps every record: the person drops out of the active roster, never out of history. */
export function markPersonLeft(
  ctx: Ctx,
  input: { id: string; leftDate: string; reason: string; expectedUpdatedAt?: string },
): PersonDto {
  if (!isIsoDate(input.leftDate))
    throw invalid([{ field: 'leftDate', message: '离开日期应为 YYYY-MM-DD 格式的有效日期' }]);
  const reason = input.reason.trim();
  if (!reason) throw invalid([{ field: 'reason', message: '请填写离开原因' }]);
  return writeTx(ctx, () => {
    const row = requirePersonRow(ctx.db, input.id);
    assertFresh(row, input.expectedUpdatedAt);
    if (row.status === 'left')
      throw new AppError('CONFLICT', `${row.name} 已于 ${row.left_date ?? '（未记日期）'} 标记为离开，无需重复标记。`);
    if (row.hire_date && input.leftDate < row.hire_date) {
      throw invalid([
        { field: 'leftDate', message: `离开日期（${input.leftDate}）不能早于入职日期（${row.hire_date}）` },
      ]);
    }
    const before = toPersonDto(row);
    stmt(
      ctx.db,
      `UPDATE person SET status = 'left', left_date = ?, left_reason = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
    ).run(input.leftDate, reason, nextStamp(ctx, row.updated_at), ctx.operator.id, input.id);
    const after = getPerson(ctx.db, input.id)!;
    recordAudit(ctx, { action: 'person.markLeft', entity: 'person', entityId: input.id, before, after, reason });
    return after;
  });
}

export function reinstatePerson(ctx: Ctx, input: { id: string; reason: string }): PersonDto {
  const reason = input.reason.trim();
  if (!reason) throw invalid([{ field: 'reason', message: '请填写恢复原因' }]);
  return writeTx(ctx, () => {
    const row = requirePersonRow(ctx.db, input.id);
    if (row.status === 'active') throw new AppError('CONFLICT', `${row.name} 目前在职，无需恢复。`);
    const before = toPersonDto(row);
    stmt(
      ctx.db,
      `UPDATE person SET status = 'active', left_date = NULL, left_reason = NULL, updated_at = ?, updated_by = ? WHERE id = ?`,
    ).run(nextStamp(ctx, row.updated_at), ctx.operator.id, input.id);
    const after = getPerson(ctx.db, input.id)!;
    recordAudit(ctx, { action: 'person.reinstate', entity: 'person', entityId: input.id, before, after, reason });
    return after;
  });
}

export function personRecordCounts(db: Db, personId: string): PersonRecordCounts {
  const n = (sql: string) => the<{ n: number }>(db, sql, personId).n;
  return {
    ratings: n('SELECT COUNT(*) AS n FROM period_rating WHERE person_id = ?'),
    evidence: n('SELECT COUNT(*) AS n FROM evidence WHERE person_id = ?'),
    decisions: n('SELECT COUNT(*) AS n FROM yearend_decision WHERE person_id = ?'),
    history: n('SELECT COUNT(*) AS n FROM history_grade WHERE person_id = ?'),
  };
}

/**
 * Hard delete, only for someone entered by mistake: any rating, evidence, decision or history
 * forbids it (mark as left instead). Their moves go with them; the audit row keeps the record.
 */
export function deletePerson(ctx: Ctx, input: { id: string; reason: string }): void {
  const reason = input.reason.trim();
  if (!reason) throw invalid([{ field: 'reason', message: '请填写删除原因' }]);
  writeTx(ctx, () => {
    const row = requirePersonRow(ctx.db, input.id);
    const c = personRecordCounts(ctx.db, input.id);
    const parts = [
      c.ratings ? `${c.ratings} 条平时考核记录` : '',
      c.evidence ? `${c.evidence} 条事件记录` : '',
      c.decisions ? `${c.decisions} 条年度考核结果` : '',
      c.history ? `${c.history} 条往年等次` : '',
    ].filter(Boolean);
    if (parts.length > 0) {
      throw new AppError(
        'CONFLICT',
        `${row.name}（${row.person_no}）已有${parts.join('、')}，不能删除。如已调离或退休，请使用“标记离开”。`,
        { records: c },
      );
    }
    const before = toPersonDto(row);
    try {
      stmt(ctx.db, 'DELETE FROM person_move WHERE person_id = ?').run(input.id);
      stmt(ctx.db, 'DELETE FROM person WHERE id = ?').run(input.id);
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new AppError('CONFLICT', `${row.name}（${row.person_no}）已有其他关联记录，不能删除。请使用“标记离开”。`);
      }
      throw e;
    }
    recordAudit(ctx, { action: 'person.delete', entity: 'person', entityId: input.id, before, reason });
  });
}
