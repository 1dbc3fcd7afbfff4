// Writes planned 民主测评 tallies: upsert on (year, person), one audit row per changed candidate.
import type { AuditEntryInput } from '../audit/audit-log';
import { stamp, type Ctx } from '../context';
import type { TallyRecord } from './kind-tally';

export function tallyApplier(
  ctx: Ctx,
  source: string,
  /** collects each record's audit entry; the caller writes them in one pass (recordAuditBatch) */
  audit: (entry: AuditEntryInput) => void,
): (r: TallyRecord) => void {
  const upsert = ctx.db.prepare(
    `INSERT INTO appraisal_tally (year_id, person_id, voters, excellent, competent, basic, incompetent, source, updated_at, updated_by)
     VALUES (@yearId, @personId, @voters, @excellent, @competent, @basic, @incompetent, @source, @at, @by)
     ON CONFLICT (year_id, person_id) DO UPDATE SET voters = excluded.voters, excellent = excluded.excellent,
       competent = excluded.competent, basic = excluded.basic, incompetent = excluded.incompetent,
       source = excluded.source, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  const at = stamp(ctx);
  return (r) => {
    const { before, ...row } = r;
    upsert.run({ ...row, source, at, by: ctx.operator.id });
    const counts = {
      voters: r.voters,
      excellent: r.excellent,
      competent: r.competent,
      basic: r.basic,
      incompetent: r.incompetent,
    };
    audit({
      action: 'tally.import',
      entity: 'person',
      entityId: r.personId,
      ...(before ? { before } : {}),
      after: { yearId: r.yearId, ...counts },
      reason: '民主测评票数导入',
    });
  };
}
