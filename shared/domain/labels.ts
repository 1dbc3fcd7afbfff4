// Chinese labels for the stored codes. The grade label depends on the person's category.
import type { EvidenceKind, Grade, Outcome, PeriodRatingValue, PersonCategory, Role, YearStage } from './types';

export const CATEGORY_LABEL: Record<PersonCategory, string> = {
  civil_servant: '公务员',
  civil_servant_managed: '参公',
  institution: '事业',
};

const CIVIL_GRADES: Record<Grade, string> = {
  excellent: '优秀',
  competent: '称职',
  basic: '基本称职',
  incompetent: '不称职',
};
const INSTITUTION_GRADES: Record<Grade, string> = {
  excellent: '优秀',
  competent: '合格',
  basic: '基本合格',
  incompetent: '不合格',
};

export function isInstitution(category: PersonCategory): boolean {
  return category === 'institution';
}

export function gradeLabel(grade: Grade, category: PersonCategory): string {
  return (isInstitution(category) ? INSTITUTION_GRADES : CIVIL_GRADES)[grade];
}

export const OUTCOME_LABEL: Record<Outcome, string> = {
  graded: '确定等次',
  comments_only: '只写评语，不定等次',
  deferred: '暂缓确定等次',
  not_assessed: '不参加考核',
};

export const RATING_LABEL: Record<PeriodRatingValue, string> = {
  good: '好',
  fair: '较好',
  average: '一般',
  poor: '较差',
};

export const EVIDENCE_KIND_LABEL: Record<EvidenceKind, string> = {
  commendation: '奖励',
  sanction: '处分',
  org_handling: '组织处理',
  party_discipline: '党纪处分',
  investigation: '立案审查调查',
  leave: '请假',
  probation: '试用期',
  transfer: '调动',
  work: '工作实绩',
  negative_list: '负面清单',
  role_veto: '岗位否决',
  not_assessed: '不参加考核',
};

export const ROLE_LABEL: Record<Role, string> = {
  admin: '系统管理员',
  security: '安全管理员',
  clerk: '考核办经办人',
  rater: '部门评价人',
  auditor: '审计员',
};

export const STAGE_LABEL: Record<YearStage, string> = {
  collecting: '平时采集',
  review: '审核（建议已冻结）',
  notice: '公示',
  final: '已定档',
  archived: '已归档',
};

/** Result codes for personnel systems (domain.md, 备案表). */
export function resultCode(outcome: Outcome, grade: Grade | null): 1 | 2 | 3 | 4 | 5 | 6 {
  if (outcome === 'not_assessed') return 6;
  if (outcome !== 'graded' || grade === null) return 5;
  return ({ excellent: 1, competent: 2, basic: 3, incompetent: 4 } as const)[grade];
}
