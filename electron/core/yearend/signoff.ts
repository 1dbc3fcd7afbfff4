// Notification and sign-off (送达与签收, domain.md §7): after finalisation each person receives the
// result in writing; the office records the delivery day, the person's own opinion (同意 / 不同意 with
// text / 拒签 with a witness note) and the signing day — one by one, or for a whole department signed
// on one day. The 复核 deadline shown runs from the recorded delivery day on the year's calendar.
import { AppError } from '../../../shared/result';
import { compareIso, isIsoDate, isoToday } from '../../../shared/domain/dates';
import type { Grade, Outcome } from '../../../shared/domain/types';
import { redressDeadline } from '../../../shared/rules';
import { recordAudit } from '../audit/audit-log';
import { stamp, writeTx, type Ctx } from '../context';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { calendarOfYear } from '../calendar/calendar-repo';
import { requireYear } from '../years/year-repo';
import { settingsInForce } from './evaluate';
import { outcomeLabel } from './view';
import { many, one } from '../db/query';

export type SignoffOpinion = 'agree' | 'disagree' | 'refused';

export const OPINION_LABEL: Record<SignoffOpinion, string> = { agree: '同意', disagree: '不同意', refused: '拒签' };

export interface SignoffRow {
  personId: string;
  personNo: string;
  name: string;
  departmentId: string | null;
  departmentName: string;
  resultLabel: string;
  deliveredOn: string | null;
  opinion: SignoffOpinion | null;
  opinionText: string;
  witnessNote: string;
  signedOn: string | null;
  /** 复核 deadline from the delivery day (null until delivered) */
  reviewDeadline: string | null;
  reviewDeadlineBasis: string;
  updatedAt: string | null;
}

export interface SignoffList {
  rows: SignoffRow[];
  counts: { total: number; delivered: number; signed: number; unsigned: number; disagree: number; refused: number };
}

interface Row {
  person_id: string;
  person_no: string;
  name: string;
  unit_id: string | null;
  unit_name: string | null;
  category: 'civil_servant' | 'civil_servant_managed' | 'institution';
  outcome: Outcome;
  grade: Grade | null;
  delivered_on: string | null;
  opinion: SignoffOpinion | null;
  opinion_text: string | null;
  witness_note: string | null;
  signed_on: string | null;
  updated_at: string | null;
}

const SELECT = `SELECT d.person_id, p.person_no, p.name, p.unit_id, u.name AS unit_name, p.category, d.outcome, d.grade,
    s.delivered_on, s.opinion, s.opinion_text, s.witness_note, s.signed_on, s.updated_at
  FROM yearend_decision d JOIN person p ON p.id = d.person_id LEFT JOIN unit u ON u.id = p.unit_id
  LEFT JOIN yearend_signoff s ON s.year_id = d.year_id AND s.person_id = d.person_id
  WHERE d.year_id = ?`;

function rowsOf(db: Db, yearId: string): SignoffRow[] {
  const year = requireYear(db, yearId);
  const { settings } = settingsInForce(db, yearId, year.settings);
  const cal = calendarOfYear(db, yearId);
  const rows = many<Row>(db, `${SELECT} ORDER BY u.sort_order, p.person_no`, yearId);
  return rows.map((r) => {
    const deadline = r.delivered_on ? redressDeadline('review', r.delivered_on, false, settings.redress, cal) : null;
    return {
      personId: r.person_id,
      personNo: r.person_no,
      name: r.name,
      departmentId: r.unit_id,
      departmentName: r.unit_name ?? '',
      resultLabel: outcomeLabel(r.outcome, r.grade, r.category),
      deliveredOn: r.delivered_on,
      opinion: r.opinion,
      opinionText: r.opinion_text ?? '',
      witnessNote: r.witness_note ?? '',
      signedOn: r.signed_on,
      reviewDeadline: deadline?.deadline ?? null,
      reviewDeadlineBasis: deadline?.basis ?? '',
      updatedAt: r.updated_at,
    };
  });
}

export function listSignoffs(
  db: Db,
  input: { yearId: string; departmentId?: string | null; onlyUnsigned?: boolean },
): SignoffList {
  const all = rowsOf(db, input.yearId);
  const inDept = input.departmentId ? all.filter((r) => r.departmentId === input.departmentId) : all;
  const counts = {
    total: inDept.length,
    delivered: inDept.filter((r) => r.deliveredOn).length,
    signed: inDept.filter((r) => r.opinion).length,
    unsigned: inDept.filter((r) => !r.opinion).length,
    disagree: inDept.filter((r) => r.opinion === 'disagree').length,
    refused: inDept.filter((r) => r.opinion === 'refused').length,
  };
  return { rows: input.onlyUnsigned ? inDept.filter((r) => !r.opinion) : inDept, counts };
}

/** The recorded delivery day of a person's result, or null. */
export function deliveredOn(db: Db, yearId: string, personId: string): string | null {
  const r = one<{ delivered_on: string }>(
    db,
    'SELECT delivered_on FROM yearend_signoff WHERE year_id = ? AND person_id = ?',
    yearId,
    personId,
  );
  return r?.delivered_on ?? null;
}

export interface RecordSignoffInput {
  yearId: string;
  personId: string;
  deliveredOn: string;
  opinion: SignoffOpinion | null;
  opinionText: string;
  witnessNote: string;
  signedOn: string | null;
}

function finalDayOf(finalizedAt: string | null): string | null {
  return finalizedAt ? isoToday(new Date(finalizedAt)) : null;
}

/** Every rule a sign-off must meet; throws the first problem, naming the field and the person. */
function check(ctx: Ctx, input: RecordSignoffInput, who: string, finalDay: string | null): void {
  const today = isoToday(ctx.now());
  const bad = (field: string, message: string) => {
    throw new AppError('INVALID_INPUT', `${who}：${message}`, { field, personId: input.personId });
  };
  if (!isIsoDate(input.deliveredOn)) bad('deliveredOn', '送达日期应为 YYYY-MM-DD 格式的有效日期。');
  if (compareIso(input.deliveredOn, today) > 0) bad('deliveredOn', `送达日期不能晚于今天（${today}）。`);
  if (finalDay && compareIso(input.deliveredOn, finalDay) < 0)
    bad('deliveredOn', `送达日期不能早于定档日（${finalDay}）：考核结果定档后才能书面送达。`);
  if (input.opinion === null) {
    if (input.signedOn) bad('opinion', '填写了签收日期，请同时选择本人意见（同意 / 不同意 / 拒签）。');
    if (input.opinionText.trim() || input.witnessNote.trim())
      bad('opinion', '填写了意见或见证说明，请同时选择本人意见。');
    return;
  }
  if (!input.signedOn || !isIsoDate(input.signedOn)) bad('signedOn', '请填写签收日期（YYYY-MM-DD）。');
  const signed = input.signedOn!;
  if (compareIso(signed, input.deliveredOn) < 0) bad('signedOn', `签收日期不能早于送达日期（${input.deliveredOn}）。`);
  if (compareIso(signed, today) > 0) bad('signedOn', `签收日期不能晚于今天（${today}）。`);
  if (input.opinion === 'disagree' && input.opinionText.trim().length < 2)
    bad('opinionText', '本人意见为“不同意”时，请填写本人写明的不同意见。');
  if (input.opinion === 'refused' && input.witnessNote.trim().length < 2)
    bad('witnessNote', '拒绝签字的，请填写见证情况（见证人姓名、送达方式及拒签情形）。');
  if (input.opinion !== 'disagree' && input.opinionText.trim())
    bad('opinionText', '只有“不同意”需要填写不同意见，请清空该栏或改选“不同意”。');
  if (input.opinion !== 'refused' && input.witnessNote.trim())
    bad('witnessNote', '只有“拒签”需要填写见证情况，请清空该栏或改选“拒签”。');
}

function assertSignoffStage(ctx: Ctx, yearId: string) {
  const year = requireYear(ctx.db, yearId).dto;
  if (year.stage !== 'final')
    throw new AppError(
      'LOCKED',
      year.stage === 'archived'
        ? `${year.year} 年度已归档，送达与签收记录不能再修改。`
        : `${year.year} 年度尚未定档：考核结果定档后才能送达本人并签收。`,
      { stage: year.stage },
    );
  return year;
}

function personOf(ctx: Ctx, yearId: string, personId: string): { name: string; personNo: string } {
  const p = one<{ name: string; person_no: string }>(
    ctx.db,
    `SELECT p.name, p.person_no FROM yearend_decision d JOIN person p ON p.id = d.person_id WHERE d.year_id = ? AND d.person_id = ?`,
    yearId,
    personId,
  );
  if (!p) throw new AppError('NOT_FOUND', '该人员本年度没有考核结果，不能录入送达签收。', { field: 'personId' });
  return { name: p.name, personNo: p.person_no };
}

function write(
  ctx: Ctx,
  input: RecordSignoffInput,
  action: 'yearend.signoff.record' | 'yearend.signoff.bulk',
  reason: string,
): void {
  const now = stamp(ctx);
  const before = one<Record<string, unknown>>(
    ctx.db,
    'SELECT * FROM yearend_signoff WHERE year_id = ? AND person_id = ?',
    input.yearId,
    input.personId,
  );
  const after = {
    deliveredOn: input.deliveredOn,
    opinion: input.opinion,
    opinionText: input.opinion === 'disagree' ? input.opinionText.trim() : '',
    witnessNote: input.opinion === 'refused' ? input.witnessNote.trim() : '',
    signedOn: input.opinion ? input.signedOn : null,
  };
  stmt(
    ctx.db,
    `INSERT INTO yearend_signoff (year_id, person_id, delivered_on, opinion, opinion_text, witness_note, signed_on, created_at, created_by, updated_at, updated_by)
     VALUES (@yearId, @personId, @deliveredOn, @opinion, @opinionText, @witnessNote, @signedOn, @now, @by, @now, @by)
     ON CONFLICT (year_id, person_id) DO UPDATE SET delivered_on = excluded.delivered_on, opinion = excluded.opinion,
       opinion_text = excluded.opinion_text, witness_note = excluded.witness_note, signed_on = excluded.signed_on,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run({ yearId: input.yearId, personId: input.personId, ...after, now, by: ctx.operator.id });
  recordAudit(ctx, {
    action,
    entity: 'yearend_signoff',
    entityId: `${input.yearId}/${input.personId}`,
    before: before
      ? {
          deliveredOn: before.delivered_on,
          opinion: before.opinion,
          opinionText: before.opinion_text,
          witnessNote: before.witness_note,
          signedOn: before.signed_on,
        }
      : null,
    after,
    reason,
  });
}

/** One person's delivery and sign-off (new or corrected). */
export function recordSignoff(ctx: Ctx, input: RecordSignoffInput): SignoffRow {
  return writeTx(ctx, () => {
    const year = assertSignoffStage(ctx, input.yearId);
    const p = personOf(ctx, input.yearId, input.personId);
    const who = `${p.name}（${p.personNo}）`;
    check(ctx, input, who, finalDayOf(year.finalizedAt));
    const prior = deliveredOn(ctx.db, input.yearId, input.personId);
    if (prior && prior !== input.deliveredOn) {
      // a filed redress counted its deadline from the recorded day: that day can no longer move
      const filed = stmt(
        ctx.db,
        `SELECT 1 FROM yearend_redress WHERE year_id = ? AND person_id = ? AND kind IN ('review', 'appeal') AND review_id IS NULL`,
      ).get(input.yearId, input.personId);
      if (filed)
        throw new AppError('LOCKED', `${who}：已按送达日期 ${prior} 受理复核或申诉，送达日期不能再修改。`, {
          field: 'deliveredOn',
        });
    }
    const label = input.opinion ? `本人意见：${OPINION_LABEL[input.opinion]}` : '已送达，待签收';
    write(ctx, input, 'yearend.signoff.record', `${who} ${input.deliveredOn} 送达；${label}`);
    return rowsOf(ctx.db, input.yearId).find((r) => r.personId === input.personId)!;
  });
}

export interface BulkSignoffInput {
  yearId: string;
  /** null: the agency's own people (no department) are not a department; null means everyone of the year */
  departmentId: string | null;
  deliveredOn: string;
  signedOn: string;
}

/**
 * A department signed on one day: everyone of it without a recorded opinion gets delivery and
 * 同意 on the given days. People already signed are left as they are and listed as skipped.
 */
export function bulkSignoff(
  ctx: Ctx,
  input: BulkSignoffInput,
): { recorded: number; skipped: { personId: string; name: string; reason: string }[] } {
  return writeTx(ctx, () => {
    const year = assertSignoffStage(ctx, input.yearId);
    const rows = rowsOf(ctx.db, input.yearId).filter(
      (r) => !input.departmentId || r.departmentId === input.departmentId,
    );
    if (!rows.length)
      throw new AppError('NOT_FOUND', '所选范围内没有本年度有考核结果的人员。', { field: 'departmentId' });
    const skipped: { personId: string; name: string; reason: string }[] = [];
    let recorded = 0;
    for (const r of rows) {
      if (r.opinion) {
        skipped.push({
          personId: r.personId,
          name: r.name,
          reason: `已于 ${r.signedOn} 签收（${OPINION_LABEL[r.opinion]}），未改动`,
        });
        continue;
      }
      const one: RecordSignoffInput = {
        yearId: input.yearId,
        personId: r.personId,
        deliveredOn: input.deliveredOn,
        opinion: 'agree',
        opinionText: '',
        witnessNote: '',
        signedOn: input.signedOn,
      };
      check(ctx, one, `${r.name}（${r.personNo}）`, finalDayOf(year.finalizedAt));
      if (r.deliveredOn && r.deliveredOn !== input.deliveredOn) {
        skipped.push({
          personId: r.personId,
          name: r.name,
          reason: `已于 ${r.deliveredOn} 送达，与批量送达日期不同，请逐人录入`,
        });
        continue;
      }
      write(ctx, one, 'yearend.signoff.bulk', `批量签收：${input.deliveredOn} 送达，${input.signedOn} 本人签署“同意”`);
      recorded++;
    }
    return { recorded, skipped };
  });
}
