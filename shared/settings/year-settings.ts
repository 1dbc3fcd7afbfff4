// The settings of one assessment year: every "(configurable)" rule of the domain, with its default.
// A year keeps the settings it was decided under, so an old year re-opens and re-prints as decided.
import { z } from 'zod';
import { PERSON_ORDERS } from '../names/person-order';
import { EVIDENCE_SUB_KINDS, periodKind, periodRatingValue } from '../domain/types';
import {
  DEFAULT_INSTITUTION_PRESET,
  INSTITUTION_PRESET_INFO,
  INSTITUTION_SANCTION_PRESETS,
  presetOfRules,
  withInstitutionPreset,
} from './institution-presets';
import { eligibilityRule, type EligibilityEffect, type EligibilityRule } from './eligibility-rule';

export {
  eligibilityEffect,
  eligibilityRule,
  eligibilityWhen,
  type EligibilityEffect,
  type EligibilityRule,
} from './eligibility-rule';

/** Every sub-kind of evidence: the keys evidence points may be given for. */
const ALL_SUB_KINDS = [...new Set(Object.values(EVIDENCE_SUB_KINDS).flat())] as [string, ...string[]];

const share = z.number().min(0).max(1);
const rounding = z.enum(['floor', 'round', 'ceil']);

/** 机关 / 基层 / 事业: the class of a department when places are pooled by class. */
export const departmentClass = z.enum(['organ', 'grassroots', 'institution']);
export type DepartmentClass = z.infer<typeof departmentClass>;
export const DEPARTMENT_CLASS_LABEL: Record<DepartmentClass, string> = {
  organ: '机关',
  grassroots: '基层',
  institution: '事业',
};
const departmentClassRow = z.strictObject({ departmentId: z.string().min(1).max(64), class: departmentClass });

/** A supervising leader (分管领导) of the year and the departments whose places they pool. */
const quotaLeader = z.strictObject({
  /** stable within the year: the quota unit's key (`leader:<id>`) */
  id: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, '只能由字母、数字、下划线或短横线组成'),
  name: z.string().trim().min(1).max(50),
  departmentIds: z.array(z.string().min(1).max(64)).max(200).default([]),
});
export type QuotaLeader = z.infer<typeof quotaLeader>;

const civil = 'civil' as const;
const inst = 'institution' as const;
const rule = (
  id: string,
  label: string,
  population: EligibilityRule['population'],
  kind: EligibilityRule['kind'],
  subKinds: string[],
  when: EligibilityRule['when'],
  effect: EligibilityEffect,
  offsets: number[] = [],
  enabled = true,
): EligibilityRule => ({ id, label, enabled, population, kind, subKinds, when, offsets, effect });

/** The national rules (2020) as we read them, one row per effect; offices edit this table. */
export const DEFAULT_ELIGIBILITY_RULES: EligibilityRule[] = [
  rule(
    'left',
    '年内离开本单位，不参加本单位考核',
    'all',
    'not_assessed',
    ['离开单位'],
    'imposed_offsets',
    'not_assessed',
    [0],
  ),
  rule('manual-na', '经批准不参加考核', 'all', 'not_assessed', ['其他'], 'imposed_offsets', 'not_assessed', [0]),
  rule(
    'refuse',
    '无正当理由拒不参加考核，直接确定为不称职',
    'all',
    'not_assessed',
    ['拒不参加'],
    'imposed_offsets',
    'forced_incompetent',
    [0],
  ),
  rule('expelled', '受开除处分，不参加考核', 'all', 'sanction', ['开除'], 'imposed_offsets', 'not_assessed', [0]),
  rule(
    'probation',
    '新录用人员年底仍在试用期，只写评语不定等次',
    civil,
    'probation',
    ['试用期'],
    'state_at_year_end',
    'comments_only',
  ),
  rule(
    'leave',
    '病事假累计超过半年，只写评语不定等次',
    'all',
    'leave',
    ['病假', '事假'],
    'leave_over',
    'comments_only',
  ),
  rule(
    'jiguo',
    '当年受记过处分，只写评语不定等次',
    civil,
    'sanction',
    ['记过'],
    'imposed_offsets',
    'comments_only',
    [0],
  ),
  rule(
    'jidaguo',
    '当年或上一年受记大过、降级、撤职处分，只写评语不定等次',
    civil,
    'sanction',
    ['记大过', '降级', '撤职'],
    'imposed_offsets',
    'comments_only',
    [0, 1],
  ),
  rule(
    'org-heavy',
    '当年受责令辞职、免职、降职组织处理，只写评语不定等次',
    'all',
    'org_handling',
    ['责令辞职', '免职', '降职'],
    'imposed_offsets',
    'comments_only',
    [0],
  ),
  rule(
    'party-serious',
    '当年受严重警告党纪处分，只写评语不定等次',
    'all',
    'party_discipline',
    ['严重警告'],
    'imposed_offsets',
    'comments_only',
    [0],
  ),
  rule(
    'party-probation-after',
    '留党察看期满前的后续年度，只写评语不定等次',
    'all',
    'party_discipline',
    ['留党察看'],
    'term_following',
    'comments_only',
  ),
  rule(
    'party-expel-after',
    '开除党籍后第二、三年，只写评语不定等次',
    'all',
    'party_discipline',
    ['开除党籍'],
    'imposed_offsets',
    'comments_only',
    [1, 2],
  ),
  rule(
    'party-heavy',
    '当年受撤销党内职务、留党察看、开除党籍处分，确定为不称职',
    'all',
    'party_discipline',
    ['撤销党内职务', '留党察看', '开除党籍'],
    'imposed_offsets',
    'forced_incompetent',
    [0],
  ),
  rule(
    'investigation',
    '年底立案审查调查尚未结案，不写评语、不确定等次',
    'all',
    'investigation',
    ['立案审查调查'],
    'open_at_year_end',
    'deferred',
  ),
  rule(
    'warning',
    '当年受警告处分，不得确定为优秀',
    'all',
    'sanction',
    ['警告'],
    'imposed_offsets',
    'max_competent',
    [0],
  ),
  rule(
    'party-warning',
    '当年受党内警告处分，不得确定为优秀',
    'all',
    'party_discipline',
    ['党内警告'],
    'imposed_offsets',
    'max_competent',
    [0],
  ),
  rule(
    'admonish',
    '当年受诫勉，不得确定为优秀',
    'all',
    'org_handling',
    ['诫勉'],
    'imposed_offsets',
    'max_competent',
    [0],
  ),
  rule(
    'adjust',
    '当年受调整职务组织处理，不得确定为优秀',
    'all',
    'org_handling',
    ['调整职务'],
    'imposed_offsets',
    'max_competent',
    [0],
  ),
  rule(
    'inst-short',
    '事业单位初次就业且在本单位工作不满半年，只写评语不定等次',
    inst,
    'probation',
    ['试用期'],
    'short_service',
    'comments_only',
  ),
  // the 事业 sanction rows of the year's preset (institution-presets.ts), 2023 by default
  ...INSTITUTION_PRESET_INFO[DEFAULT_INSTITUTION_PRESET].rows,
  rule(
    'transfer-out',
    '年内调出本单位，由调入单位考核，不计入本单位考核和优秀名额基数',
    'all',
    'transfer',
    ['调出'],
    'imposed_offsets',
    'not_assessed',
    [0],
  ),
  rule(
    'secondment',
    '年内借调超过半年，由借调（工作）单位考核，不计入本单位考核和优秀名额基数',
    'all',
    'transfer',
    ['借调'],
    'secondment_over_half',
    'not_assessed',
  ),
  rule(
    'transfer',
    '年内调动：由现单位考核，调动前各期平时考核结果随人转入',
    'all',
    'transfer',
    ['调入', '调出', '借调', '外派培训'],
    'imposed_offsets',
    'info',
    [0],
  ),
  rule(
    'negative-list',
    '负面清单事项（按清单设定的影响）',
    'all',
    'negative_list',
    ['负面清单'],
    'imposed_offsets',
    'max_competent',
    [0],
    false,
  ),
  rule(
    'role-veto',
    '党组织书记党建考核未达优，不得确定为优秀',
    'all',
    'role_veto',
    ['党建考核未达优'],
    'imposed_offsets',
    'max_competent',
    [0],
    false,
  ),
];

/** A row of the suggestion table: first match wins; counts are over the year's period ratings. */
export const suggestionRule = z.strictObject({
  id: z.string().min(1).max(40),
  label: z.string().min(1).max(200),
  grade: z.enum(['excellent', 'competent', 'basic', 'incompetent']),
  /** minimum count of a rating for the rule to match, e.g. { poor: 2 } */
  atLeast: z.partialRecord(periodRatingValue, z.number().int().min(0).max(12)).default({}),
  /** no rating worse than this (e.g. 'fair' = nothing below 较好) */
  noneBelow: periodRatingValue.optional(),
  /** rule matches when any of these alternative count conditions holds (OR of atLeast sets) */
  anyOf: z
    .array(z.partialRecord(periodRatingValue, z.number().int().min(0).max(12)))
    .max(5)
    .default([]),
});
export type SuggestionRule = z.infer<typeof suggestionRule>;

export const DEFAULT_SUGGESTION_RULES: SuggestionRule[] = [
  { id: 'two-poor', label: '2次及以上“较差”→ 不称职', grade: 'incompetent', atLeast: { poor: 2 }, anyOf: [] },
  {
    id: 'poor-or-average',
    label: '1次“较差”或2次及以上“一般”→ 基本称职',
    grade: 'basic',
    atLeast: {},
    anyOf: [{ poor: 1 }, { average: 2 }],
  },
  {
    id: 'excellent',
    label: '至少2次“好”且无“较好”以下 → 优秀候选',
    grade: 'excellent',
    atLeast: { good: 2 },
    noneBelow: 'fair',
    anyOf: [],
  },
  { id: 'otherwise', label: '其余 → 称职', grade: 'competent', atLeast: {}, anyOf: [] },
];

const yearSettingsObject = z.strictObject({
  periodKind: periodKind.default('quarter'),
  /** 平时考核“好”等次比例上限 */
  goodCap: z
    .strictObject({
      enabled: z.boolean().default(true),
      share: share.default(0.4),
      scope: z.enum(['department', 'agency']).default('department'),
      rounding: rounding.default('floor'),
      enforcement: z.enum(['warn', 'block']).default('warn'),
    })
    .prefault({}),
  /**
   * only periods the office has reviewed (复核) count at year end — the default, so an unreviewed
   * quarter never decides a grade; the dashboard and the trace name a period left out
   */
  onlyReviewedPeriodsCount: z.boolean().default(true),
  /** sanction effect periods in months, from the effective date */
  sanctionMonths: z
    .strictObject({
      警告: z.number().int().min(0).max(120).default(6),
      记过: z.number().int().min(0).max(120).default(12),
      记大过: z.number().int().min(0).max(120).default(18),
      降级: z.number().int().min(0).max(120).default(24),
      撤职: z.number().int().min(0).max(120).default(24),
      降低岗位等级: z.number().int().min(0).max(120).default(24),
    })
    .prefault({}),
  /** more than this many sick + personal leave days in the year → comments only */
  leaveDaysThreshold: z.number().int().min(1).max(366).default(182),
  eligibilityRules: z.array(eligibilityRule).max(200).default(DEFAULT_ELIGIBILITY_RULES),
  /**
   * which reading of the 事业单位 sanction rows the year applies (2012 暂行规定 or 2023 处分规定);
   * its rows are in eligibilityRules, and choosing the other preset swaps them (normalizePreset)
   */
  institutionSanctionPreset: z.enum(INSTITUTION_SANCTION_PRESETS).default(DEFAULT_INSTITUTION_PRESET),
  suggestion: z
    .strictObject({
      mode: z.enum(['rules', 'points']).default('rules'),
      rules: z.array(suggestionRule).min(1).max(50).default(DEFAULT_SUGGESTION_RULES),
      points: z
        .strictObject({
          perRating: z
            .strictObject({
              good: z.number().default(4),
              fair: z.number().default(3),
              average: z.number().default(2),
              poor: z.number().default(1),
            })
            .prefault({}),
          /** extra points per evidence sub-kind, e.g. 嘉奖 +1, 督查通报批评 -1 */
          evidence: z.partialRecord(z.enum(ALL_SUB_KINDS), z.number().min(-100).max(100)).default({
            嘉奖: 1,
            记三等功: 2,
            记二等功: 3,
            记一等功: 4,
            通报表扬: 0.5,
            督查通报表扬: 0.5,
            督查通报批评: -1,
            群众表扬: 0.5,
            群众投诉: -1,
          }),
        })
        .prefault({}),
    })
    .prefault({}),
  quota: z
    .strictObject({
      share: share.default(0.2),
      rounding: rounding.default('floor'),
      /** whether comment-only / deferred people count in the base (default: only graded people) */
      baseIncludesUngraded: z.boolean().default(false),
      /**
       * how people are pooled into quota units: the agency, each department, each person category
       * (公务员/参公/事业), each supervising leader's departments (分管领导, `leaders`), or each
       * department class (机关/基层/事业, `departmentClasses`)
       */
      pooling: z.enum(['agency', 'department', 'category', 'leader', 'class']).default('agency'),
      /**
       * How places are shared between pooled units: each unit rounds its own base × share
       * (`per_unit`), or the agency's places (all pooled bases × share, rounded once) are shared out
       * by largest remainder — each unit first gets the whole part of its fraction, the places left
       * go to the largest fractional parts (ties: the larger base, then the units' order).
       */
      sharing: z.enum(['per_unit', 'largest_remainder']).default('per_unit'),
      /** 分管领导 of the year, each with the departments they supervise (a department under one leader at most) */
      leaders: z.array(quotaLeader).max(50).default([]),
      /** 机关/基层/事业 class of a department for pooling by class; a department not listed is 机关 */
      departmentClasses: z.array(departmentClassRow).max(500).default([]),
      /** civil servants and institution staff are counted apart */
      separatePopulations: z.boolean().default(true),
      /** raised share for an agency with an outstanding result, with an approval document */
      raisedShare: share.default(0.25),
      raisedApprovalDocNo: z.string().max(100).default(''),
    })
    .prefault({}),
  /** 民主测评: the year's candidates get vote counts (imported); only then may the notice name the step */
  democraticAppraisal: z.boolean().default(false),
  /** public notice (公示) length in working days */
  noticeWorkingDays: z.number().int().min(1).max(30).default(5),
  redress: z
    .strictObject({
      reviewDays: z.number().int().min(1).max(365).default(30),
      appealAfterReviewDays: z.number().int().min(1).max(365).default(15),
      appealDirectDays: z.number().int().min(1).max(365).default(30),
      appealableGrades: z
        .array(z.enum(['excellent', 'competent', 'basic', 'incompetent']))
        .max(4)
        .default(['basic', 'incompetent']),
    })
    .prefault({}),
  /** 负面清单: office-defined items, each with its effect (off unless listed) */
  negativeList: z
    .array(z.strictObject({ name: z.string().min(1).max(100), effect: z.enum(['info', 'max_competent', 'max_basic']) }))
    .max(100)
    .default([]),
  /** the order of people inside each department in the printed pack: 人员编号 or 姓氏笔画 */
  packPersonOrder: z.enum(PERSON_ORDERS).default('personNo'),
});
/**
 * A settings object that names a preset gets that preset's rows in its table (the other preset's
 * rows out), so `settings set … institutionSanctionPreset 2012` is the whole switch. One kept
 * before presets existed names none: it is read as the preset its rows are, rows untouched, so a
 * decided year decides as it did.
 */
function normalizePreset(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const o = input as Record<string, unknown>;
  const rules = Array.isArray(o.eligibilityRules)
    ? (o.eligibilityRules as unknown[]).filter((r): r is { id?: unknown } => !!r && typeof r === 'object')
    : undefined;
  // a year written as a number (the command line's `… institutionSanctionPreset 2012`) names the same preset
  const named =
    typeof o.institutionSanctionPreset === 'number' ? String(o.institutionSanctionPreset) : o.institutionSanctionPreset;
  if (named === undefined) {
    return rules ? { ...o, institutionSanctionPreset: presetOfRules(rules) } : o;
  }
  if (typeof named !== 'string' || !(INSTITUTION_SANCTION_PRESETS as readonly string[]).includes(named)) return o;
  const preset = named as (typeof INSTITUTION_SANCTION_PRESETS)[number];
  if (rules && rules.length !== (o.eligibilityRules as unknown[]).length) return o; // let the schema name the bad row
  const eligibilityRules = withInstitutionPreset(rules ?? DEFAULT_ELIGIBILITY_RULES, preset);
  return { ...o, institutionSanctionPreset: preset, eligibilityRules };
}

export const yearSettings = z.preprocess(normalizePreset, yearSettingsObject);
export type YearSettings = z.infer<typeof yearSettingsObject>;
export type YearSettingsInput = z.input<typeof yearSettingsObject>;

export function defaultYearSettings(): YearSettings {
  return yearSettings.parse({});
}
