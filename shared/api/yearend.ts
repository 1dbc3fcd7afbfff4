// Contract of year end: the workbench (suggestions with traces, flags, decisions), quotas, decisions,
// stages with their guards, objections, redress, snapshot differences and the impact of settings.
import { z } from 'zod';
import { method } from './contract';
import { PERSON_ORDERS } from '../names/person-order';
import { jobState } from './jobs';

import { grade, id, isoDate, outcome, periodRatingValue, personCategory, yearStage } from '../domain/types';
import { eligibilityEffect, yearSettings } from '../settings/year-settings';
import { investigationOutcome } from '../evidence/fields';

const text = (max: number) => z.string().max(max);
const yearRef = z.strictObject({ yearId: id });

export const recordRefDto = z.object({
  type: z.enum(['evidence', 'rating', 'person', 'history']),
  id: z.string(),
  date: z.string().nullable(),
  kind: z.string().nullable(),
  subKind: z.string().nullable(),
  text: z.string(),
});
export const traceLineDto = z.object({
  step: z.string(),
  ruleId: z.string().nullable(),
  text: z.string(),
  records: z.array(recordRefDto),
});
export const firedRuleDto = z.object({
  ruleId: z.string(),
  label: z.string(),
  effect: eligibilityEffect,
  note: z.string(),
  records: z.array(recordRefDto),
});
export const eligibilityDto = z.object({
  outcome,
  forcedIncompetent: z.boolean(),
  maxGrade: grade.nullable(),
  winning: firedRuleDto.nullable(),
  fired: z.array(firedRuleDto),
});
export const suggestionDto = z.object({
  outcome,
  grade: grade.nullable(),
  label: z.string(),
  source: z.enum(['rules', 'points', 'forced', 'none', 'superior']),
  ruleId: z.string().nullable(),
  uncappedGrade: grade.nullable(),
  points: z.number().nullable(),
  rank: z.number().int().nullable(),
});
export const decisionSource = z.enum(['committee', 'bulk', 'superior', 'review', 'appeal', 'deferred_grade']);
export const decisionDto = z.object({
  id,
  outcome,
  grade: grade.nullable(),
  label: z.string(),
  reason: z.string(),
  approvalDocNo: z.string(),
  source: decisionSource,
  decidedAt: z.string(),
  decidedBy: z.string(),
});
export type DecisionDto = z.infer<typeof decisionDto>;
export const frozenDto = z.object({
  outcome,
  grade: grade.nullable(),
  label: z.string(),
  traceText: z.string(),
  takenAt: z.string(),
});
export const consequenceDto = z.object({ code: z.string(), label: z.string(), note: z.string() });
export const ratingCellDto = z.object({
  periodCode: z.string(),
  rating: periodRatingValue.nullable(),
  counts: z.boolean(),
});
export const snapshotChangeDto = z.enum(['none', 'grade', 'trace', 'new']);

export const workbenchPersonDto = z.object({
  id,
  personNo: z.string(),
  name: z.string(),
  departmentId: id,
  departmentName: z.string(),
  position: z.string().nullable(),
  category: personCategory,
  superiorAssessed: z.boolean(),
  status: z.enum(['active', 'left']),
});

/** One final result as the rules offer it (shared/rules/guard.ts): allowed, or barred with the rule. */
export const choiceDto = z.object({
  outcome,
  grade: grade.nullable(),
  label: z.string(),
  allowed: z.boolean(),
  reason: z.string(),
  ruleId: z.string().nullable(),
});

/** 民主测评 votes of a candidate (only in a year whose settings enable the step, once imported) */
export const tallyDto = z.object({
  voters: z.number().int(),
  excellent: z.number().int(),
  competent: z.number().int(),
  basic: z.number().int(),
  incompetent: z.number().int(),
});

export const workbenchRowDto = z.object({
  person: workbenchPersonDto,
  tally: tallyDto.nullable(),
  ratings: z.array(ratingCellDto),
  flags: z.array(z.string()),
  eligibility: eligibilityDto,
  /** computed now from the records */
  suggestion: suggestionDto,
  /** the suggestion frozen at review (decisions are compared with it) */
  frozen: frozenDto.nullable(),
  /** the suggestion decisions are compared with: frozen once review began, else the live one */
  suggestionOfRecord: z.object({ outcome, grade: grade.nullable(), label: z.string() }),
  snapshotChange: snapshotChangeDto,
  trace: z.array(traceLineDto),
  traceText: z.string(),
  quotaUnitKey: z.string(),
  decision: decisionDto.nullable(),
  /** the decision differs from the suggestion of record */
  differs: z.boolean(),
  consequences: z.array(consequenceDto),
  /** every final result, allowed or barred by the person's eligibility, with the reason */
  choices: z.array(choiceDto),
});
export type WorkbenchRowDto = z.infer<typeof workbenchRowDto>;

/** Counts per grade and per non-grade outcome (shared/rules/quota.ts tallyOutcomes). */
export const outcomeTallyDto = z.object({
  due: z.number().int(),
  assessed: z.number().int(),
  grades: z.object({
    excellent: z.number().int(),
    competent: z.number().int(),
    basic: z.number().int(),
    incompetent: z.number().int(),
  }),
  commentsOnly: z.number().int(),
  deferred: z.number().int(),
  notAssessed: z.number().int(),
});
export type OutcomeTallyDto = z.infer<typeof outcomeTallyDto>;

/** A year's results for the charts: decided in the app, or imported from the years before it. */
export const gradeYearDto = z.object({
  year: z.number().int(),
  /** decided: the app's final decisions; provisional: this year so far (undecided people by their
   * suggestion); imported: earlier years' grades brought in with the roster */
  source: z.enum(['decided', 'provisional', 'imported']),
  tally: outcomeTallyDto,
});

export const quotaUnitDto = z.object({
  key: z.string(),
  label: z.string(),
  headcount: z.number().int(),
  base: z.number().int(),
  share: z.number(),
  raised: z.boolean(),
  approvalDocNo: z.string(),
  rounding: z.enum(['floor', 'round', 'ceil']),
  /** the units whose places are shared out together (one agency and population) */
  group: z.string(),
  /** each unit rounds its own share, or the group's places are shared by largest remainder */
  sharing: z.enum(['per_unit', 'largest_remainder']),
  /** base × share before rounding: the unit's fraction of places */
  exact: z.number(),
  allowed: z.number().int(),
  candidates: z.number().int(),
  used: z.number().int(),
  approvedOverrides: z.number().int(),
  tooSmall: z.boolean(),
  full: z.boolean(),
  over: z.boolean(),
  excluded: z.object({
    commentsOnly: z.number().int(),
    deferred: z.number().int(),
    notAssessed: z.number().int(),
    superiorAssessed: z.number().int(),
  }),
  explanation: z.string(),
  /** everyone of the unit but the superior-assessed leaders, per grade: decisions, else suggestions */
  tally: outcomeTallyDto,
});
export type QuotaUnitDto = z.infer<typeof quotaUnitDto>;

export const transitionDto = z.object({
  to: yearStage,
  label: z.string(),
  back: z.boolean(),
  blockers: z.array(z.string()),
  warnings: z.array(z.string()),
});

export const yearEndStateDto = z.object({
  yearId: id,
  year: z.number().int(),
  unitName: z.string(),
  stage: yearStage,
  snapshotAt: z.string().nullable(),
  noticeStart: z.string().nullable(),
  noticeDays: z.number().int().nullable(),
  noticeEnd: z.string().nullable(),
  noticePlace: z.string(),
  finalizedAt: z.string().nullable(),
  archivedAt: z.string().nullable(),
  finalBackup: z.string().nullable(),
  settingsAsDecided: z.boolean(),
  suggestionMode: z.enum(['rules', 'points']),
  today: z.string(),
  transitions: z.array(transitionDto),
  counts: z.object({
    people: z.number().int(),
    decided: z.number().int(),
    undecided: z.number().int(),
    differs: z.number().int(),
    snapshotChanged: z.number().int(),
    openObjections: z.number().int(),
    pendingRedress: z.number().int(),
  }),
  redress: z.object({
    reviewDays: z.number().int(),
    appealAfterReviewDays: z.number().int(),
    appealDirectDays: z.number().int(),
    appealableGrades: z.array(grade),
  }),
});
export type YearEndStateDto = z.infer<typeof yearEndStateDto>;

export const objectionDto = z.object({
  id,
  yearId: id,
  personId: id.nullable(),
  personName: z.string().nullable(),
  receivedOn: z.string(),
  raisedBy: z.string(),
  content: z.string(),
  status: z.enum(['open', 'resolved']),
  handling: z.string(),
  resolvedOn: z.string().nullable(),
  createdAt: z.string(),
});

export const redressKind = z.enum(['review', 'appeal', 'deferred_grade']);
export const redressDto = z.object({
  id,
  yearId: id,
  personId: id,
  personName: z.string(),
  personNo: z.string(),
  category: personCategory,
  kind: redressKind,
  reviewId: id.nullable(),
  learnedOn: z.string(),
  filedOn: z.string(),
  deadline: z.string(),
  deadlineBasis: z.string(),
  request: z.string(),
  beforeOutcome: outcome,
  beforeGrade: grade.nullable(),
  beforeLabel: z.string(),
  status: z.enum(['pending', 'decided']),
  decision: z.enum(['upheld', 'changed', 'rejected']).nullable(),
  decisionOn: z.string().nullable(),
  decisionDocNo: z.string(),
  decisionReason: z.string(),
  resultOutcome: outcome.nullable(),
  resultGrade: grade.nullable(),
  resultLabel: z.string().nullable(),
  /** the results a changed outcome may take, as of today's records (empty once decided) */
  choices: z.array(choiceDto),
});

const diffRow = z.object({
  personId: id,
  personNo: z.string(),
  name: z.string(),
  departmentName: z.string(),
  change: snapshotChangeDto,
  before: z.object({ label: z.string(), traceText: z.string() }).nullable(),
  after: z.object({ label: z.string(), traceText: z.string() }),
  decisionLabel: z.string().nullable(),
});

/** The committee's view of the candidates for 优秀 in each quota unit (electron/core/yearend/candidates.ts). */
export const candidateDto = z.object({
  personId: id,
  personNo: z.string(),
  name: z.string(),
  departmentName: z.string(),
  position: z.string().nullable(),
  ratings: z.array(z.object({ periodCode: z.string(), label: z.string(), counts: z.boolean() })),
  goodCount: z.number().int(),
  points: z.number(),
  pointsText: z.string(),
  /** rank in the unit (points mode), else null */
  rank: z.number().int().nullable(),
  /** this year's commendations and work records, "2026-05-01 嘉奖（区〔2026〕1号）" */
  merits: z.array(z.string()),
  /** this year's sanctions, handling, investigations, negative list entries */
  demerits: z.array(z.string()),
  history: z.array(z.object({ year: z.number().int(), label: z.string() })),
  excellentYears: z.number().int(),
  /** 民主测评 votes where recorded (the year enables the step and the tally sheet was imported) */
  votes: tallyDto.nullable(),
  suggestion: z.string(),
  suggestedExcellent: z.boolean(),
  maxGrade: grade.nullable(),
  decision: z.string().nullable(),
  decidedExcellent: z.boolean(),
});
export const candidatesDto = z.object({
  yearId: id,
  stage: yearStage,
  suggestionMode: z.enum(['rules', 'points']),
  /** the year's settings enable 民主测评 */
  appraisalEnabled: z.boolean(),
  /** some candidate has votes recorded */
  hasVotes: z.boolean(),
  units: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      allowed: z.number().int(),
      used: z.number().int(),
      approvedOverrides: z.number().int(),
      left: z.number().int(),
      explanation: z.string(),
      candidates: z.array(candidateDto),
    }),
  ),
});

const impactCounts = z.record(z.string(), z.number().int());

/** What yearend.settingsImpact's job gives once done: counts before and after, who changes and why. */
export const settingsImpactDto = z.object({
  people: z.number().int(),
  before: impactCounts,
  after: impactCounts,
  changedTotal: z.number().int(),
  changed: z.array(
    z.object({
      personId: id,
      personNo: z.string(),
      name: z.string(),
      departmentName: z.string(),
      before: z.string(),
      after: z.string(),
      reason: z.string(),
    }),
  ),
  unitsBefore: z.array(z.object({ key: z.string(), label: z.string(), allowed: z.number().int() })),
  unitsAfter: z.array(z.object({ key: z.string(), label: z.string(), allowed: z.number().int() })),
});
export type SettingsImpactDto = z.infer<typeof settingsImpactDto>;

export const yearendMethods = {
  'yearend.years': method({
    summary: '年终考核可选的年度',
    permission: 'yearend.read',
    input: z.strictObject({}),
    output: z.array(z.object({ id, year: z.number().int(), unitId: id, unitName: z.string(), stage: yearStage })),
  }),
  'yearend.state': method({
    summary: '年终考核阶段、公示日期与各步骤的前提条件',
    permission: 'yearend.read',
    input: yearRef,
    output: yearEndStateDto,
  }),
  'yearend.workbench': method({
    summary: '年终考核工作台：每人的平时考核、标记、建议等次及依据、最终决定',
    permission: 'yearend.read',
    input: z.strictObject({
      yearId: id,
      departmentId: id.nullable().default(null),
      flag: text(40).nullable().default(null),
      differs: z.boolean().default(false),
      undecided: z.boolean().default(false),
      snapshotChanged: z.boolean().default(false),
      search: text(40).default(''),
      /** inside each department: by 人员编号 (the default) or 姓氏笔画 */
      personOrder: z.enum(PERSON_ORDERS).default('personNo'),
      offset: z.number().int().min(0).max(1_000_000).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({
      state: yearEndStateDto,
      periods: z.array(z.object({ code: z.string(), label: z.string() })),
      departments: z.array(z.object({ id, name: z.string(), people: z.number().int() })),
      flags: z.array(z.object({ flag: z.string(), count: z.number().int() })),
      units: z.array(quotaUnitDto),
      total: z.number().int(),
      rows: z.array(workbenchRowDto),
    }),
  }),
  'yearend.candidates': method({
    summary: '优秀候选人比较：各考核单元的名额与剩余名额，候选人的平时考核、积分、事件、历年等次与民主测评',
    permission: 'yearend.read',
    input: yearRef,
    output: candidatesDto,
  }),
  'yearend.gradeHistory': method({
    summary: '历年考核等次分布（本单位），以及一人的历年等次（图表用）',
    permission: 'yearend.read',
    input: z.strictObject({ yearId: id, personId: id.optional() }),
    output: z.object({
      unitName: z.string(),
      years: z.array(gradeYearDto),
      person: z
        .object({
          personId: id,
          name: z.string(),
          years: z.array(
            z.object({
              year: z.number().int(),
              outcome,
              grade: grade.nullable(),
              label: z.string(),
              source: z.enum(['decided', 'provisional', 'imported']),
            }),
          ),
        })
        .nullable(),
    }),
  }),
  'yearend.quota': method({
    summary: '各考核单元的优秀名额与已用情况',
    permission: 'yearend.read',
    input: yearRef,
    output: z.array(quotaUnitDto),
  }),
  'yearend.decide': method({
    summary: '录入一人的最终考核结果（与建议不同须写理由，超出名额须有批准文号）',
    permission: 'yearend.decide',
    input: z.strictObject({
      yearId: id,
      personId: id,
      outcome,
      grade: grade.nullable(),
      reason: text(500).default(''),
      approvalDocNo: text(100).default(''),
    }),
    output: z.object({ decision: decisionDto, units: z.array(quotaUnitDto) }),
  }),
  'yearend.bulkAccept': method({
    summary: '按部门批量采纳建议（未决定的人员）',
    permission: 'yearend.decide',
    input: z.strictObject({ yearId: id, departmentId: id.nullable() }),
    output: z.object({
      accepted: z.number().int(),
      skipped: z.array(z.object({ personId: id, name: z.string(), reason: z.string() })),
    }),
  }),
  'yearend.transition': method({
    summary: '推进或退回年终考核阶段（审核、公示、定档、归档）',
    permission: 'yearend.decide',
    input: z.strictObject({
      yearId: id,
      to: yearStage,
      noticeStart: isoDate.optional(),
      noticePlace: text(200).optional(),
      reason: text(500).optional(),
      confirmPastStart: z.boolean().optional(),
    }),
    output: yearEndStateDto,
  }),
  'yearend.objections': method({
    summary: '公示异议列表',
    permission: 'yearend.read',
    input: yearRef,
    output: z.array(objectionDto),
  }),
  'yearend.addObjection': method({
    summary: '登记公示期间收到的异议',
    permission: 'yearend.decide',
    input: z.strictObject({
      yearId: id,
      personId: id.nullable(),
      receivedOn: isoDate,
      raisedBy: text(60).default(''),
      content: text(2000),
    }),
    output: objectionDto,
  }),
  'yearend.resolveObjection': method({
    summary: '录入异议的处理结果',
    permission: 'yearend.decide',
    input: z.strictObject({ objectionId: id, handling: text(2000), resolvedOn: isoDate }),
    output: objectionDto,
  }),
  'yearend.redressList': method({
    summary: '复核、申诉与补定等次记录及期限',
    permission: 'yearend.read',
    input: yearRef,
    output: z.array(redressDto),
  }),
  'yearend.fileRedress': method({
    summary: '登记复核或申诉申请（定档后）',
    permission: 'yearend.decide',
    input: z.strictObject({
      yearId: id,
      personId: id,
      kind: redressKind,
      reviewId: id.nullable().default(null),
      learnedOn: isoDate.nullable().default(null),
      filedOn: isoDate,
      request: text(2000),
    }),
    output: redressDto,
  }),
  'yearend.decideRedress': method({
    summary: '录入复核或申诉的决定及其结果等次',
    permission: 'yearend.decide',
    input: z.strictObject({
      redressId: id,
      decision: z.enum(['upheld', 'changed', 'rejected']),
      decisionOn: isoDate,
      decisionDocNo: text(100).default(''),
      reason: text(1000),
      outcome: outcome.nullable().default(null),
      grade: grade.nullable().default(null),
      approvalDocNo: text(100).default(''),
      /** 补定等次: record the investigation's closing in the same step (结案日期, 结案结果, 关联处分) */
      closing: z
        .strictObject({
          /** the investigation record; null = the person's one open 立案审查调查 */
          evidenceId: id.nullable().default(null),
          endDate: isoDate,
          closingOutcome: investigationOutcome,
          linkedEvidenceId: id.nullable().default(null),
        })
        .nullable()
        .default(null),
    }),
    output: redressDto,
  }),
  'yearend.snapshotDiff': method({
    summary: '冻结的建议与当前记录推算结果的逐人差异',
    permission: 'yearend.read',
    input: yearRef,
    output: z.object({ snapshotAt: z.string().nullable(), rows: z.array(diffRow) }),
  }),
  /** a job (two evaluations of the year, in a worker): its value, once done, is a settingsImpactDto */
  'yearend.settingsImpact': method({
    summary: '按拟修改的年度设置，建议等次会如何变化',
    permission: 'yearend.read',
    input: z.strictObject({ yearId: id, settings: yearSettings }),
    output: jobState,
  }),
};
