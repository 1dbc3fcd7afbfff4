// Writes planned history grades: upsert on (person, year), one audit row per changed year.
import type { AuditEntryInput } from '../audit/audit-log';
import { stamp, type Ctx } from '../context';
import { newId } from '../ids';
import type { HistoryRecord } from './kind-history';

export function historyApplier(
  ctx: Ctx,
  source: string,
  /** collects each record's audit entry; the caller writes them in one pass (recordAuditBatch) */
  audit: (entry: AuditEntryInput) => void,
): (r: HistoryRecord) => void {
  const insert = ctx.db.prepare(
    'INSERT INTO history_grade (id, person_id, year, outcome, grade, source, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const update = ctx.db.prepare('UPDATE history_grade SET outcome = ?, grade = ?, source = ? WHERE id = ?');
  const at = stamp(ctx);
  return (r) => {
    const after = { person_id: r.personId, year: r.year, outcome: r.outcome, grade: r.grade };
    if (!r.existingId) {
      const id = newId();
      insert.run(id, r.personId, r.year, r.outcome, r.grade, source, at, ctx.operator.id);
      audit({
        action: 'history.import',
        entity: 'history_grade',
        entityId: id,
        after,
        reason: '历年考核结果导入',
      });
      return;
    }
    update.run(r.outcome, r.grade, source, r.existingId);
    audit({
      action: 'history.import',
      entity: 'history_grade',
      entityId: r.existingId,
      before: r.before,
      after,
      reason: '历年考核结果导入',
    });
  };
}
