// After final, a result changes only through a recorded 复核 (review) or 申诉 (appeal), or a
// 补定等次 once an investigation closes: filed within its deadline, decided with a date, audited.
import { AppError } from '../../../shared/result';
import { compareIso, isIsoDate, isoToday } from '../../../shared/domain/dates';
import { gradeLabel } from '../../../shared/domain/labels';
import type { Grade, Outcome } from '../../../shared/domain/types';
import { redressDeadline, type RedressKind } from '../../../shared/rules';
import { choicesFor, type ChoiceVerdict } from '../../../shared/rules/guard';
import { calendarOfYear } from '../calendar/calendar-repo';
import { recordAudit } from '../audit/audit-log';
import { stamp, writeTx, type Ctx } from '../context';
import type { Db } from '../db/open';
import { newId } from '../ids';
import { requireYear } from '../years/year-repo';
import { settingsInForce } from './evaluate';
import { assertFinal } from './guards';
import { auditShape, writeDecision } from './decisions';
import { decisionOf } from './records';
import { stmt } from '../db/statements';
import { assertGradeWrite } from './grade-guard';
import { loadYearView, outcomeLabel } from './view';
import { deliveredOn } from './signoff';
import { recordInvestigationClosing, type InvestigationClosing } from './redress-closing';
import type { PersonRow, YearendRedressRow } from '../db/rows';
import { many, one, the } from '../db/query';

export interface RedressRecord {
  id: string;
  yearId: string;
  personId: string;
  personName: string;
  personNo: string;
  category: 'civil_servant' | 'civil_servant_managed' | 'institution';
  kind: RedressKind;
  reviewId: string | null;
  learnedOn: string;
  filedOn: string;
  deadline: string;
  deadlineBasis: string;
  request: string;
  beforeOutcome: Outcome;
  beforeGrade: Grade | null;
  beforeLabel: string;
  status: 'pending' | 'decided';
  decision: 'upheld' | 'changed' | 'rejected' | null;
  decisionOn: string | null;
  decisionDocNo: string;
  decisionReason: string;
  resultOutcome: Outcome | null;
  resultGrade: Grade | null;
  resultLabel: string | null;
  /** the results a changed outcome may take (grade guard, records as of today); empty once decided */
  choices: ChoiceVerdict[];
}

/** The redress row with its person's name, number and category (SELECT below). */
type Row = YearendRedressRow & Pick<PersonRow, 'person_no' | 'category'> & { person_name: string };

const SELECT = `SELECT r.*, p.name AS person_name, p.person_no, p.category FROM yearend_redress r JOIN person p ON p.id = r.person_id`;

function toRecord(r: Row): RedressRecord {
  return {
    id: r.id,
    yearId: r.year_id,
    personId: r.person_id,
    personName: r.person_name,
    personNo: r.person_no,
    category: r.category,
    kind: r.kind,
    reviewId: r.review_id,
    learnedOn: r.learned_on,
    filedOn: r.filed_on,
    deadline: r.deadline,
    deadlineBasis: r.deadline_basis,
    request: r.request,
    beforeOutcome: r.before_outcome,
    beforeGrade: r.before_grade,
    beforeLabel: outcomeLabel(r.before_outcome, r.before_grade, r.category),
    status: r.status,
    decision: r.decision,
    decisionOn: r.decision_on,
    decisionDocNo: r.decision_doc_no,
    decisionReason: r.decision_reason,
    resultOutcome: r.result_outcome,
    resultGrade: r.result_grade,
    resultLabel: r.result_outcome ? outcomeLabel(r.result_outcome, r.result_grade, r.category) : null,
    choices: [],
  };
}

export function listRedress(ctx: Pick<Ctx, 'db' | 'now'>, yearId: string): RedressRecord[] {
  const list = many<Row>(ctx.db, `${SELECT} WHERE r.year_id = ? ORDER BY r.filed_on, r.created_at`, yearId).map(
    toRecord,
  );
  if (!list.some((r) => r.status === 'pending')) return list;
  // the dialog offers only what the guard will accept on a decision made today
  const view = loadYearView(ctx, yearId, isoToday(ctx.now()));
  for (const r of list) {
    const p = view.byId.get(r.personId);
    if (r.status === 'pending' && p) r.choices = choicesFor(p.result.eligibility, p.dto.category);
  }
  return list;
}

function requireRedress(db: Db, id: string): RedressRecord {
  const r = one<Row>(db, `${SELECT} WHERE r.id = ?`, id);
  if (!r) throw new AppError('NOT_FOUND', '找不到该复核或申诉记录，请刷新后重试。', { redressId: id });
  return toRecord(r);
}

const KIND_LABEL: Record<RedressKind, string> = { review: '复核', appeal: '申诉', deferred_grade: '补定等次' };

export interface FileRedressInput {
  yearId: string;
  personId: string;
  kind: RedressKind;
  /** an appeal after a decided review */
  reviewId: string | null;
  /** 知悉考核结果之日; the recorded delivery day (送达) when there is one */
  learnedOn: string | null;
  filedOn: string;
  request: string;
}

export function fileRedress(ctx: Ctx, input: FileRedressInput): RedressRecord {
  return writeTx(ctx, () => {
    const year = requireYear(ctx.db, input.yearId);
    assertFinal(year.dto);
    const today = isoToday(ctx.now());
    if (!isIsoDate(input.filedOn) || compareIso(input.filedOn, today) > 0)
      throw new AppError('INVALID_INPUT', `申请日期应为不晚于今天（${today}）的有效日期。`, { field: 'filedOn' });
    if (input.request.trim().length < 2)
      throw new AppError('INVALID_INPUT', `请填写${KIND_LABEL[input.kind]}请求及理由。`, { field: 'request' });
    const decision = decisionOf(ctx.db, input.yearId, input.personId);
    if (!decision)
      throw new AppError('NOT_FOUND', '该人员本年度没有考核决定，不能申请复核或申诉。', { field: 'personId' });
    const { settings } = settingsInForce(ctx.db, input.yearId, year.settings);
    const category = the<{ category: Row['category'] }>(
      ctx.db,
      'SELECT category FROM person WHERE id = ?',
      input.personId,
    ).category;
    if (input.kind === 'deferred_grade') {
      if (decision.outcome !== 'deferred')
        throw new AppError('INVALID_INPUT', '补定等次只适用于暂缓确定等次的人员。', { field: 'kind' });
    } else if (
      decision.outcome === 'graded' &&
      decision.grade &&
      !settings.redress.appealableGrades.includes(decision.grade)
    ) {
      const allowed = settings.redress.appealableGrades.map((g) => gradeLabel(g, category)).join('、') || '（无）';
      throw new AppError(
        'INVALID_INPUT',
        `本年度设置只允许对以下等次申请复核或申诉：${allowed}；该人员为${gradeLabel(decision.grade, category)}。`,
        { field: 'kind' },
      );
    }
    let from: string;
    let afterReview = false;
    if (input.kind === 'appeal' && input.reviewId) {
      const review = requireRedress(ctx.db, input.reviewId);
      if (
        review.kind !== 'review' ||
        review.personId !== input.personId ||
        review.status !== 'decided' ||
        !review.decisionOn
      )
        throw new AppError('INVALID_INPUT', '复核后申诉须关联同一人员已作出决定的复核。', { field: 'reviewId' });
      from = review.decisionOn;
      afterReview = true;
    } else {
      // the deadline runs from the recorded delivery of the written result (送达), never the finalisation day
      const delivered = deliveredOn(ctx.db, input.yearId, input.personId);
      if (delivered && input.learnedOn && input.learnedOn !== delivered && input.kind !== 'deferred_grade')
        throw new AppError(
          'INVALID_INPUT',
          `该人员的考核结果已于 ${delivered} 书面送达，期限自送达之日起计算；如送达日期有误，请先在“送达与签收”中更正。`,
          { field: 'learnedOn', deliveredOn: delivered },
        );
      const learned = delivered ?? input.learnedOn;
      if (!learned && input.kind !== 'deferred_grade')
        throw new AppError(
          'INVALID_INPUT',
          '尚未录入该人员的送达日期：请先在“送达与签收”中录入书面送达日期，或填写其知悉考核结果的日期。',
          { field: 'learnedOn' },
        );
      from = learned ?? today;
      if (!isIsoDate(from))
        throw new AppError('INVALID_INPUT', '知悉考核结果日期应为 YYYY-MM-DD 格式。', { field: 'learnedOn' });
    }
    const { deadline, basis } = redressDeadline(
      input.kind,
      from,
      afterReview,
      settings.redress,
      calendarOfYear(ctx.db, input.yearId),
    );
    if (compareIso(input.filedOn, from) < 0)
      throw new AppError('INVALID_INPUT', `申请日期不能早于${afterReview ? '复核决定' : '知悉结果'}日期（${from}）。`, {
        field: 'filedOn',
      });
    if (compareIso(input.filedOn, deadline) > 0)
      throw new AppError('LOCKED', `已超过${KIND_LABEL[input.kind]}期限：${basis}，截止 ${deadline}。`, {
        field: 'filedOn',
        deadline,
      });
    const pending = stmt(
      ctx.db,
      `SELECT 1 FROM yearend_redress WHERE year_id = ? AND person_id = ? AND status = 'pending'`,
    ).get(input.yearId, input.personId);
    if (pending) throw new AppError('CONFLICT', '该人员已有未办结的复核或申诉，请先录入其结果。');
    const id = newId();
    const now = stamp(ctx);
    stmt(
      ctx.db,
      `INSERT INTO yearend_redress (id, year_id, person_id, kind, review_id, learned_on, filed_on, deadline, deadline_basis, request, before_outcome, before_grade, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      input.yearId,
      input.personId,
      input.kind,
      input.reviewId,
      from,
      input.filedOn,
      deadline,
      basis,
      input.request.trim(),
      decision.outcome,
      decision.grade,
      now,
      ctx.operator.id,
      now,
      ctx.operator.id,
    );
    const rec = requireRedress(ctx.db, id);
    recordAudit(ctx, {
      action: `yearend.redress.file`,
      entity: 'yearend_redress',
      entityId: id,
      after: rec,
      reason: `${KIND_LABEL[input.kind]}：${rec.request}`,
    });
    return rec;
  });
}

export interface DecideRedressInput {
  redressId: string;
  decision: 'upheld' | 'changed' | 'rejected';
  decisionOn: string;
  decisionDocNo: string;
  reason: string;
  outcome: Outcome | null;
  grade: Grade | null;
  /** 批准文号 when a changed result takes an excellent place beyond the unit's quota */
  approvalDocNo?: string;
  /** 补定等次: the investigation's closing, recorded in the same step before the grade is guarded */
  closing?: InvestigationClosing | null;
}

export function decideRedress(ctx: Ctx, input: DecideRedressInput): RedressRecord {
  return writeTx(ctx, () => {
    const before = requireRedress(ctx.db, input.redressId);
    if (before.status === 'decided') throw new AppError('CONFLICT', '该复核或申诉已有结果，不能重复录入。');
    const year = requireYear(ctx.db, before.yearId);
    assertFinal(year.dto);
    const today = isoToday(ctx.now());
    if (!isIsoDate(input.decisionOn) || compareIso(input.decisionOn, today) > 0)
      throw new AppError('INVALID_INPUT', `决定日期应为不晚于今天（${today}）的有效日期。`, { field: 'decisionOn' });
    if (compareIso(input.decisionOn, before.filedOn) < 0)
      throw new AppError('INVALID_INPUT', `决定日期不能早于申请日期（${before.filedOn}）。`, { field: 'decisionOn' });
    if (input.reason.trim().length < 2) throw new AppError('INVALID_INPUT', '请填写决定理由。', { field: 'reason' });
    let resultOutcome: Outcome = before.beforeOutcome;
    let resultGrade: Grade | null = before.beforeGrade;
    if (input.decision === 'changed' || before.kind === 'deferred_grade') {
      if (!input.outcome) throw new AppError('INVALID_INPUT', '请选择变更后的考核结果。', { field: 'outcome' });
      if (input.outcome === 'graded' && !input.grade)
        throw new AppError('INVALID_INPUT', '请选择变更后的考核等次。', { field: 'grade' });
      if (input.outcome !== 'graded' && input.grade)
        throw new AppError('INVALID_INPUT', '不定等次的结果不能同时选择等次。', { field: 'grade' });
      if (input.decision === 'changed' && input.outcome === before.beforeOutcome && input.grade === before.beforeGrade)
        throw new AppError('INVALID_INPUT', '“变更”的结果与原结果相同；如维持原结果，请选择“维持”。', {
          field: 'grade',
        });
      resultOutcome = input.outcome;
      resultGrade = input.grade;
    }
    const changes = resultOutcome !== before.beforeOutcome || resultGrade !== before.beforeGrade;
    // the one path through the stage lock: a row in yearend_unlock for this transaction only
    const unlock = () => stmt(ctx.db, 'INSERT OR IGNORE INTO yearend_unlock (year_id) VALUES (?)').run(before.yearId);
    if (input.closing) {
      unlock();
      recordInvestigationClosing(ctx, before, input.decisionOn, input.closing);
    }
    const old = decisionOf(ctx.db, before.yearId, before.personId);
    const approvalDocNo = (input.approvalDocNo ?? '').trim() || (old?.approvalDocNo ?? '');
    if (changes) {
      // the same guard as a committee decision, with the records as they stand on the decision day
      // (a 补定等次 reads the investigation's closing and its conclusion)
      const view = loadYearView(ctx, before.yearId, input.decisionOn);
      assertGradeWrite(view, {
        path: before.kind === 'deferred_grade' ? 'deferred_grade' : 'redress',
        personId: before.personId,
        outcome: resultOutcome,
        grade: resultGrade,
        approvalDocNo,
      });
    }
    stmt(
      ctx.db,
      `UPDATE yearend_redress SET status = 'decided', decision = ?, decision_on = ?, decision_doc_no = ?, decision_reason = ?, result_outcome = ?, result_grade = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
    ).run(
      input.decision,
      input.decisionOn,
      input.decisionDocNo.trim(),
      input.reason.trim(),
      resultOutcome,
      resultGrade,
      stamp(ctx),
      ctx.operator.id,
      input.redressId,
    );
    if (changes) {
      unlock();
      const saved = writeDecision(ctx, before.yearId, before.personId, {
        outcome: resultOutcome,
        grade: resultGrade,
        reason: `${KIND_LABEL[before.kind]}决定（${input.decisionOn}${input.decisionDocNo.trim() ? `，${input.decisionDocNo.trim()}` : ''}）：${input.reason.trim()}`,
        approvalDocNo,
        source: before.kind,
      });
      recordAudit(ctx, {
        action: 'yearend.redress.apply',
        entity: 'yearend_decision',
        entityId: saved.id,
        before: { decision: auditShape(old) },
        after: { decision: auditShape(saved), redressId: before.id },
        reason: saved.reason,
      });
    }
    stmt(ctx.db, 'DELETE FROM yearend_unlock WHERE year_id = ?').run(before.yearId);
    const after = requireRedress(ctx.db, input.redressId);
    recordAudit(ctx, {
      action: 'yearend.redress.decide',
      entity: 'yearend_redress',
      entityId: input.redressId,
      before,
      after,
      reason: input.reason.trim(),
    });
    return after;
  });
}
