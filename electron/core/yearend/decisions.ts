// Committee decisions (考核委员会决定): one person's final outcome and grade, the reason when it
// differs from the suggestion, bulk accept per department. Every write passes the grade guard first
// (grade-guard.ts: stage lock, eligibility, quota with approvals).
import { AppError } from '../../../shared/result';
import type { Grade, Outcome } from '../../../shared/domain/types';
import { recordAudit } from '../audit/audit-log';
import { stamp, writeTx, type Ctx } from '../context';
import { newId } from '../ids';
import { requireYear } from '../years/year-repo';
import { withoutInvalidating } from './evaluate';
import { assertGradeWrite, personRefusal, stageRefusal, unitsRefusal } from './grade-guard';
import { decisionOf, decisionsOf, type DecisionRecord, type DecisionSource } from './records';
import { stmt } from '../db/statements';
import { loadYearView, outcomeLabel, quotaUnitsWith, suggestionOfRecord, type PersonView, type YearView } from './view';

export interface DecideInput {
  yearId: string;
  personId: string;
  outcome: Outcome;
  grade: Grade | null;
  reason: string;
  approvalDocNo: string;
}

function writeDecision(
  ctx: Ctx,
  yearId: string,
  personId: string,
  d: { outcome: Outcome; grade: Grade | null; reason: string; approvalDocNo: string; source: DecisionSource },
): DecisionRecord {
  const now = stamp(ctx);
  const existing = decisionOf(ctx.db, yearId, personId);
  const id = existing?.id ?? newId();
  stmt(
    ctx.db,
    `INSERT INTO yearend_decision (id, year_id, person_id, outcome, grade, reason, approval_doc_no, decided_at, decided_by, source)
     VALUES (@id, @yearId, @personId, @outcome, @grade, @reason, @approvalDocNo, @now, @by, @source)
     ON CONFLICT (year_id, person_id) DO UPDATE SET outcome = excluded.outcome, grade = excluded.grade, reason = excluded.reason,
       approval_doc_no = excluded.approval_doc_no, decided_at = excluded.decided_at, decided_by = excluded.decided_by, source = excluded.source`,
  ).run({ id, yearId, personId, ...d, now, by: ctx.operator.id });
  return decisionOf(ctx.db, yearId, personId)!;
}

function auditShape(d: DecisionRecord | null | undefined) {
  return d
    ? { outcome: d.outcome, grade: d.grade, reason: d.reason, approvalDocNo: d.approvalDocNo, source: d.source }
    : null;
}

/** Checks one decision through the grade guard, then the reason and 文号 the committee must give. */
function checkDecision(
  view: YearView,
  input: DecideInput,
): { person: PersonView; differs: boolean; source: DecisionSource } {
  const person = assertGradeWrite(view, { path: 'decide', ...input });
  const name = `${person.dto.name}（${person.dto.personNo}）`;
  const s = suggestionOfRecord(person);
  const differs = s.outcome !== input.outcome || s.grade !== input.grade;
  if (person.dto.superiorAssessed) {
    // leaders assessed by the superior body: the grade comes from the superior's notice
    if (input.outcome === 'graded' && !input.approvalDocNo.trim())
      throw new AppError('INVALID_INPUT', `${name} 由上级考核：请填写上级通知的文号（等次按上级通知录入）。`, {
        field: 'approvalDocNo',
      });
    return { person, differs, source: 'superior' };
  }
  if (differs && input.reason.trim().length < 2) {
    const want = outcomeLabel(input.outcome, input.grade, person.dto.category);
    throw new AppError(
      'INVALID_INPUT',
      `${name}：最终结果“${want}”与建议“${s.label}”不同，请填写理由（将记入审计日志）。`,
      { field: 'reason' },
    );
  }
  return { person, differs, source: 'committee' };
}

export function decide(ctx: Ctx, input: DecideInput): DecisionRecord {
  return writeTx(ctx, () =>
    withoutInvalidating(ctx.db, () => {
      requireYear(ctx.db, input.yearId);
      const view = loadYearView(ctx, input.yearId);
      const { person, differs, source } = checkDecision(view, input);
      const before = person.decision ?? null;
      const saved = writeDecision(ctx, input.yearId, input.personId, {
        outcome: input.outcome,
        grade: input.grade,
        reason: input.reason.trim(),
        approvalDocNo: input.approvalDocNo.trim(),
        source,
      });
      const s = suggestionOfRecord(person);
      recordAudit(ctx, {
        action: 'yearend.decide',
        entity: 'yearend_decision',
        entityId: saved.id,
        before: { person: person.dto.personNo, name: person.dto.name, decision: auditShape(before), suggestion: s },
        after: {
          person: person.dto.personNo,
          name: person.dto.name,
          decision: auditShape(saved),
          differsFromSuggestion: differs,
        },
        reason: saved.reason || (saved.approvalDocNo ? `批准文号 ${saved.approvalDocNo}` : ''),
      });
      return saved;
    }),
  );
}

export interface BulkAcceptResult {
  accepted: number;
  skipped: { personId: string; name: string; reason: string }[];
}

/**
 * Accepts the suggestion of record for every undecided person of a department (or all). Leaders
 * assessed by the superior are skipped (their grade comes from the notice); excellent candidates are
 * accepted only when all of a unit's undecided candidates fit its remaining places — otherwise the
 * committee chooses, so they are left undecided and listed.
 */
export function bulkAccept(ctx: Ctx, input: { yearId: string; departmentId: string | null }): BulkAcceptResult {
  return writeTx(ctx, () =>
    withoutInvalidating(ctx.db, () => {
      const year = requireYear(ctx.db, input.yearId);
      const locked = stageRefusal(year.dto, 'bulk');
      if (locked) throw locked;
      const view = loadYearView(ctx, input.yearId);
      const targets = view.people.filter(
        (p) => !p.decision && (!input.departmentId || p.dto.unitId === input.departmentId),
      );
      const skipped: BulkAcceptResult['skipped'] = [];
      const candidatesByUnit = new Map<string, PersonView[]>();
      const accept: PersonView[] = [];
      for (const p of targets) {
        const s = suggestionOfRecord(p);
        // the suggestion of record was frozen at review; the rules read the records as they are now
        const bar = personRefusal(view, { path: 'bulk', personId: p.dto.id, ...s, approvalDocNo: '' }, 'batch');
        if (p.dto.superiorAssessed) {
          skipped.push({ personId: p.dto.id, name: p.dto.name, reason: '上级考核人员，请按上级通知逐一录入' });
        } else if (bar) {
          skipped.push({ personId: p.dto.id, name: p.dto.name, reason: bar.message });
        } else if (s.outcome === 'graded' && s.grade === 'excellent') {
          const l = candidatesByUnit.get(p.result.quotaUnitKey) ?? [];
          l.push(p);
          candidatesByUnit.set(p.result.quotaUnitKey, l);
        } else accept.push(p);
      }
      for (const [key, list] of candidatesByUnit) {
        const u = view.units.find((x) => x.key === key)!;
        const left = u.allowed + u.approvedOverrides - u.used;
        if (list.length <= left) accept.push(...list);
        else
          for (const p of list)
            skipped.push({
              personId: p.dto.id,
              name: p.dto.name,
              reason: `“${u.label}”优秀候选 ${list.length} 人，超过剩余名额 ${Math.max(0, left)} 名，请逐一决定`,
            });
      }
      for (const p of accept) {
        const s = suggestionOfRecord(p);
        const saved = writeDecision(ctx, input.yearId, p.dto.id, {
          outcome: s.outcome,
          grade: s.grade,
          reason: '',
          approvalDocNo: '',
          source: 'bulk',
        });
        recordAudit(ctx, {
          action: 'yearend.bulkAccept',
          entity: 'yearend_decision',
          entityId: saved.id,
          before: { person: p.dto.personNo, name: p.dto.name, decision: null, suggestion: s },
          after: { person: p.dto.personNo, name: p.dto.name, decision: auditShape(saved) },
          reason: '批量采纳建议',
        });
      }
      // the bulk step must leave every unit within its places (a base shrinking could break that)
      const decided = decisionsOf(ctx.db, input.yearId);
      const after = quotaUnitsWith({
        ev: view.ev,
        people: view.people.map((p) => ({ ...p, decision: decided.get(p.dto.id) })),
      });
      const refusal = unitsRefusal(after, 'bulk', quotaUnitsWith(view));
      if (refusal) throw refusal;
      return { accepted: accept.length, skipped };
    }),
  );
}

export { writeDecision, auditShape };
