// The grade guard, store half: the one check every grade write passes before it touches
// yearend_decision — the stage lock of its path, the person's eligibility (shared/rules/guard.ts)
// and the quota with its approvals. A refusal is an AppError naming the rule, the person and the
// record; the caller writes nothing. Paths: 决定 (decide), 批量采纳 (bulk), 复核/申诉 outcome
// (redress), 补定等次 (deferred_grade). History import asks historyYearRefusal (shared) instead.
import { AppError } from '../../../shared/result';
import { STAGE_LABEL } from '../../../shared/domain/labels';
import type { AssessmentYearDto } from '../../../shared/domain/records';
import type { Grade, Outcome } from '../../../shared/domain/types';
import { eligibilityRefusal } from '../../../shared/rules/guard';
import { quotaUnitsWith, type PersonView, type QuotaUnitView, type YearView } from './view';

export type GradeWritePath = 'decide' | 'bulk' | 'redress' | 'deferred_grade';

export const PATH_LABEL: Record<GradeWritePath, string> = {
  decide: '录入考核决定',
  bulk: '批量采纳建议',
  redress: '录入复核或申诉结果',
  deferred_grade: '补定等次',
};

export interface GradeWrite {
  path: GradeWritePath;
  personId: string;
  outcome: Outcome;
  grade: Grade | null;
  approvalDocNo: string;
}

/** Committee decisions are open in review and notice; a decided year changes only by redress. */
export function stageRefusal(year: AssessmentYearDto, path: GradeWritePath): AppError | null {
  const open = path === 'decide' || path === 'bulk';
  if (open) {
    if (year.stage === 'review' || year.stage === 'notice') return null;
    if (year.stage === 'collecting')
      return new AppError(
        'LOCKED',
        `${year.year} 年度尚在“${STAGE_LABEL.collecting}”阶段：请先进入“审核”阶段（冻结建议），再${PATH_LABEL[path]}。`,
        { stage: year.stage, path },
      );
    return new AppError(
      'LOCKED',
      `${year.year} 年度考核${STAGE_LABEL[year.stage]}，考核决定已锁定；如需变更，请在“复核与申诉”中登记复核或申诉并录入其结果。`,
      { stage: year.stage, path },
    );
  }
  if (year.stage === 'final' || year.stage === 'archived') return null;
  return new AppError(
    'LOCKED',
    `${year.year} 年度尚未定档（当前：${STAGE_LABEL[year.stage]}），不能${PATH_LABEL[path]}。定档前请直接在年终考核工作台修改考核决定，无需复核或申诉。`,
    { stage: year.stage, path },
  );
}

/**
 * The refusal of a write that would put a unit over its places. `u` is the unit with the write,
 * `decided` the unit as it stands: the message counts the excellent grades actually decided, then
 * what the write would add (a refused 19th is not "已定优秀 19 名" when 18 are decided).
 */
export function quotaMessage(u: QuotaUnitView, decided: QuotaUnitView | undefined): string {
  const now = decided?.used ?? u.used;
  const approved = decided?.approvedOverrides ?? u.approvedOverrides;
  const adds = u.used - now;
  const approvals = approved ? `，其中经批准超出 ${approved} 名` : '';
  const effect = adds > 0 ? `，再定 ${adds} 名优秀将超出名额` : `，调整后名额为 ${u.allowed} 名，已超出`;
  return `“${u.label}”优秀名额已满（${u.explanation}；已定优秀 ${now} 名${approvals}${effect}）。如经批准超出名额，请填写批准文号。`;
}

/**
 * The quota matters when the write adds an excellent grade or changes an outcome the base is
 * counted from; otherwise the units cannot get worse and the O(people) recount is skipped.
 */
function touchesQuota(p: PersonView, w: GradeWrite): boolean {
  if (w.grade === 'excellent') return true;
  const counted = p.decision ? p.decision.outcome : (p.frozen?.outcome ?? p.result.suggestion.outcome);
  return counted !== w.outcome;
}

/**
 * Eligibility and quota for one person; the stage is checked once per call by the path. A batch
 * (bulk accept) passes quota 'batch' and checks every unit once after its writes (unitsRefusal).
 */
export function personRefusal(
  view: Pick<YearView, 'ev' | 'people' | 'byId'>,
  w: GradeWrite,
  quota: 'each' | 'batch' = 'each',
): AppError | null {
  const p = view.byId.get(w.personId);
  if (!p) return new AppError('NOT_FOUND', '该人员不在本年度的考核名单中，请刷新后重试。', { personId: w.personId });
  const name = `${p.dto.name}（${p.dto.personNo}）`;
  if (w.outcome === 'graded' && !w.grade)
    return new AppError('INVALID_INPUT', `${name}：确定等次时请选择考核等次。`, { field: 'grade' });
  if (w.outcome !== 'graded' && w.grade)
    return new AppError('INVALID_INPUT', `${name}：不定等次的结果不能同时选择等次，请清空等次。`, { field: 'grade' });
  const bar = eligibilityRefusal(p.result.eligibility, p.dto, { outcome: w.outcome, grade: w.grade });
  if (bar)
    return new AppError('RULE', `${PATH_LABEL[w.path]}未保存：${bar.message}`, {
      path: w.path,
      personId: w.personId,
      ruleId: bar.ruleId,
      records: p.result.eligibility.fired.find((f) => f.ruleId === bar.ruleId)?.records.map((r) => r.id) ?? [],
    });
  // leaders assessed by the superior body sit outside the unit's places
  if (quota === 'batch' || p.dto.superiorAssessed || !touchesQuota(p, w)) return null;
  const after = quotaUnitsWith(view, {
    personId: w.personId,
    outcome: w.outcome,
    grade: w.grade,
    approvalDocNo: w.approvalDocNo,
  });
  const own = after.find((u) => u.key === p.result.quotaUnitKey);
  // places shared by largest remainder: a change of base here can take a place from a unit beside it
  const unit = own?.over ? own : own?.sharing === 'largest_remainder' ? sharedOver(after, own, view) : own;
  if (unit?.over)
    return new AppError(
      'QUOTA',
      `${name}：${quotaMessage(
        unit,
        quotaUnitsWith(view).find((u) => u.key === unit.key),
      )}`,
      {
        path: w.path,
        unitKey: unit.key,
        used: unit.used,
        allowed: unit.allowed,
        approvedOverrides: unit.approvedOverrides,
      },
    );
  return null;
}

/** The unit of the same group that the write puts (further) over its places, if any. */
function sharedOver(
  after: QuotaUnitView[],
  own: QuotaUnitView,
  view: Pick<YearView, 'ev' | 'people'>,
): QuotaUnitView | undefined {
  const overBy = (u: QuotaUnitView) => u.used - u.allowed - u.approvedOverrides;
  const before = new Map(quotaUnitsWith(view).map((u) => [u.key, u]));
  return after.find((u) => {
    if (u.group !== own.group || !u.over) return false;
    const b = before.get(u.key);
    return !b || overBy(u) > overBy(b);
  });
}

/** Throws the first refusal of a grade write: stage lock, eligibility, quota. */
export function assertGradeWrite(view: YearView, w: GradeWrite): PersonView {
  const refusal = stageRefusal(view.ev.year.dto, w.path) ?? personRefusal(view, w);
  if (refusal) throw refusal;
  return view.byId.get(w.personId)!;
}

/** After a batch of writes: the first unit over its places plus approvals, as the refusal. */
export function unitsRefusal(
  units: QuotaUnitView[],
  path: GradeWritePath,
  before: readonly QuotaUnitView[] = [],
): AppError | null {
  const over = units.find((u) => u.over);
  if (!over) return null;
  const decided = before.find((u) => u.key === over.key);
  return new AppError('QUOTA', `${PATH_LABEL[path]}后${quotaMessage(over, decided)}未做任何修改。`, {
    path,
    unitKey: over.key,
  });
}
