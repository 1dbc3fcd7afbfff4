// Writes planned roster rows: inserts new people, updates changed ones (recording a dated move when
// the department changes), one audit row per changed person, inside the caller's transaction.
import type { AuditEntryInput } from '../audit/audit-log';
import { stamp, type Ctx } from '../context';
import { newId } from '../ids';
import { nextStamp } from '../stamps';
import type { RosterRecord } from './kind-roster';

export function rosterApplier(
  ctx: Ctx,
  /** collects each record's audit entry; the caller writes them in one pass (recordAuditBatch) */
  audit: (entry: AuditEntryInput) => void,
): (r: RosterRecord) => void {
  const insert = ctx.db.prepare(
    `INSERT INTO person (id, person_no, name, gender, birth_month, political_status, education, unit_id, position, position_since, category, duties, hire_date, probation_end, superior_assessed, id_card, status, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @person_no, @name, @gender, @birth_month, @political_status, @education, @unit_id, @position, @position_since, @category, @duties, @hire_date, @probation_end, @superior_assessed, @id_card, 'active', @at, @by, @at, @by)`,
  );
  const update = ctx.db.prepare(
    `UPDATE person SET name=@name, gender=@gender, birth_month=@birth_month, political_status=@political_status, education=@education, unit_id=@unit_id, position=@position,
       position_since=@position_since, category=@category, duties=@duties, hire_date=@hire_date, probation_end=@probation_end, superior_assessed=@superior_assessed, id_card=@id_card,
       updated_at=@at, updated_by=@by WHERE id=@id`,
  );
  const move = ctx.db.prepare(
    'INSERT INTO person_move (id, person_id, from_unit_id, to_unit_id, move_date, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const at = stamp(ctx);
  const by = ctx.operator.id;
  // The ID card number never goes into the audit trail in full.
  const auditable = <F extends { id_card?: string | null }>(f: F) => ({
    ...f,
    id_card: f.id_card ? `${f.id_card.slice(0, 6)}********${f.id_card.slice(14)}` : null,
  });
  return (r) => {
    if (!r.existing) {
      const id = newId();
      insert.run({ id, person_no: r.personNo, ...r.fields, at, by });
      audit({
        action: 'person.create',
        entity: 'person',
        entityId: id,
        after: auditable({ person_no: r.personNo, ...r.fields }),
        reason: '名册导入',
      });
      return;
    }
    const { created_at: _c, created_by: _cb, updated_at: _u, updated_by: _ub, ...before } = r.existing;
    update.run({ id: r.existing.id, ...r.fields, at: nextStamp(ctx, r.existing.updated_at), by });
    // the plan dated every move from the file's 调动日期 cell; a move without one never gets this far
    if (r.fields.unit_id !== r.existing.unit_id) {
      if (!r.moveDate) throw new Error('roster move without its date');
      move.run(newId(), r.existing.id, r.existing.unit_id, r.fields.unit_id, r.moveDate, '名册导入调整部门', at, by);
    }
    audit({
      action: 'person.update',
      entity: 'person',
      entityId: r.existing.id,
      before: auditable(before),
      after: auditable({ ...before, ...r.fields, ...(r.moveDate ? { move_date: r.moveDate } : {}) }),
      reason: '名册导入',
    });
  };
}
