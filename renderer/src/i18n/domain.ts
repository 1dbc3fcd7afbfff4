// The stored codes' names in each UI language. Chinese comes from shared (the one definition the
// printed sheets also use); English is here, typed against the same code lists so a new code
// without an English name fails the typecheck.
import { CATEGORY_LABEL, EVIDENCE_KIND_LABEL, RATING_LABEL, STAGE_LABEL } from '@shared/domain/labels';
import { ROLE_LABELS } from '@shared/auth/permissions';
import type { EvidenceKind, PeriodRatingValue, PersonCategory, Role, YearStage } from '@shared/domain/types';
import type { Gender } from '@shared/domain/person-choices';
import type { Lang } from './format';

const RATING_EN: Record<PeriodRatingValue, string> = {
  good: 'Good',
  fair: 'Fairly good',
  average: 'Average',
  poor: 'Poor',
};

/** The rating in a narrow cell (the workbench's period columns), the full name on hover. */
const RATING_SHORT_EN: Record<PeriodRatingValue, string> = { good: 'Good', fair: 'Fair', average: 'Avg', poor: 'Poor' };

const STAGE_EN: Record<YearStage, string> = {
  collecting: 'Collecting',
  review: 'Review (suggestions frozen)',
  notice: 'Public notice',
  final: 'Decided',
  archived: 'Archived',
};

const ROLE_EN: Record<Role | 'system', string> = {
  admin: 'System administrator',
  security: 'Security administrator',
  clerk: 'Assessment clerk',
  rater: 'Department rater',
  auditor: 'Auditor',
  system: 'System (command line)',
};

const EVIDENCE_KIND_EN: Record<EvidenceKind, string> = {
  commendation: 'Reward',
  sanction: 'Sanction',
  org_handling: 'Organisational measure',
  party_discipline: 'Party discipline',
  investigation: 'Investigation',
  leave: 'Leave',
  probation: 'Probation',
  transfer: 'Transfer',
  work: 'Work record',
  negative_list: 'Negative list',
  role_veto: 'Role veto',
  not_assessed: 'Not assessed',
};

const CATEGORY_EN: Record<PersonCategory, string> = {
  civil_servant: 'Civil servant',
  civil_servant_managed: 'Managed as civil servant',
  institution: 'Public institution',
};

/** The category in a narrow table cell (the roster), the full name on hover. */
const CATEGORY_SHORT_EN: Record<PersonCategory, string> = {
  civil_servant: 'Civil',
  civil_servant_managed: 'Managed',
  institution: 'Inst.',
};

/** 男 / 女 are stored as written; shown in English as the office's forms abbreviate them. */
const GENDER_EN: Record<Gender, string> = { 男: 'M', 女: 'F' };

/** Year-end results (grades and the outcomes without a grade) in English; Chinese keeps core's label. */
const RESULT_EN: Record<string, string> = {
  excellent: 'Excellent',
  competent: 'Competent',
  basic: 'Basically competent',
  incompetent: 'Incompetent',
  graded: 'Graded',
  comments_only: 'Comments only',
  deferred: 'Deferred',
  not_assessed: 'Not assessed',
};

/**
 * The workbench's flags are the engine's Chinese words (shared/rules/engine.ts) or an event's 细类,
 * data like a person's name; the known ones have an English name, the rest show as recorded.
 */
const FLAG_EN: Record<string, string> = {
  只写评语: 'Comments only',
  暂缓: 'Deferred',
  不参加考核: 'Not assessed',
  直接定为不称职: 'Incompetent by rule',
  受限: 'Limited',
  缺评: 'Rating missing',
  上级考核: 'Superior assesses',
  病事假: 'Sick/personal leave',
  试用期: 'Probation',
  警告: 'Warning',
  记过: 'Demerit',
  记大过: 'Major demerit',
  降级: 'Demotion',
  撤职: 'Removal from post',
  降低岗位等级: 'Lowered post grade',
  立案审查调查: 'Under investigation',
  调入: 'Transferred in',
  调出: 'Transferred out',
  借调: 'Seconded',
  嘉奖: 'Commendation',
};

/** The colour of a workbench flag: limits orange, a superior's assessment purple, a gap red. */
export function flagTone(flag: string): string {
  if (flag === '受限' || flag === '只写评语' || flag === '暂缓') return 'orange';
  if (flag === '上级考核') return 'purple';
  if (flag === '缺评') return 'red';
  return 'default';
}

export const DOMAIN_LABELS = {
  zh: {
    rating: RATING_LABEL,
    ratingShort: RATING_LABEL,
    stage: STAGE_LABEL,
    role: ROLE_LABELS,
    evidenceKind: EVIDENCE_KIND_LABEL,
    category: CATEGORY_LABEL,
    categoryShort: CATEGORY_LABEL,
    gender: (g: string) => g,
    flag: (f: string) => f,
    result: (_code: string, label: string) => label,
  },
  en: {
    rating: RATING_EN,
    ratingShort: RATING_SHORT_EN,
    stage: STAGE_EN,
    role: ROLE_EN,
    evidenceKind: EVIDENCE_KIND_EN,
    category: CATEGORY_EN,
    categoryShort: CATEGORY_SHORT_EN,
    gender: (g: string) => GENDER_EN[g as Gender] ?? g,
    flag: (f: string) => FLAG_EN[f] ?? f,
    result: (code: string, label: string) => RESULT_EN[code] ?? label,
  },
} satisfies Record<Lang, unknown>;
