// The records of the store as they cross the contract (camelCase DTOs of the SQL rows).
// Capabilities' API files build their inputs and outputs from these.
import { z } from 'zod';
import { evidenceKind, grade, id, isoDate, outcome, periodRatingValue, personCategory, yearStage } from './types';

const text = (max: number) => z.string().max(max);
/** YYYY-MM (出生年月, 任现职时间) */
export const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为 YYYY-MM 格式的年月');

export const unitDto = z.object({
  id,
  parentId: id.nullable(),
  kind: z.enum(['agency', 'department']),
  name: text(100),
  code: text(40).nullable(),
  sortOrder: z.number().int(),
});
export type UnitDto = z.infer<typeof unitDto>;

export const personDto = z.object({
  id,
  personNo: text(40), // 人员编号
  name: text(40),
  gender: z.enum(['男', '女']).nullable(),
  birthMonth: yearMonth.nullable(),
  politicalStatus: text(40).nullable(),
  education: text(40).nullable(),
  unitId: id,
  unitName: text(100),
  position: text(100).nullable(),
  positionSince: yearMonth.nullable(),
  category: personCategory,
  duties: text(500).nullable(),
  hireDate: isoDate.nullable(),
  probationEnd: isoDate.nullable(),
  superiorAssessed: z.boolean(),
  /** masked on output (110101********1234); the full number never leaves main */
  idCardMasked: text(18).nullable(),
  status: z.enum(['active', 'left']),
  leftDate: isoDate.nullable(),
  leftReason: text(200).nullable(),
  updatedAt: z.string(),
});
export type PersonDto = z.infer<typeof personDto>;

export const assessmentYearDto = z.object({
  id,
  unitId: id, // the agency
  unitName: text(100),
  year: z.number().int().min(2000).max(2100),
  stage: yearStage,
  noticeStart: isoDate.nullable(),
  finalizedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type AssessmentYearDto = z.infer<typeof assessmentYearDto>;

export const periodDto = z.object({
  id,
  yearId: id,
  code: text(10), // 2026Q1
  label: text(20), // 第一季度
  seq: z.number().int(),
  startDate: isoDate,
  endDate: isoDate,
  reviewStatus: z.enum(['open', 'reviewed']),
});
export type PeriodDto = z.infer<typeof periodDto>;

export const periodRatingDto = z.object({
  id,
  periodId: id,
  personId: id,
  unitId: id,
  workRecord: text(4000), // 工作纪实
  selfAssessment: text(2000),
  rating: periodRatingValue.nullable(),
  comment: text(1000),
  rater: text(40),
  updatedAt: z.string(),
});
export type PeriodRatingDto = z.infer<typeof periodRatingDto>;

export const evidenceDto = z.object({
  id,
  personId: id,
  kind: evidenceKind,
  subKind: text(40),
  date: isoDate,
  endDate: isoDate.nullable(),
  days: z.number().nullable(),
  description: text(2000),
  docNo: text(100), // 文号
  details: z.record(z.string(), z.unknown()),
  status: z.enum(['active', 'voided']),
  voidReason: text(500).nullable(),
  recordedBy: text(40),
  updatedAt: z.string(),
});
export type EvidenceDto = z.infer<typeof evidenceDto>;

export const historyGradeDto = z.object({
  personId: id,
  year: z.number().int(),
  outcome,
  grade: grade.nullable(),
});
export type HistoryGradeDto = z.infer<typeof historyGradeDto>;
