// Contract of evidence of the year, the per-person timeline and the progress dashboard.
import { z } from 'zod';
import { method } from './contract';
import { jobState } from './jobs';
import { evidenceDto } from '../domain/records';
import { evidenceKind, id, isoDate, periodRatingValue, personCategory, yearStage } from '../domain/types';
import { evidenceInput } from '../evidence/fields';
import { attachmentView } from './attachments';
import { EVIDENCE_FIELDS as F, tooLong } from '../domain/fields';

const text = (max: number) => z.string().max(max);
const period = z.object({ start: isoDate, end: isoDate, months: z.number().int() });

/** An evidence row as the list and the timeline show it: the record, its person, computed facts. */
export const evidenceView = evidenceDto.extend({
  personNo: text(40),
  personName: text(40),
  unitId: id,
  unitName: text(100),
  createdAt: z.string(),
  /** 处分期 (sanctions with a configured period) */
  effectPeriod: period.nullable(),
  /** investigations: open or closed as of today */
  investigationState: z.enum(['open', 'closed', 'not_started']).nullable(),
  /** leave: the person's summed sick + personal leave days in the year of this item's start */
  yearLeaveTotal: z.number().nullable(),
});
export type EvidenceView = z.infer<typeof evidenceView>;

export const evidenceFilter = z.strictObject({
  year: z.number().int().min(2000).max(2100).optional(),
  kind: evidenceKind.optional(),
  unitId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  status: z.enum(['active', 'voided', 'all']).default('all'),
  search: z.string().trim().max(40).optional(),
  personId: id.optional(),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type EvidenceFilter = z.input<typeof evidenceFilter>;

export const timelineEntry = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('rating'),
    date: isoDate,
    periodId: id,
    periodCode: text(10),
    periodLabel: text(20),
    rating: periodRatingValue.nullable(),
    workRecord: text(4000),
    comment: text(1000),
    rater: text(40),
  }),
  z.object({
    type: z.literal('evidence'),
    date: isoDate,
    item: evidenceView,
    /** 证明材料 still attached (removed ones are in the audit log) */
    attachments: z.array(attachmentView),
  }),
]);
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const personTimeline = z.object({
  person: z.object({
    id,
    personNo: text(40),
    name: text(40),
    unitId: id,
    unitName: text(100),
    category: personCategory,
    status: z.enum(['active', 'left']),
  }),
  year: z.number().int(),
  assessmentYear: z.object({ id, stage: yearStage }).nullable(),
  entries: z.array(timelineEntry),
  leaveDays: z.number(),
  leaveThreshold: z.number(),
});
export type PersonTimeline = z.infer<typeof personTimeline>;

const count = z.number().int().min(0);

export const dashboardDto = z.object({
  year: z.object({ id, year: z.number().int(), unitId: id, unitName: text(100), stage: yearStage }).nullable(),
  asOf: isoDate,
  years: z.array(z.object({ id, year: z.number().int(), unitName: text(100) })),
  periods: z.array(
    z.object({
      id,
      code: text(10),
      label: text(20),
      startDate: isoDate,
      endDate: isoDate,
      state: z.enum(['past', 'current', 'future']),
    }),
  ),
  currentPeriodId: id.nullable(),
  people: count,
  /** rated / missing of the current period (or the last started one) */
  ratedThisPeriod: count,
  missingThisPeriod: count,
  /** per department and started period */
  progress: z.array(
    z.object({
      unitId: id,
      unitName: text(100),
      periodId: id,
      expected: count,
      rated: count,
      missing: count,
      good: count,
    }),
  ),
  /** periods left out at year end: not reviewed while the settings count reviewed periods only */
  reviewCounting: z.object({
    onlyReviewedCount: z.boolean(),
    leftOut: z.array(z.object({ periodId: id, label: text(20), rated: count })),
    /** the sentence the dashboard shows; null when nothing is left out */
    message: z.string().max(500).nullable(),
  }),
  goodCap: z.object({
    enabled: z.boolean(),
    share: z.number(),
    scope: z.enum(['department', 'agency']),
    /** cap maths: the years helper's shared/ratings when present, else computed here from goodCap */
    source: z.string(),
    rows: z.array(
      z.object({
        unitId: id,
        unitName: text(100),
        periodId: id,
        rated: count,
        good: count,
        cap: count,
        goodShare: z.number(),
        over: z.boolean(),
      }),
    ),
  }),
  evidenceByKind: z.array(z.object({ kind: evidenceKind, active: count, voided: count })),
  flags: z.array(
    z.object({
      personId: id,
      personNo: text(40),
      name: text(40),
      unitName: text(100),
      flag: z.enum(['leave_near', 'leave_over', 'investigation_open', 'sanction_in_force', 'probation']),
      detail: text(200),
    }),
  ),
  flagsTruncated: z.boolean(),
  flagCounts: z.record(z.string(), count),
  missingTotal: count,
  /** of missingTotal, the periods already ended (the rest is the current period) */
  missingPast: count,
});
export type DashboardDto = z.infer<typeof dashboardDto>;

export const missingRow = z.object({
  personId: id,
  personNo: text(40),
  name: text(40),
  unitId: id,
  unitName: text(100),
  periodId: id,
  periodCode: text(10),
  periodLabel: text(20),
});
export type MissingRow = z.infer<typeof missingRow>;

export const missingFilter = z.strictObject({
  yearId: id,
  periodId: id.optional(),
  unitId: id.optional(),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(5000).default(200),
});

export const evidenceMethods = {
  'evidence.create': method({
    summary: '记录事件',
    permission: 'evidence.write',
    input: z.strictObject({ data: evidenceInput }),
    output: evidenceView,
  }),
  'evidence.update': method({
    summary: '修改事件',
    permission: 'evidence.write',
    input: z.strictObject({ id, expectedUpdatedAt: z.string().max(40).optional(), data: evidenceInput }),
    output: evidenceView,
  }),
  'evidence.void': method({
    summary: '作废事件（保留记录）',
    permission: 'evidence.write',
    input: z.strictObject({
      id,
      reason: z.string().trim().min(1, '请填写作废原因').max(F.voidReason.max, tooLong(F.voidReason)),
    }),
    output: evidenceView,
  }),
  'evidence.get': method({
    summary: '查看一条事件',
    permission: 'evidence.read',
    input: z.strictObject({ id }),
    output: evidenceView,
  }),
  'evidence.list': method({
    summary: '事件列表（可筛选）',
    permission: 'evidence.read',
    input: evidenceFilter,
    output: z.object({ items: z.array(evidenceView), total: count }),
  }),
  'evidence.timeline': method({
    summary: '个人年度时间线：平时考核与事件',
    permission: 'evidence.read',
    input: z.strictObject({ personId: id, year: z.number().int().min(2000).max(2100) }),
    output: personTimeline,
  }),
  'evidence.lookups': method({
    summary: '事件页的筛选选项：部门与年度',
    permission: 'evidence.read',
    input: z.strictObject({}),
    output: z.object({
      units: z.array(
        z.object({ id, parentId: id.nullable(), kind: z.enum(['agency', 'department']), name: text(100) }),
      ),
      years: z.array(z.object({ id, year: z.number().int(), unitId: id, unitName: text(100), stage: yearStage })),
    }),
  }),
  'evidence.people': method({
    summary: '按姓名或人员编号查找人员（记录事件时选择）',
    permission: 'evidence.read',
    input: z.strictObject({
      search: z.string().trim().max(40).default(''),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    output: z.array(
      z.object({ id, personNo: text(40), name: text(40), unitName: text(100), status: z.enum(['active', 'left']) }),
    ),
  }),
  'progress.dashboard': method({
    summary: '年度进度看板',
    permission: 'year.read',
    input: z.strictObject({ yearId: id.optional() }),
    output: dashboardDto,
  }),
  'progress.missing': method({
    summary: '未评定名单',
    permission: 'year.read',
    input: missingFilter,
    output: z.object({ rows: z.array(missingRow), total: count }),
  }),
  'progress.exportMissing': method({
    summary: '导出未评定名单（Excel）',
    permission: 'year.read',
    input: z.strictObject({ yearId: id, path: z.string().min(1).max(1000) }),
    output: jobState,
  }),
};
