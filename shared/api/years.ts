// Contract of assessment years, periods, quarterly ratings and the office review.
// Ratings writes carry the row's updatedAt for an optimistic check; the cap on 好 comes back live.
import { z } from 'zod';
import { method } from './contract';
import { assessmentYearDto, periodDto, periodRatingDto, unitDto } from '../domain/records';
import { id, periodKind, periodRatingValue } from '../domain/types';
import { RATING_FIELDS, tooLong, type TextField } from '../domain/fields';
import { yearSettings } from '../settings/year-settings';
import { PERSON_ORDERS } from '../names/person-order';

const text = (max: number) => z.string().max(max);
const fieldText = (f: TextField) => z.string().max(f.max, tooLong(f));
const yearRef = z.strictObject({ yearId: id });
const periodRef = z.strictObject({ periodId: id });

export const settingsIssue = z.object({ path: z.string(), field: z.string(), message: z.string() });

export const yearDetail = z.object({
  year: assessmentYearDto,
  periods: z.array(periodDto),
  settings: yearSettings,
  departments: z.array(unitDto),
});
export type YearDetailDto = z.infer<typeof yearDetail>;

const ratingCounts = z.object({
  good: z.number().int(),
  fair: z.number().int(),
  average: z.number().int(),
  poor: z.number().int(),
});

/** One scope (department or agency) against the cap on 好. */
export const capStandingDto = z.object({
  unitId: id,
  unitName: z.string(),
  /** the cap's base: people the scope rates this period, rated yet or not */
  base: z.number().int(),
  due: z.number().int(),
  rated: z.number().int(),
  missing: z.number().int(),
  counts: ratingCounts,
  good: z.number().int(),
  cap: z.number().int().nullable(),
  goodShare: z.number(),
  over: z.boolean(),
  /** this scope is the one the settings enforce */
  enforced: z.boolean(),
});
export type CapStandingDto = z.infer<typeof capStandingDto>;

export const periodCapStatus = z.object({
  enabled: z.boolean(),
  share: z.number(),
  scope: z.enum(['department', 'agency']),
  rounding: z.enum(['floor', 'round', 'ceil']),
  enforcement: z.enum(['warn', 'block']),
  departments: z.array(capStandingDto),
  agency: capStandingDto,
});
export type PeriodCapStatusDto = z.infer<typeof periodCapStatus>;

export const capWarning = z.object({
  unitId: id,
  scope: z.enum(['department', 'agency']),
  good: z.number().int(),
  cap: z.number().int(),
  message: z.string(),
});
export type CapWarningDto = z.infer<typeof capWarning>;

export const reviewState = z.object({
  status: z.enum(['returned', 'accepted']),
  note: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

export const gridRow = z.object({
  personId: id,
  personNo: z.string(),
  name: z.string(),
  position: z.string().nullable(),
  /** "4月15日调入", "5月31日离开"… empty when the person was here all period */
  note: z.string(),
  /** rated by this department this period (in it at the period's end) */
  due: z.boolean(),
  ratingId: id.nullable(),
  workRecord: z.string(),
  selfAssessment: z.string(),
  rating: periodRatingValue.nullable(),
  comment: z.string(),
  rater: z.string(),
  updatedAt: z.string().nullable(),
  /** the department whose rating this is, when another department saved it */
  ratedInUnitId: id.nullable(),
  ratedInUnitName: z.string().nullable(),
});
export type GridRowDto = z.infer<typeof gridRow>;

/** The window's grid page sizes; the core never sends more than GRID_PAGE_MAX rows in one answer. */
export const GRID_PAGE_SIZES = [50, 100, 200] as const;
export const GRID_PAGE_MAX = 500;

/**
 * One page of a department's grid: the store orders the department's rows (人员编号 or 姓氏笔画) and
 * cuts the page; the cap standing and the missing count stay the whole department's and agency's.
 */
export const gridPage = z.strictObject({
  periodId: id,
  unitId: id,
  personOrder: z.enum(PERSON_ORDERS).default('personNo'),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(GRID_PAGE_MAX, `每页最多 ${GRID_PAGE_MAX} 人`).default(GRID_PAGE_SIZES[1]),
});
export type GridPageInput = z.input<typeof gridPage>;

export const ratingsGrid = z.object({
  period: periodDto,
  year: assessmentYearDto,
  department: unitDto,
  /** the page asked for, in the order asked for */
  rows: z.array(gridRow),
  /** rows of the whole department's grid (every page) */
  total: z.number().int(),
  /** where the page begins in the whole grid */
  offset: z.number().int(),
  capStatus: periodCapStatus,
  review: reviewState.nullable(),
  /** why writes are refused (year past collecting, period reviewed), or null */
  lockedReason: z.string().nullable(),
  missing: z.number().int(),
});
export type RatingsGridDto = z.infer<typeof ratingsGrid>;

export const ratingFields = {
  workRecord: fieldText(RATING_FIELDS.workRecord).optional(),
  selfAssessment: fieldText(RATING_FIELDS.selfAssessment).optional(),
  rating: periodRatingValue.nullable().optional(),
  comment: fieldText(RATING_FIELDS.comment).optional(),
  rater: fieldText(RATING_FIELDS.rater).optional(),
};

export const ratingWrite = z.strictObject({
  periodId: id,
  personId: id,
  /** the department rating; defaults to the one the person is in at the period's end */
  unitId: id.optional(),
  ...ratingFields,
  /** the updatedAt the editor last saw; null = expects no row yet; absent = no check (imports) */
  expectedUpdatedAt: z.string().max(40).nullable().optional(),
});
export type RatingWrite = z.infer<typeof ratingWrite>;

export const capOverrideInput = z.strictObject({
  reason: z.string().trim().min(2, '请写明突破“好”比例上限的理由（至少 2 个字）').max(500),
});

export const saveResult = z.object({
  saved: z.array(periodRatingDto),
  changed: z.number().int(),
  unchanged: z.number().int(),
  warnings: z.array(capWarning),
  overrideIds: z.array(id),
  capStatus: periodCapStatus,
});
export type SaveRatingsResultDto = z.infer<typeof saveResult>;

export const reviewDepartment = capStandingDto.extend({
  flags: z.array(z.object({ kind: z.enum(['high_good_share', 'all_same', 'over_cap']), message: z.string() })),
  review: reviewState.nullable(),
});

export const capOverrideDto = z.object({
  id,
  unitId: id,
  unitName: z.string(),
  good: z.number().int(),
  cap: z.number().int(),
  reason: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});

export const reviewOverview = z.object({
  period: periodDto,
  departments: z.array(reviewDepartment),
  agency: capStandingDto,
  capStatus: periodCapStatus,
  overrides: z.array(capOverrideDto),
  lockedReason: z.string().nullable(),
  /** what still keeps the period from being marked reviewed (empty blockers = it may be) */
  readiness: z.object({
    unaccepted: z.array(
      z.object({ unitId: id, unitName: z.string(), status: z.enum(['pending', 'returned', 'changed']) }),
    ),
    excess: z.array(
      z.object({
        unitId: id,
        unitName: z.string(),
        scope: z.enum(['department', 'agency']),
        good: z.number().int(),
        cap: z.number().int(),
        confirmed: z.boolean(),
        reason: z.string().nullable(),
      }),
    ),
    blockers: z.array(z.string()),
  }),
});
export type ReviewOverviewDto = z.infer<typeof reviewOverview>;

export const yearsMethods = {
  'years.list': method({
    summary: '考核年度列表',
    permission: 'year.read',
    input: z.strictObject({}),
    output: z.array(assessmentYearDto),
  }),
  'years.get': method({
    summary: '考核年度及其期间、设置、部门',
    permission: 'year.read',
    input: yearRef,
    output: yearDetail,
  }),
  'years.agencies': method({
    summary: '可建立考核年度的单位（机关）',
    permission: 'year.read',
    input: z.strictObject({}),
    output: z.array(unitDto),
  }),
  'years.create': method({
    summary: '建立考核年度（按设置生成期间）',
    permission: 'year.write',
    input: z.strictObject({
      unitId: id,
      year: z.number().int().min(2000).max(2100),
      periodKind: periodKind.optional(),
    }),
    output: yearDetail,
  }),
  'years.getSettings': method({
    summary: '读取年度设置',
    permission: 'year.read',
    input: yearRef,
    output: z.object({ settings: yearSettings, locked: z.boolean(), updatedAt: z.string() }),
  }),
  'years.validateSettings': method({
    summary: '检查年度设置',
    permission: 'year.read',
    input: z.strictObject({ settings: z.unknown() }),
    output: z.object({ ok: z.boolean(), issues: z.array(settingsIssue) }),
  }),
  'years.updateSettings': method({
    summary: '修改年度设置（定档前）',
    permission: 'year.write',
    input: z.strictObject({
      yearId: id,
      settings: z.unknown(),
      reason: text(500).optional(),
      expectedUpdatedAt: z.string().max(40).optional(),
    }),
    output: z.object({ settings: yearSettings, changes: z.array(z.string()), updatedAt: z.string() }),
  }),
  'periods.list': method({
    summary: '考核期间列表',
    permission: 'year.read',
    input: yearRef,
    output: z.array(periodDto),
  }),
  'ratings.grid': method({
    summary: '部门平时考核表（某期间），分页（按人员编号或姓氏笔画排序；每页最多 500 人）',
    permission: 'ratings.read',
    input: gridPage,
    output: ratingsGrid,
  }),
  'ratings.capStatus': method({
    summary: '“好”等次比例情况',
    permission: 'ratings.read',
    input: periodRef,
    output: periodCapStatus,
  }),
  'ratings.save': method({
    summary: '保存一条平时考核结果',
    permission: 'ratings.write',
    input: ratingWrite.extend({ override: capOverrideInput.optional() }),
    output: saveResult,
  }),
  'ratings.saveBatch': method({
    summary: '批量保存平时考核结果（粘贴一列）',
    permission: 'ratings.write',
    input: z.strictObject({ rows: z.array(ratingWrite).min(1).max(2000), override: capOverrideInput.optional() }),
    output: saveResult,
  }),
  'review.overview': method({
    summary: '平时考核复核：各部门对比',
    permission: 'ratings.read',
    input: periodRef,
    output: reviewOverview,
  }),
  'review.returnDepartment': method({
    summary: '退回部门平时考核结果',
    permission: 'year.write',
    input: z.strictObject({
      periodId: id,
      unitId: id,
      note: z.string().trim().min(2, '请写明退回的原因（至少 2 个字）').max(500),
    }),
    output: reviewState,
  }),
  'review.acceptDepartment': method({
    summary: '通过部门平时考核结果',
    permission: 'year.write',
    input: z.strictObject({ periodId: id, unitId: id, note: text(500).optional() }),
    output: reviewState,
  }),
  'review.confirmExcess': method({
    summary: '填写理由确认本期“好”超出上限',
    permission: 'year.write',
    input: z.strictObject({
      periodId: id,
      unitId: id,
      reason: z.string().trim().min(2, '请写明确认超出上限的理由（至少 2 个字）').max(500),
    }),
    output: capOverrideDto,
  }),
  'review.markReviewed': method({
    summary: '标记期间已复核（各部门均已通过、超出上限均已处理）',
    permission: 'year.write',
    input: periodRef,
    output: periodDto,
  }),
  'review.reopen': method({
    summary: '重新打开已复核的期间',
    permission: 'year.write',
    input: z.strictObject({
      periodId: id,
      reason: z.string().trim().min(2, '请写明重新打开的原因（至少 2 个字）').max(500),
    }),
    output: periodDto,
  }),
};
