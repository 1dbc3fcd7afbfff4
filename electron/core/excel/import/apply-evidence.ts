// Writes planned evidence items (always new: an item already stored was planned as unchanged),
// recorded by the operator, one audit row each.
import { recordAudit } from '../../audit/audit-log';
import { stamp, type Ctx } from '../../context';
import { newId } from '../../ids';
import type { EvidenceRecord } from './kind-evidence';

export function evidenceApplier(ctx: Ctx): (r: EvidenceRecord) => void {
  const insert = ctx.db.prepare(
    `INSERT INTO evidence (id, person_id, kind, sub_kind, date, end_date, days, description, doc_no, details_json, status, recorded_by, created_at, updated_at, updated_by)
     VALUES (@id, @personId, @kind, @subKind, @date, @endDate, @days, @description, @docNo, '{}', 'active', @by, @at, @at, @by)`,
  );
  const at = stamp(ctx);
  const by = ctx.operator.id;
  return (r) => {
    const id = newId();
    insert.run({ id, ...r, at, by });
    recordAudit(ctx, { action: 'evidence.import', entity: 'evidence', entityId: id, after: r, reason: '事件导入' });
  };
}
