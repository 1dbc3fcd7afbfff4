// Saving quarterly ratings: one cell (autosave), a pasted column, or an imported file — all through
// saveRatingsBatch, one transaction with an audit entry per changed row and the cap on 好 enforced.
import { z } from 'zod';
import { AppError } from '../../../shared/result';
import { RATING_LABEL } from '../../../shared/domain/labels';
import type { PeriodRatingDto } from '../../../shared/domain/records';
import { capMessage } from '../../../shared/ratings/cap';
import {
  ratingWrite,
  type CapWarningDto,
  type RatingWrite,
  type SaveRatingsResultDto,
} from '../../../shared/api/years';
import { recordAudit } from '../audit/audit-log';
import { writeTx, type Ctx } from '../context';
import { newId } from '../ids';
import { zodIssuesToChinese } from '../api/zod-messages';
import { assertRatingsWritable } from '../years/locks';
import { requirePeriod } from '../years/year-repo';
import { nextStamp } from '../stamps';
import { stmt } from '../db/statements';
import { findRating, forgetPeriodStates, keepPeriodState, periodState, type PeriodState } from './period-state';
import { assertDepartmentInScope } from './scope';
import type { Membership } from './membership';
import { one } from '../db/query';

export type { RatingWrite };

export interface SaveOptions {
  /** a reason to go over the cap on 好 when the year's settings block it; recorded in cap_override */
  override?: { reason: string };
  /** where the rows came from, kept in the audit entries ('grid', 'paste', 'import:<batch id>') */
  source?: string;
}

const EDITABLE = ['workRecord', 'selfAssessment', 'rating', 'comment', 'rater'] as const;
type Editable = (typeof EDITABLE)[number];

const rowsSchema = z.array(ratingWrite).max(100_000);

/**
 * Saves ratings rows in ONE transaction (all or nothing). Fields left out of a row keep their
 * value; a row whose values are unchanged is skipped without an audit entry, so saving the same
 * rows twice changes nothing. Callable by other capabilities (the spreadsheet import).
 */
export function saveRatingsBatch(
  ctx: Ctx,
  rows: readonly RatingWrite[],
  options: SaveOptions = {},
): SaveRatingsResultDto {
  const parsed = rowsSchema.safeParse(rows);
  if (!parsed.success) {
    const issues = zodIssuesToChinese(parsed.error.issues).map((i) => ({ ...i, field: describeRowPath(i.field) }));
    throw new AppError(
      'INVALID_INPUT',
      `平时考核数据有误：${issues.map((i) => `${i.field}：${i.message}`).join('；')}`,
      { issues },
    );
  }
  if (parsed.data.length === 0) throw new AppError('INVALID_INPUT', '没有要保存的平时考核数据。');
  const periodIds = [...new Set(parsed.data.map((r) => r.periodId))];
  const ownTransaction = !ctx.db.inTransaction;
  const touched: PeriodState[] = [];
  try {
    const result = writeTx(ctx, () => saveInTx(ctx, parsed.data, periodIds, options, touched));
    // Stamped after the commit: writeTx seals the changed rows after our rows, which moves total_changes.
    for (const state of touched) keepPeriodState(ctx.db, state, ownTransaction);
    return result;
  } catch (e) {
    // The kept period states were changed as the rows were saved; the rollback undid the rows.
    forgetPeriodStates(ctx.db);
    throw e;
  }
}

function saveInTx(
  ctx: Ctx,
  rows: readonly RatingWrite[],
  periodIds: readonly string[],
  options: SaveOptions,
  touched: PeriodState[],
): SaveRatingsResultDto {
  const saved: PeriodRatingDto[] = [];
  const warnings: CapWarningDto[] = [];
  const overrideIds: string[] = [];
  let changed = 0;
  let unchanged = 0;
  let lastStatus: SaveRatingsResultDto['capStatus'] | null = null;
  for (const periodId of periodIds) {
    // The period's state is kept between saves while nothing else changed the store, and the cap's
    // tallies move by the cells saved: one cell costs its own rows, not a recount of the agency.
    const state = periodState(ctx.db, requirePeriod(ctx.db, periodId));
    assertRatingsWritable(state.record.year.dto, state.record.period);
    const places = state.byPerson;
    const newlyGood: PeriodRatingDto[] = [];
    for (const row of rows.filter((r) => r.periodId === periodId)) {
      const result = saveOne(ctx, state, places, row, options.source ?? 'grid');
      if (result.changed) changed++;
      else unchanged++;
      if (result.row) {
        saved.push(result.row);
        if (result.changed) state.tally.apply(row.personId, state.ratings.get(row.personId), result.row);
        state.ratings.set(row.personId, result.row);
        if (result.becameGood) newlyGood.push(result.row);
      }
    }
    state.capStatus = state.tally.status();
    const check = enforceCap(ctx, state, newlyGood, options);
    warnings.push(...check.warnings);
    overrideIds.push(...check.overrideIds);
    lastStatus = state.capStatus;
    touched.push(state);
  }
  return { saved, changed, unchanged, warnings, overrideIds, capStatus: lastStatus! };
}

/** Saves one cell or row (the grid's autosave). */
export function saveRating(ctx: Ctx, row: RatingWrite, options: SaveOptions = {}): SaveRatingsResultDto {
  return saveRatingsBatch(ctx, [row], options);
}

function describeRowPath(path: string): string {
  const m = /^(\d+)\.?(.*)$/.exec(path);
  if (!m) return path;
  const names: Record<string, string> = {
    workRecord: '工作纪实',
    selfAssessment: '个人自评',
    rating: '等次',
    comment: '评语',
    rater: '评价人',
    personId: '人员',
    periodId: '期间',
  };
  return `第 ${Number(m[1]) + 1} 行${m[2] ? ` ${names[m[2]] ?? m[2]}` : ''}`;
}

function saveOne(
  ctx: Ctx,
  state: PeriodState,
  placesOf: ReadonlyMap<string, Membership[]>,
  row: RatingWrite,
  source: string,
): { row: PeriodRatingDto | null; changed: boolean; becameGood: boolean } {
  const { period } = state.record;
  const person = one<{ id: string; person_no: string; name: string }>(
    ctx.db,
    'SELECT id, person_no, name FROM person WHERE id = ?',
    row.personId,
  );
  if (!person)
    throw new AppError('NOT_FOUND', '找不到该人员，可能已从名册中删除。请刷新后重试。', { personId: row.personId });
  const places = placesOf.get(person.id) ?? [];
  const unitId = row.unitId ?? places.find((m) => m.due)?.unitId ?? places[places.length - 1]?.unitId;
  const dept = state.departments.find((d) => d.id === unitId);
  if (!unitId || !dept) {
    throw new AppError(
      'INVALID_INPUT',
      `${person.name}（${person.person_no}）在${period.label}不属于 ${state.record.year.dto.unitName} 的任何部门，不能录入平时考核。`,
      { personId: person.id },
    );
  }
  if (!places.some((m) => m.unitId === unitId)) {
    throw new AppError(
      'INVALID_INPUT',
      `${person.name}（${person.person_no}）在${period.label}不在“${dept.name}”，请在其所在部门录入。`,
      { personId: person.id, unitId },
    );
  }
  assertDepartmentInScope(ctx, dept.id, dept.name);
  const existing = findRating(ctx.db, period.id, person.id);
  if (row.expectedUpdatedAt !== undefined && (existing?.updatedAt ?? null) !== row.expectedUpdatedAt) {
    throw new AppError(
      'CONFLICT',
      `${person.name}的${period.label}考核结果刚被他人修改过，本次修改未保存。已为您载入最新内容，请核对后再改。`,
      {
        personId: person.id,
        current: existing,
      },
    );
  }
  const next: Record<Editable, string | null> = {
    workRecord: existing?.workRecord ?? '',
    selfAssessment: existing?.selfAssessment ?? '',
    rating: existing?.rating ?? null,
    comment: existing?.comment ?? '',
    rater: existing?.rater ?? '',
  };
  for (const k of EDITABLE) if (row[k] !== undefined) next[k] = row[k] ?? null;
  // A rater filling their own department's grid signs the rating unless a name was typed.
  if (row.rating !== undefined && row.rater === undefined && next.rater === '' && ctx.operator.role === 'rater')
    next.rater = ctx.operator.displayName;
  const unitChanged = existing !== null && existing.unitId !== unitId;
  const same = existing !== null && !unitChanged && EDITABLE.every((k) => (existing[k] ?? null) === next[k]);
  if (same) return { row: existing, changed: false, becameGood: false };
  if (existing === null && EDITABLE.every((k) => next[k] === '' || next[k] === null)) {
    // Clearing a cell that was never saved: nothing to store.
    return { row: null, changed: false, becameGood: false };
  }
  const updatedAt = nextStamp(ctx, existing?.updatedAt);
  const id = existing?.id ?? newId(ctx.now().getTime());
  const after: PeriodRatingDto = {
    id,
    periodId: period.id,
    personId: person.id,
    unitId,
    workRecord: next.workRecord ?? '',
    selfAssessment: next.selfAssessment ?? '',
    rating: (next.rating as PeriodRatingDto['rating']) ?? null,
    comment: next.comment ?? '',
    rater: next.rater ?? '',
    updatedAt,
  };
  if (existing) {
    stmt(
      ctx.db,
      `UPDATE period_rating SET unit_id = ?, work_record = ?, self_assessment = ?, rating = ?, comment = ?, rater = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
    ).run(
      unitId,
      after.workRecord,
      after.selfAssessment,
      after.rating,
      after.comment,
      after.rater,
      updatedAt,
      ctx.operator.id,
      id,
    );
  } else {
    stmt(
      ctx.db,
      `INSERT INTO period_rating (id, period_id, person_id, unit_id, work_record, self_assessment, rating, comment, rater, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      period.id,
      person.id,
      unitId,
      after.workRecord,
      after.selfAssessment,
      after.rating,
      after.comment,
      after.rater,
      updatedAt,
      ctx.operator.id,
      updatedAt,
      ctx.operator.id,
    );
  }
  recordAudit(ctx, {
    action: existing ? 'rating.update' : 'rating.create',
    entity: 'period_rating',
    entityId: id,
    before: existing ?? undefined,
    after: { ...after, source, periodCode: period.code, personNo: person.person_no, personName: person.name },
  });
  const becameGood = after.rating === 'good' && (existing?.rating !== 'good' || unitChanged);
  return { row: after, changed: true, becameGood };
}

/** Warn, block, or record an override, for each enforced scope the new 好 pushed over its cap. */
function enforceCap(
  ctx: Ctx,
  state: PeriodState,
  newlyGood: readonly PeriodRatingDto[],
  options: SaveOptions,
): { warnings: CapWarningDto[]; overrideIds: string[] } {
  const status = state.capStatus;
  if (!status.enabled || newlyGood.length === 0) return { warnings: [], overrideIds: [] };
  const cap = state.record.year.settings.goodCap;
  const breaches =
    status.scope === 'agency'
      ? status.agency.over
        ? [{ standing: status.agency, people: newlyGood }]
        : []
      : status.departments
          .filter((d) => d.over)
          .map((d) => ({ standing: d, people: newlyGood.filter((r) => r.unitId === d.unitId) }))
          .filter((b) => b.people.length > 0);
  const warnings: CapWarningDto[] = breaches.map((b) => ({
    unitId: b.standing.unitId,
    scope: status.scope,
    good: b.standing.good,
    cap: b.standing.cap ?? 0,
    message: capMessage(b.standing.unitName, b.standing, cap),
  }));
  if (breaches.length === 0 || status.enforcement === 'warn') return { warnings, overrideIds: [] };
  if (!options.override) {
    throw new AppError(
      'QUOTA',
      `${warnings.map((w) => w.message).join('；')}。本年度设置为超出上限禁止保存；如经考核办同意突破，请填写理由后再保存。`,
      { warnings },
    );
  }
  const overrideIds: string[] = [];
  for (const b of breaches) {
    const id = newId(ctx.now().getTime());
    const personIds = b.people.map((p) => p.personId);
    stmt(
      ctx.db,
      'INSERT INTO cap_override (id, period_id, unit_id, scope, person_ids_json, good_count, cap, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      id,
      state.record.period.id,
      b.standing.unitId,
      status.scope,
      JSON.stringify(personIds),
      b.standing.good,
      b.standing.cap ?? 0,
      options.override.reason,
      nextStamp(ctx, null),
      ctx.operator.id,
    );
    recordAudit(ctx, {
      action: 'rating.cap_override',
      entity: 'cap_override',
      entityId: id,
      after: {
        periodId: state.record.period.id,
        periodCode: state.record.period.code,
        unitId: b.standing.unitId,
        unitName: b.standing.unitName,
        scope: status.scope,
        good: b.standing.good,
        cap: b.standing.cap,
        personIds,
        rating: RATING_LABEL.good,
      },
      reason: options.override.reason,
    });
    overrideIds.push(id);
  }
  return { warnings, overrideIds };
}
