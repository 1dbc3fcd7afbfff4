// 补定等次 after an investigation closes: the same step that decides the grade can record the case's
// closing (结案日期, 结案结果, the sanction it led to) on the investigation record, inside the redress
// transaction — the one way past the decided year's lock on its evidence — so the grade guard then
// reads the closed case, and a refusal leaves the investigation open as it was.
import { AppError } from '../../../shared/result';
import { compareIso } from '../../../shared/domain/dates';
import { evidenceInputOf } from '../../../shared/evidence/storage';
import type { InvestigationOutcome } from '../../../shared/evidence/fields';
import type { Ctx } from '../context';
import { updateEvidence } from '../evidence/evidence-service';
import type { EvidenceRow as EvidenceTableRow } from '../db/rows';
import { many, one } from '../db/query';

export interface InvestigationClosing {
  /** the 立案审查调查 record the person was deferred by; null = their one open investigation */
  evidenceId: string | null;
  endDate: string;
  closingOutcome: InvestigationOutcome;
  /** the sanction record a heavier outcome led to (recorded beforehand in 事件记录) */
  linkedEvidenceId: string | null;
}

type EvidenceRow = Omit<EvidenceTableRow, 'void_reason' | 'recorded_by' | 'created_at' | 'updated_at' | 'updated_by'>;

/** Closes the case; the caller holds the transaction and the year's unlock row. */
export function recordInvestigationClosing(
  ctx: Ctx,
  redress: { personId: string; personName: string; personNo: string; kind: string },
  decisionOn: string,
  closing: InvestigationClosing,
): void {
  const who = `${redress.personName}（${redress.personNo}）`;
  if (redress.kind !== 'deferred_grade')
    throw new AppError('INVALID_INPUT', '只有补定等次可以同时录入立案审查调查的结案情况。', { field: 'closing' });
  const ev = closing.evidenceId
    ? one<EvidenceRow>(ctx.db, 'SELECT * FROM evidence WHERE id = ?', closing.evidenceId)
    : theOpenInvestigation(ctx, redress.personId, who);
  if (!ev || ev.person_id !== redress.personId || ev.kind !== 'investigation' || ev.status !== 'active')
    throw new AppError('INVALID_INPUT', `所选记录不是${who}的立案审查调查记录，请重新选择。`, {
      field: 'closing.evidenceId',
    });
  if (ev.end_date)
    throw new AppError(
      'CONFLICT',
      `${who}的立案审查调查（${ev.date} 立案）已于 ${ev.end_date} 结案，无需再录入结案情况。`,
      { field: 'closing.endDate' },
    );
  if (compareIso(closing.endDate, decisionOn) > 0)
    throw new AppError('INVALID_INPUT', `结案日期（${closing.endDate}）不能晚于补定等次的决定日期（${decisionOn}）。`, {
      field: 'closing.endDate',
    });
  const stored = evidenceInputOf({
    personId: ev.person_id,
    kind: ev.kind,
    subKind: ev.sub_kind,
    date: ev.date,
    endDate: ev.end_date,
    days: ev.days,
    description: ev.description,
    docNo: ev.doc_no,
    details: JSON.parse(ev.details_json) as Record<string, unknown>,
  });
  // the evidence capability's own validation (结案日期 not before 立案, a linked sanction of the same
  // person, no link for 未予处分) and its audit entry, in this transaction
  updateEvidence(ctx, ev.id, {
    ...stored,
    endDate: closing.endDate,
    closingOutcome: closing.closingOutcome,
    linkedEvidenceId: closing.linkedEvidenceId,
  });
}

function theOpenInvestigation(ctx: Ctx, personId: string, who: string): EvidenceRow {
  const open = many<EvidenceRow>(
    ctx.db,
    "SELECT * FROM evidence WHERE person_id = ? AND kind = 'investigation' AND status = 'active' AND end_date IS NULL ORDER BY date",
    personId,
  );
  if (open.length === 0)
    throw new AppError('INVALID_INPUT', `${who}没有未结案的立案审查调查记录，无需录入结案情况。`, {
      field: 'closing.evidenceId',
    });
  if (open.length > 1)
    throw new AppError(
      'INVALID_INPUT',
      `${who}有 ${open.length} 条未结案的立案审查调查（${open.map((e) => `${e.date} 立案`).join('、')}），请指定要结案的记录。`,
      { field: 'closing.evidenceId' },
    );
  return open[0]!;
}
