// The counts the pack prints, taken from the engine (shared/rules/quota.ts): the quota units with
// their places, approvals and the leaders assessed by the superior counted apart, and the engine's
// tally per grade and outcome. No sheet counts on its own: a pack person becomes the engine's quota
// member, so the paper says what the workbench and `yearend.quota` say.
import { plainArrows } from './trace-sentence';
import { isInstitution } from '../domain/labels';
import type { Grade, PersonCategory } from '../domain/types';
import {
  computeQuotaUnits,
  quotaUnitOf,
  tallyOutcomes,
  type OutcomeTally,
  type QuotaMember,
  type QuotaUnitSummary,
} from '../rules';
import { percent } from './format';
import type { PackData, PackPerson } from './pack-data';

export type { OutcomeTally };

/** A pack person as the engine counts them: the printed result is the decision (or the suggestion). */
export function packMember(data: Pick<PackData, 'unit'>, p: PackPerson): QuotaMember {
  return {
    personId: p.id,
    category: p.category,
    agencyId: data.unit.id,
    departmentId: p.departmentId,
    departmentName: p.departmentName,
    superiorAssessed: !!p.superiorAssessed,
    outcome: p.result.outcome,
    suggestedGrade: p.result.suggestedGrade,
    finalGrade: p.result.outcome === 'graded' ? (p.result.finalGrade ?? p.result.suggestedGrade) : null,
    finalOutcome: p.result.outcome,
    approvalDocNo: p.result.approvalDocNo ?? '',
  };
}

/** The year's quota units over everyone of the pack (a department's sheet prints the unit's places). */
export function packUnits(data: PackData): QuotaUnitSummary[] {
  return computeQuotaUnits(
    data.persons.map((p) => packMember(data, p)),
    data.year.settings,
  );
}

/** The engine's tally of the given persons (a scope, a department). */
export function packTally(data: Pick<PackData, 'unit'>, persons: readonly PackPerson[]): OutcomeTally {
  return tallyOutcomes(persons.map((p) => packMember(data, p)));
}

export function gradedOf(t: OutcomeTally): number {
  return t.grades.excellent + t.grades.competent + t.grades.basic + t.grades.incompetent;
}

const GRADES: readonly Grade[] = ['excellent', 'competent', 'basic', 'incompetent'];

/** "优秀 2 人，称职 1 人" — only the grades present; "" when none. */
function gradesText(t: OutcomeTally, cats: readonly PersonCategory[]): string {
  return GRADES.filter((g) => t.grades[g])
    .map((g) => `${gradeHeading(g, cats)} ${t.grades[g]} 人`)
    .join('，');
}

/**
 * One line per quota unit the persons belong to, as the engine counted it: "全单位·公务员（含参公）：
 * 优秀 19 名，名额 18 名（基数 92 人 × 20% = 18.4，向下取整 → 18 名），经批准超出 1 名（批准文号
 * 区考核委〔2026〕9号）。" Then the superior-assessed leaders of those units, apart, with the notice 文号.
 */
export function quotaLinesOf(data: PackData, persons: readonly PackPerson[]): string[] {
  // the units the printed persons belong to (the engine's own key), counted over the whole year
  const keys = new Set(persons.map((p) => quotaUnitOf(packMember(data, p), data.year.settings).key));
  const units = packUnits(data).filter((u) => keys.has(u.key));
  const out: string[] = [];
  for (const u of units) {
    const docs = [...new Set(u.approvals.map((a) => a.docNo))];
    out.push(
      `${u.label}：优秀 ${u.used} 名，名额 ${u.allowed} 名（${plainArrows(u.explanation)}）` +
        (u.approvedOverrides ? `，经批准超出名额 ${u.approvedOverrides} 名（批准文号：${docs.join('、')}）` : '') +
        (u.over ? `，超出名额 ${u.used - u.allowed - u.approvedOverrides} 名且无批准文号` : '') +
        '。',
    );
  }
  const leaders = persons.filter((p) => p.superiorAssessed);
  if (leaders.length) {
    const t = packTally(data, leaders);
    const docs = [...new Set(leaders.map((p) => (p.result.approvalDocNo ?? '').trim()).filter(Boolean))];
    const graded = gradesText(
      t,
      leaders.map((p) => p.category),
    );
    out.push(
      `上级考核的领导班子成员 ${leaders.length} 人另计，不占本单位优秀名额${graded ? `：${graded}` : ''}` +
        `（等次按上级通知${docs.length ? `，文号：${docs.join('、')}` : '，尚未录入通知文号'}）。`,
    );
  }
  return out;
}

/** The excellent share of the graded persons of a tally ("—" when none is graded). */
export function excellentShare(t: OutcomeTally): string {
  const graded = gradedOf(t);
  return graded ? percent(t.grades.excellent / graded) : '—';
}

/** "称职/合格" when both populations are present, else the one scale's label. */
export function gradeHeading(grade: Grade, categories: readonly PersonCategory[]): string {
  const civil = { excellent: '优秀', competent: '称职', basic: '基本称职', incompetent: '不称职' }[grade];
  const inst = { excellent: '优秀', competent: '合格', basic: '基本合格', incompetent: '不合格' }[grade];
  const hasInst = categories.some(isInstitution);
  const hasCivil = categories.some((c) => !isInstitution(c));
  if (civil === inst) return civil;
  if (hasInst && hasCivil) return `${civil}（${inst}）`;
  return hasInst ? inst : civil;
}
