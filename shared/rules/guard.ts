// The grade guard, pure half: which final results a person's eligibility allows, and why each other
// result is not allowed. Every path that writes a grade (decision, bulk accept, 复核/申诉 outcome,
// 补定等次) asks this first; the store side (electron/core/yearend/grade-guard.ts) adds the quota
// and the stage locks. The rule is never overridden: if the records are wrong, correct the records.
import { gradeLabel, OUTCOME_LABEL } from '../domain/labels';
import { GRADE_ORDER, type Grade, type Outcome, type PersonCategory } from '../domain/types';
import { EFFECT_LABEL } from './eligibility';
import type { Eligibility, FiredRule } from './types';

export interface ResultChoice {
  outcome: Outcome;
  grade: Grade | null;
}

/** One final result as offered to the committee: allowed or not, and the rule that bars it. */
export interface ChoiceVerdict extends ResultChoice {
  label: string;
  allowed: boolean;
  /** empty when allowed; else "依据规则…" naming the rule and its records */
  reason: string;
  /** the rule that bars it (null when allowed, or when barred only because the person is graded) */
  ruleId: string | null;
}

/** Every result the committee could pick, best first (the order of the workbench select). */
export const ALL_CHOICES: readonly ResultChoice[] = [
  ...GRADE_ORDER.map((g) => ({ outcome: 'graded' as const, grade: g })),
  { outcome: 'comments_only', grade: null },
  { outcome: 'deferred', grade: null },
  { outcome: 'not_assessed', grade: null },
];

export function choiceText(c: ResultChoice, category: PersonCategory): string {
  return c.outcome === 'graded' && c.grade ? gradeLabel(c.grade, category) : OUTCOME_LABEL[c.outcome];
}

/** "规则“当年受警告处分”（受限：不得定为优秀）：当年：警告；记录：2026-04-01 警告（纪〔2026〕3号）" */
export function ruleBasis(f: FiredRule): string {
  const records = f.records.map((r) => r.text).join('；');
  return `规则“${f.label}”（${EFFECT_LABEL[f.effect]}）${f.note ? `：${f.note}` : ''}${records ? `；记录：${records}` : ''}`;
}

const CAP_RANK: Record<string, number> = { max_competent: 1, max_basic: 2, max_incompetent: 3 };

/** The rule that bars a choice for this eligibility, or null when the choice is allowed. */
function barOf(e: Eligibility, c: ResultChoice): { rule: FiredRule | null; why: string } | null {
  if (e.outcome !== 'graded') {
    if (c.outcome === e.outcome && c.grade === null) return null;
    return { rule: e.winning, why: `按规则应为“${OUTCOME_LABEL[e.outcome]}”` };
  }
  if (c.outcome !== 'graded' || !c.grade)
    return { rule: null, why: '未触发只写评语、暂缓或不参加考核的规则，应确定等次' };
  if (e.forcedIncompetent) {
    if (c.grade === 'incompetent') return null;
    return {
      rule: e.fired.find((f) => f.effect === 'forced_incompetent') ?? null,
      why: '应直接确定为不称职（不合格）',
    };
  }
  if (e.maxGrade && GRADE_ORDER.indexOf(c.grade) < GRADE_ORDER.indexOf(e.maxGrade)) {
    // the cap that actually bars this grade: the first fired cap at or below the grade asked for
    const rank = GRADE_ORDER.indexOf(c.grade);
    const rule = e.fired.find((f) => f.effect.startsWith('max_') && (CAP_RANK[f.effect] ?? 0) > rank) ?? null;
    return { rule, why: '受限' };
  }
  return null;
}

/** Each possible result for this person, allowed or not, with the reason a barred one is not offered. */
export function choicesFor(e: Eligibility, category: PersonCategory): ChoiceVerdict[] {
  return ALL_CHOICES.map((c) => {
    const label = choiceText(c, category);
    const bar = barOf(e, c);
    if (!bar) return { ...c, label, allowed: true, reason: '', ruleId: null };
    const reason = bar.rule ? `不能确定为“${label}”：依据${ruleBasis(bar.rule)}` : `不能确定为“${label}”：${bar.why}`;
    return { ...c, label, allowed: false, reason, ruleId: bar.rule?.ruleId ?? null };
  });
}

/** The refusal of one result for one person ("张三（A01）不能确定为“优秀”：依据规则…"), or null. */
export function eligibilityRefusal(
  e: Eligibility,
  person: { name: string; personNo: string; category: PersonCategory },
  c: ResultChoice,
): { ruleId: string | null; message: string } | null {
  const v = choicesFor(e, person.category).find((x) => x.outcome === c.outcome && x.grade === c.grade);
  if (!v || v.allowed) return null;
  const allowed = choicesFor(e, person.category)
    .filter((x) => x.allowed)
    .map((x) => `“${x.label}”`)
    .join('、');
  return {
    ruleId: v.ruleId,
    message: `${person.name}（${person.personNo}）${v.reason}。按规则只能确定为${allowed}；如记录有误，请先更正记录（更正留审计），不能以决定代替规则。`,
  };
}

/**
 * History import writes earlier years only: a year the store assesses itself (any stage), the
 * calendar year and later come from the year-end decisions, never from a spreadsheet.
 */
export function historyYearRefusal(
  year: number,
  calendarYear: number,
  assessedYears: readonly number[],
): string | null {
  if (assessedYears.includes(year))
    return `年度 ${year} 在本系统中进行年终考核，其结果只能由考核决定（或复核、申诉、补定等次）确定，不能导入`;
  if (year >= calendarYear) return `年度 ${year} 不是往年：本年度及以后的结果在年终考核中确定，不能导入`;
  return null;
}
