// Counts the pack's tables print: persons per grade and per non-grade outcome, and the excellent
// share against the quota cap of the year's settings (per population when they are counted apart).
import { isInstitution } from '../domain/labels';
import type { Grade, Outcome, PersonCategory } from '../domain/types';
import type { YearSettings } from '../settings/year-settings';
import { percent } from './format';
import type { PackPerson } from './pack-data';

export interface OutcomeCounts {
  due: number; // 应参加考核
  assessed: number; // 实际参加考核 (everyone but 不参加)
  grades: Record<Grade, number>;
  commentsOnly: number;
  deferred: number;
  notAssessed: number;
}

export function countOutcomes(persons: readonly PackPerson[]): OutcomeCounts {
  const c: OutcomeCounts = {
    due: persons.length,
    assessed: 0,
    grades: { excellent: 0, competent: 0, basic: 0, incompetent: 0 },
    commentsOnly: 0,
    deferred: 0,
    notAssessed: 0,
  };
  for (const p of persons) {
    const o: Outcome = p.result.outcome;
    if (o !== 'not_assessed') c.assessed++;
    if (o === 'graded') {
      const g = p.result.finalGrade ?? p.result.suggestedGrade;
      if (g) c.grades[g]++;
    } else if (o === 'comments_only') c.commentsOnly++;
    else if (o === 'deferred') c.deferred++;
    else c.notAssessed++;
  }
  return c;
}

function roundBy(x: number, rounding: YearSettings['quota']['rounding']): number {
  // a tiny epsilon keeps 0.2 × 25 = 5 from becoming 4.999… and rounding down
  return rounding === 'floor' ? Math.floor(x + 1e-9) : rounding === 'ceil' ? Math.ceil(x - 1e-9) : Math.round(x);
}

export interface QuotaLine {
  population: string; // '' when everyone is counted together
  excellent: number;
  base: number;
  share: number; // excellent / base
  capShare: number;
  cap: number;
  over: boolean;
}

/** The excellent share against the cap, per population when the settings count them apart. */
export function quotaLines(persons: readonly PackPerson[], settings: YearSettings): QuotaLine[] {
  const q = settings.quota;
  const capShare = q.raisedApprovalDocNo ? q.raisedShare : q.share;
  const groups = new Map<string, PackPerson[]>();
  for (const p of persons) {
    const key = q.separatePopulations ? (isInstitution(p.category) ? '事业单位工作人员' : '公务员（含参公）') : '';
    const list = groups.get(key) ?? [];
    list.push(p);
    groups.set(key, list);
  }
  return [...groups.entries()].map(([population, list]) => {
    const c = countOutcomes(list);
    const graded = c.grades.excellent + c.grades.competent + c.grades.basic + c.grades.incompetent;
    const base = graded + (q.baseIncludesUngraded ? c.commentsOnly + c.deferred : 0);
    const cap = roundBy(base * capShare, q.rounding);
    return {
      population,
      excellent: c.grades.excellent,
      base,
      share: base ? c.grades.excellent / base : 0,
      capShare,
      cap,
      over: c.grades.excellent > cap,
    };
  });
}

export function quotaText(line: QuotaLine): string {
  return `${line.population ? `${line.population}：` : ''}优秀 ${line.excellent} 人，占确定等次人数 ${line.base} 人的 ${percent(line.share)}，比例上限 ${percent(line.capShare)}（最多 ${line.cap} 人）${line.over ? '，超出上限' : ''}。`;
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
