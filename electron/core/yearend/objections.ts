// Objections raised during the public notice (公示异议): recorded, then resolved with the handling.
// Open objections block finalisation.
import { AppError } from '../../../shared/result';
import { compareIso, isIsoDate, isoToday } from '../../../shared/domain/dates';
import { recordAudit } from '../audit/audit-log';
import { stamp, writeTx, type Ctx } from '../context';
import type { Db } from '../db/open';
import { newId } from '../ids';
import { requireYear } from '../years/year-repo';
import { withoutInvalidating } from './evaluate';
import { assertStage } from './guards';
import { stmt } from '../db/statements';
import { readYearState } from './year-state';
import type { YearendObjectionRow } from '../db/rows';
import { many, one } from '../db/query';

export interface ObjectionRecord {
  id: string;
  yearId: string;
  personId: string | null;
  personName: string | null;
  receivedOn: string;
  raisedBy: string;
  content: string;
  status: 'open' | 'resolved';
  handling: string;
  resolvedOn: string | null;
  createdAt: string;
}

type Row = YearendObjectionRow & { person_name: string | null };

const SELECT = `SELECT o.*, p.name AS person_name FROM yearend_objection o LEFT JOIN person p ON p.id = o.person_id`;

function toRecord(r: Row): ObjectionRecord {
  return {
    id: r.id,
    yearId: r.year_id,
    personId: r.person_id,
    personName: r.person_name,
    receivedOn: r.received_on,
    raisedBy: r.raised_by,
    content: r.content,
    status: r.status,
    handling: r.handling,
    resolvedOn: r.resolved_on,
    createdAt: r.created_at,
  };
}

export function listObjections(db: Db, yearId: string): ObjectionRecord[] {
  return many<Row>(db, `${SELECT} WHERE o.year_id = ? ORDER BY o.received_on, o.created_at`, yearId).map(toRecord);
}

function requireObjection(db: Db, id: string): ObjectionRecord {
  const r = one<Row>(db, `${SELECT} WHERE o.id = ?`, id);
  if (!r) throw new AppError('NOT_FOUND', '找不到该条异议记录，请刷新后重试。', { objectionId: id });
  return toRecord(r);
}

function checkDate(d: string, field: string, label: string, today: string): void {
  if (!isIsoDate(d)) throw new AppError('INVALID_INPUT', `${label}应为 YYYY-MM-DD 格式的有效日期。`, { field });
  if (compareIso(d, today) > 0)
    throw new AppError('INVALID_INPUT', `${label}（${d}）不能晚于今天（${today}）。`, { field });
}

/** An objection to the 公示 is one received while the notice was up; one before or after it is something else. */
function checkWithinNotice(db: Db, yearId: string, receivedOn: string): void {
  const st = readYearState(db, yearId);
  if (!st?.noticeStart || !st.noticeEnd) return;
  const period = `公示期（${st.noticeStart} 至 ${st.noticeEnd}）`;
  if (compareIso(receivedOn, st.noticeStart) < 0)
    throw new AppError(
      'INVALID_INPUT',
      `收到日期（${receivedOn}）早于${period}：公示开始前收到的意见不是公示异议，请核对收到日期。`,
      { field: 'receivedOn', noticeStart: st.noticeStart, noticeEnd: st.noticeEnd },
    );
  if (compareIso(receivedOn, st.noticeEnd) > 0)
    throw new AppError(
      'INVALID_INPUT',
      `收到日期（${receivedOn}）晚于${period}：公示期满后收到的意见不再作为公示异议登记，请按复核、申诉或来信来访的程序处理；如确为公示期内收到，请核对收到日期。`,
      { field: 'receivedOn', noticeStart: st.noticeStart, noticeEnd: st.noticeEnd },
    );
}

export function addObjection(
  ctx: Ctx,
  input: { yearId: string; personId: string | null; receivedOn: string; raisedBy: string; content: string },
): ObjectionRecord {
  return writeTx(ctx, () =>
    withoutInvalidating(ctx.db, () => {
      const year = requireYear(ctx.db, input.yearId).dto;
      assertStage(year, ['notice'], '登记公示异议');
      checkDate(input.receivedOn, 'receivedOn', '收到日期', isoToday(ctx.now()));
      checkWithinNotice(ctx.db, input.yearId, input.receivedOn);
      if (!input.content.trim()) throw new AppError('INVALID_INPUT', '请填写异议内容。', { field: 'content' });
      if (input.personId && !stmt(ctx.db, 'SELECT 1 FROM person WHERE id = ?').get(input.personId))
        throw new AppError('NOT_FOUND', '找不到被提出异议的人员。', { field: 'personId' });
      const id = newId();
      const now = stamp(ctx);
      stmt(
        ctx.db,
        `INSERT INTO yearend_objection (id, year_id, person_id, received_on, raised_by, content, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        input.yearId,
        input.personId,
        input.receivedOn,
        input.raisedBy.trim(),
        input.content.trim(),
        now,
        ctx.operator.id,
        now,
        ctx.operator.id,
      );
      const rec = requireObjection(ctx.db, id);
      recordAudit(ctx, { action: 'yearend.objection.add', entity: 'yearend_objection', entityId: id, after: rec });
      return rec;
    }),
  );
}

export function resolveObjection(
  ctx: Ctx,
  input: { objectionId: string; handling: string; resolvedOn: string },
): ObjectionRecord {
  return writeTx(ctx, () =>
    withoutInvalidating(ctx.db, () => {
      const before = requireObjection(ctx.db, input.objectionId);
      const year = requireYear(ctx.db, before.yearId).dto;
      assertStage(year, ['notice', 'review'], '处理公示异议');
      checkDate(input.resolvedOn, 'resolvedOn', '处理日期', isoToday(ctx.now()));
      if (compareIso(input.resolvedOn, before.receivedOn) < 0)
        throw new AppError('INVALID_INPUT', `处理日期不能早于收到日期（${before.receivedOn}）。`, {
          field: 'resolvedOn',
        });
      if (input.handling.trim().length < 2)
        throw new AppError('INVALID_INPUT', '请填写处理结果（如：经核实不成立，维持原结果）。', { field: 'handling' });
      stmt(
        ctx.db,
        `UPDATE yearend_objection SET status = 'resolved', handling = ?, resolved_on = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
      ).run(input.handling.trim(), input.resolvedOn, stamp(ctx), ctx.operator.id, input.objectionId);
      const after = requireObjection(ctx.db, input.objectionId);
      recordAudit(ctx, {
        action: 'yearend.objection.resolve',
        entity: 'yearend_objection',
        entityId: input.objectionId,
        before,
        after,
        reason: after.handling,
      });
      return after;
    }),
  );
}
