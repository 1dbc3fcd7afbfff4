// Writes planned period ratings: upsert on (period, person), one audit row per changed rating.
import { recordAudit } from '../../audit/audit-log';
import { stamp, type Ctx } from '../../context';
import { newId } from '../../ids';
import type { RatingRecord } from './kind-ratings';

export function ratingsApplier(ctx: Ctx): (r: RatingRecord) => void {
  const insert = ctx.db.prepare(
    `INSERT INTO period_rating (id, period_id, person_id, unit_id, work_record, rating, comment, rater, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @periodId, @personId, @unitId, @workRecord, @rating, @comment, @rater, @at, @by, @at, @by)`,
  );
  const update = ctx.db.prepare('UPDATE period_rating SET work_record=@workRecord, rating=@rating, comment=@comment, rater=@rater, updated_at=@at, updated_by=@by WHERE id=@id');
  const at = stamp(ctx);
  const by = ctx.operator.id;
  return (r) => {
    const after = { period_id: r.periodId, person_id: r.personId, unit_id: r.unitId, work_record: r.workRecord, rating: r.rating, comment: r.comment, rater: r.rater };
    if (!r.existingId) {
      const id = newId();
      insert.run({ id, periodId: r.periodId, personId: r.personId, unitId: r.unitId, workRecord: r.workRecord, rating: r.rating, comment: r.comment, rater: r.rater, at, by });
      recordAudit(ctx, { action: 'rating.import', entity: 'period_rating', entityId: id, after, reason: '平时考核导入' });
      return;
    }
    update.run({ id: r.existingId, workRecord: r.workRecord, rating: r.rating, comment: r.comment, rater: r.rater, at, by });
    recordAudit(ctx, { action: 'rating.import', entity: 'period_rating', entityId: r.existingId, before: r.before, after, reason: '平时考核导入' });
  };
}
