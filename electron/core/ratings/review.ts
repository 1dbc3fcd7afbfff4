// The office's quarterly review (复核): departments side by side with their distribution, the cap and
// flags; return a department with a note, accept it, confirm an excess over the cap with a reason,
// mark the period reviewed (only once review-readiness.ts has nothing left) or reopen it — audited.
import { AppError } from '../../../shared/result';
import type { PeriodDto } from '../../../shared/domain/records';
import type { ReviewOverviewDto } from '../../../shared/api/years';
import { reviewFlags } from '../../../shared/ratings/review';
import { recordAudit } from '../audit/audit-log';
import { writeTx, type Ctx } from '../context';
import { newId } from '../ids';
import { assertReviewOpen, ratingsLockReason } from '../years/locks';
import { requirePeriod } from '../years/year-repo';
import { nextStamp } from '../stamps';
import { periodState } from './period-state';
import { reviewOf, reviewsOfPeriod, type ReviewStateDto } from './review-repo';
import { reviewReadiness } from './review-readiness';
import { unitsInScope } from '../auth/scope';
import { scopedCapStatus } from './cap-scope';
import { many, the } from '../db/query';

export function reviewOverview(ctx: Ctx, periodId: string): ReviewOverviewDto {
  const record = requirePeriod(ctx.db, periodId);
  const state = periodState(ctx.db, record);
  const reviews = reviewsOfPeriod(ctx.db, periodId);
  const agency = state.capStatus.agency;
  const agencyShare = agency.rated > 0 ? agency.good / agency.rated : 0;
  const names = new Map(state.departments.map((d) => [d.id, d.name]));
  const overrides = many<{
    id: string;
    unit_id: string;
    good_count: number;
    cap: number;
    reason: string;
    created_at: string;
    created_by: string;
  }>(
    ctx.db,
    'SELECT id, unit_id, good_count, cap, reason, created_at, created_by FROM cap_override WHERE period_id = ? ORDER BY created_at',
    periodId,
  ).map((o) => ({
    id: o.id,
    unitId: o.unit_id,
    unitName: names.get(o.unit_id) ?? record.year.dto.unitName,
    good: o.good_count,
    cap: o.cap,
    reason: o.reason,
    createdAt: o.created_at,
    createdBy: o.created_by,
  }));
  // A rater sees only their own departments (the comparison, the cap, the overrides, what blocks the
  // review); the agency line stays for reference.
  const scope = unitsInScope(ctx);
  const visible = (unitId: string) => scope === null || scope.has(unitId);
  return {
    period: record.period,
    departments: state.capStatus.departments
      .filter((d) => visible(d.unitId))
      .map((d) => ({ ...d, flags: reviewFlags(d, agencyShare), review: reviews.get(d.unitId) ?? null })),
    agency,
    capStatus: scopedCapStatus(ctx, state.capStatus),
    overrides: overrides.filter((o) => visible(o.unitId)),
    lockedReason: ratingsLockReason(record.year.dto, record.period),
    readiness: reviewReadiness(ctx.db, state, scope),
  };
}

function setDepartmentReview(
  ctx: Ctx,
  input: { periodId: string; unitId: string; note: string },
  status: 'returned' | 'accepted',
): ReviewStateDto {
  return writeTx(ctx, () => {
    const record = requirePeriod(ctx.db, input.periodId);
    assertReviewOpen(record.year.dto);
    if (record.period.reviewStatus === 'reviewed') {
      throw new AppError('LOCKED', `${record.period.label}已标记为复核完成；如需退回或改动，请先重新打开该期间。`, {
        periodId: record.period.id,
      });
    }
    const dept = periodState(ctx.db, record).departments.find((d) => d.id === input.unitId);
    if (!dept) throw new AppError('NOT_FOUND', '找不到该部门，请刷新后重试。', { unitId: input.unitId });
    const before = reviewOf(ctx.db, record.period.id, dept.id);
    // after the department's latest rating change, so "changed since accepted" compares correctly
    const lastChange = the<{ at: string | null }>(
      ctx.db,
      'SELECT MAX(updated_at) AS at FROM period_rating WHERE period_id = ? AND unit_id = ?',
      record.period.id,
      dept.id,
    ).at;
    const updatedAt = nextStamp(
      ctx,
      [before?.updatedAt, lastChange]
        .filter((x): x is string => !!x)
        .sort()
        .pop(),
    );
    ctx.db
      .prepare(
        `INSERT INTO department_review (id, period_id, unit_id, status, note, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (period_id, unit_id) DO UPDATE SET status = excluded.status, note = excluded.note, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(
        newId(ctx.now().getTime()),
        record.period.id,
        dept.id,
        status,
        input.note,
        updatedAt,
        ctx.operator.displayName,
      );
    const after = reviewOf(ctx.db, record.period.id, dept.id)!;
    recordAudit(ctx, {
      action: status === 'returned' ? 'review.return' : 'review.accept',
      entity: 'department_review',
      entityId: `${record.period.id}/${dept.id}`,
      before: before ?? undefined,
      after: { ...after, periodCode: record.period.code, unitName: dept.name },
      reason: input.note,
    });
    return after;
  });
}

export function returnDepartment(ctx: Ctx, input: { periodId: string; unitId: string; note: string }): ReviewStateDto {
  return setDepartmentReview(ctx, input, 'returned');
}

export function acceptDepartment(ctx: Ctx, input: { periodId: string; unitId: string; note?: string }): ReviewStateDto {
  return setDepartmentReview(ctx, { ...input, note: input.note ?? '' }, 'accepted');
}

export function markPeriodReviewed(ctx: Ctx, periodId: string): PeriodDto {
  return writeTx(ctx, () => {
    const record = requirePeriod(ctx.db, periodId);
    assertReviewOpen(record.year.dto);
    if (record.period.reviewStatus === 'reviewed') return record.period;
    const state = periodState(ctx.db, record);
    const ready = reviewReadiness(ctx.db, state);
    if (ready.blockers.length) {
      throw new AppError('CONFLICT', `${record.period.label}还不能标记为复核完成：${ready.blockers.join('；')}。`, {
        blockers: ready.blockers,
        units: ready.unaccepted.map((u) => u.unitId),
      });
    }
    const missing = state.capStatus.agency.missing;
    ctx.db
      .prepare(`UPDATE period SET review_status = 'reviewed', reviewed_at = ?, reviewed_by = ? WHERE id = ?`)
      .run(nextStamp(ctx, null), ctx.operator.id, periodId);
    const after = requirePeriod(ctx.db, periodId).period;
    recordAudit(ctx, {
      action: 'period.review',
      entity: 'period',
      entityId: periodId,
      before: record.period,
      after: {
        ...after,
        missing,
        excessConfirmed: ready.excess.map((e) => ({ unit: e.unitName, good: e.good, cap: e.cap })),
      },
    });
    return after;
  });
}

export function reopenPeriod(ctx: Ctx, input: { periodId: string; reason: string }): PeriodDto {
  return writeTx(ctx, () => {
    const record = requirePeriod(ctx.db, input.periodId);
    assertReviewOpen(record.year.dto);
    if (record.period.reviewStatus === 'open') return record.period;
    ctx.db
      .prepare(`UPDATE period SET review_status = 'open', reviewed_at = NULL, reviewed_by = NULL WHERE id = ?`)
      .run(input.periodId);
    const after = requirePeriod(ctx.db, input.periodId).period;
    recordAudit(ctx, {
      action: 'period.reopen',
      entity: 'period',
      entityId: input.periodId,
      before: record.period,
      after,
      reason: input.reason,
    });
    return after;
  });
}

/** The office confirms an excess over the cap on 好 with a reason (recorded like a save's override). */
export function confirmExcess(
  ctx: Ctx,
  input: { periodId: string; unitId: string; reason: string },
): ReviewOverviewDto['overrides'][number] {
  return writeTx(ctx, () => {
    const record = requirePeriod(ctx.db, input.periodId);
    assertReviewOpen(record.year.dto);
    if (record.period.reviewStatus === 'reviewed')
      throw new AppError('LOCKED', `${record.period.label}已标记为复核完成；如需改动，请先重新打开该期间。`);
    const state = periodState(ctx.db, record);
    const e = reviewReadiness(ctx.db, state).excess.find((x) => x.unitId === input.unitId);
    if (!e)
      throw new AppError('CONFLICT', '该部门本期“好”未超过上限（或上限不按该范围计算），无需确认。', {
        unitId: input.unitId,
      });
    const good = [...state.ratings.values()].filter(
      (r) => r.rating === 'good' && (e.scope === 'agency' || r.unitId === e.unitId),
    );
    const id = newId(ctx.now().getTime());
    const at = nextStamp(ctx, null);
    ctx.db
      .prepare(
        'INSERT INTO cap_override (id, period_id, unit_id, scope, person_ids_json, good_count, cap, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        id,
        record.period.id,
        e.unitId,
        e.scope,
        JSON.stringify(good.map((r) => r.personId)),
        e.good,
        e.cap,
        input.reason,
        at,
        ctx.operator.id,
      );
    recordAudit(ctx, {
      action: 'review.confirm_excess',
      entity: 'cap_override',
      entityId: id,
      after: {
        periodId: record.period.id,
        periodCode: record.period.code,
        unitId: e.unitId,
        unitName: e.unitName,
        scope: e.scope,
        good: e.good,
        cap: e.cap,
      },
      reason: input.reason,
    });
    return {
      id,
      unitId: e.unitId,
      unitName: e.unitName,
      good: e.good,
      cap: e.cap,
      reason: input.reason,
      createdAt: at,
      createdBy: ctx.operator.id,
    };
  });
}
