// The domain's vocabulary as zod enums: one internal ordered scale, labelled per person category.
// Stored values are these English codes; labels live in shared/domain/labels.ts.
import { z } from 'zod';
import { isIsoDate } from './dates';

export const isoDate = z.string().refine(isIsoDate, { message: '日期应为 YYYY-MM-DD 格式的有效日期' });
export const id = z.string().min(1).max(64);

/** 人员类别: 公务员 / 参照公务员法管理 / 事业单位工作人员 */
export const personCategory = z.enum(['civil_servant', 'civil_servant_managed', 'institution']);
export type PersonCategory = z.infer<typeof personCategory>;

/** Annual grade, best to worst: 优秀 / 称职(合格) / 基本称职(基本合格) / 不称职(不合格) */
export const grade = z.enum(['excellent', 'competent', 'basic', 'incompetent']);
export type Grade = z.infer<typeof grade>;
export const GRADE_ORDER: readonly Grade[] = ['excellent', 'competent', 'basic', 'incompetent'];

/** Year-end outcome: graded, or one of the non-grade outcomes of the eligibility rules. */
export const outcome = z.enum(['graded', 'comments_only', 'deferred', 'not_assessed']);
export type Outcome = z.infer<typeof outcome>;

/** Quarterly (平时) rating: 好 / 较好 / 一般 / 较差 */
export const periodRatingValue = z.enum(['good', 'fair', 'average', 'poor']);
export type PeriodRatingValue = z.infer<typeof periodRatingValue>;
export const PERIOD_RATING_ORDER: readonly PeriodRatingValue[] = ['good', 'fair', 'average', 'poor'];

/** Period granularity of the regular assessment (configurable per year). */
export const periodKind = z.enum(['month', 'quarter', 'half']);
export type PeriodKind = z.infer<typeof periodKind>;

/** Evidence kinds recorded through the year; sub-kinds are validated per kind in evidenceSubKinds. */
export const evidenceKind = z.enum([
  'commendation', // 奖励
  'sanction', // 处分
  'org_handling', // 组织处理 / 诫勉
  'party_discipline', // 党纪处分
  'investigation', // 立案审查调查
  'leave', // 病假 / 事假
  'probation', // 试用期
  'transfer', // 调入 / 调出
  'work', // 工作实绩: key task, supervision notice, praise/complaint, training
  'negative_list', // 负面清单 item (optional veto)
  'role_veto', // e.g. party secretary whose party-building assessment is not 优
  'not_assessed', // manual: not assessed this year, with a reason
]);
export type EvidenceKind = z.infer<typeof evidenceKind>;

export const EVIDENCE_SUB_KINDS = {
  commendation: ['嘉奖', '记三等功', '记二等功', '记一等功', '荣誉称号', '通报表扬'],
  sanction: ['警告', '记过', '记大过', '降级', '撤职', '开除', '降低岗位等级'],
  org_handling: ['诫勉', '调整职务', '责令辞职', '免职', '降职'],
  party_discipline: ['党内警告', '严重警告', '撤销党内职务', '留党察看', '开除党籍'],
  investigation: ['立案审查调查'],
  leave: ['病假', '事假'],
  probation: ['试用期'],
  transfer: ['调入', '调出', '借调', '外派培训'],
  work: ['重点任务', '督查通报表扬', '督查通报批评', '群众表扬', '群众投诉', '培训学时'],
  negative_list: ['负面清单'],
  role_veto: ['党建考核未达优'],
  not_assessed: ['离开单位', '拒不参加', '其他'],
} as const satisfies Record<EvidenceKind, readonly string[]>;

export type EvidenceSubKind<K extends EvidenceKind = EvidenceKind> = (typeof EVIDENCE_SUB_KINDS)[K][number];

/** Roles of operators (等保: administrator, security and audit kept apart). */
export const role = z.enum(['admin', 'security', 'clerk', 'rater', 'auditor']);
export type Role = z.infer<typeof role>;

/** Stages of a unit's year, in order. */
export const yearStage = z.enum(['collecting', 'review', 'notice', 'final', 'archived']);
export type YearStage = z.infer<typeof yearStage>;
