// One row of a year's eligibility table (资格规则: which records keep a person from a grade, and how),
// alone in its file so the 事业单位 presets (institution-presets.ts) can build rows without importing
// the year's settings, which read the presets back. year-settings.ts re-exports all of it.
import { z } from 'zod';
import { evidenceKind } from '../domain/types';

/** What an eligibility rule does to the year's result; heavier effects win (see EFFECT_WEIGHT). */
export const eligibilityEffect = z.enum([
  'not_assessed', // 不参加考核
  'deferred', // 不写评语、不确定等次 (暂缓)
  'forced_incompetent', // 直接确定为不称职/不合格
  'comments_only', // 只写评语，不定等次
  'max_basic', // 不得确定为称职(合格)及以上
  'max_competent', // 不得确定为优秀
  'max_incompetent', // 不得确定为基本称职(基本合格)及以上
  'info', // 仅提示
]);
export type EligibilityEffect = z.infer<typeof eligibilityEffect>;

/** When a matching record applies to the year being assessed. Offsets count years back from it. */
export const eligibilityWhen = z.enum([
  'imposed_offsets', // the record's date falls in year - k for k in offsets (0 = this year)
  'in_force', // the record's effect period (date .. end date / configured months) overlaps the year
  'open_at_year_end', // an investigation not closed by 31 Dec
  'state_at_year_end', // a probation still running on 31 Dec
  'term_following', // the years after the imposition year, within the record's term (留党察看)
  'leave_over', // summed leave days of the year above the threshold
  'short_service', // first job and under half a year in the unit (事业单位)
  'secondment_over_half', // seconded (借调) out for more than half the year's days
]);

export const eligibilityRule = z.strictObject({
  id: z.string().min(1).max(40),
  label: z.string().min(1).max(200),
  enabled: z.boolean(),
  population: z.enum(['civil', 'institution', 'all']),
  kind: evidenceKind,
  subKinds: z.array(z.string().min(1).max(40)).max(20),
  when: eligibilityWhen,
  offsets: z.array(z.number().int().min(0).max(10)).max(10).default([]),
  effect: eligibilityEffect,
});
export type EligibilityRule = z.infer<typeof eligibilityRule>;
