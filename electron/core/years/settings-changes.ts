// A settings change in plain Chinese ("优秀比例 20% → 25%"), for the clerk's confirmation and the
// audit trail. Known fields get their own wording; anything else still shows up by its path.
import type { YearSettings } from '../../../shared/settings/year-settings';
import { PERIOD_KIND_LABEL } from '../../../shared/periods/calendar';
import { ROUNDING_LABEL, percentLabel } from '../../../shared/ratings/cap';
import { RATING_LABEL } from '../../../shared/domain/labels';
import { EFFECT_LABEL } from './settings-labels';
import { INSTITUTION_PRESET_INFO } from '../../../shared/settings/institution-presets';

type Fmt = (v: unknown) => string;

const pct: Fmt = (v) => percentLabel(Number(v));
const yesNo: Fmt = (v) => (v ? '是' : '否');
const onOff: Fmt = (v) => (v ? '启用' : '停用');
const days: Fmt = (v) => `${String(v)} 天`;
const months: Fmt = (v) => `${String(v)} 个月`;
const plain: Fmt = (v) => (v === '' ? '（空）' : String(v));
const pick =
  (labels: Record<string, string>): Fmt =>
  (v) =>
    labels[String(v)] ?? String(v);

const GRADE_LABEL: Record<string, string> = {
  excellent: '优秀',
  competent: '称职（合格）',
  basic: '基本称职（基本合格）',
  incompetent: '不称职（不合格）',
};

/** Scalar fields in the order the settings page shows them: path, label, formatter. */
const FIELDS: [string, string, Fmt][] = [
  ['periodKind', '考核期间', pick(PERIOD_KIND_LABEL)],
  ['goodCap.enabled', '“好”等次比例上限', onOff],
  ['goodCap.share', '“好”等次比例上限', pct],
  ['goodCap.scope', '“好”比例计算范围', pick({ department: '按部门', agency: '按全单位' })],
  ['goodCap.rounding', '“好”人数取整方式', pick(ROUNDING_LABEL)],
  ['goodCap.enforcement', '超出“好”上限时', pick({ warn: '提醒后允许保存', block: '禁止保存（须填写理由方可突破）' })],
  ['onlyReviewedPeriodsCount', '年终只计入已复核的期间', yesNo],
  ['sanctionMonths.警告', '警告处分影响期', months],
  ['sanctionMonths.记过', '记过处分影响期', months],
  ['sanctionMonths.记大过', '记大过处分影响期', months],
  ['sanctionMonths.降级', '降级处分影响期', months],
  ['sanctionMonths.撤职', '撤职处分影响期', months],
  ['sanctionMonths.降低岗位等级', '降低岗位等级处分影响期', months],
  ['leaveDaysThreshold', '病事假累计超过（只写评语）', days],
  ['institutionSanctionPreset', '事业单位处分规定', (v) => INSTITUTION_PRESET_INFO[v as '2012']?.title ?? String(v)],
  ['suggestion.mode', '建议等次方式', pick({ rules: '规则表', points: '积分排序' })],
  ['suggestion.points.perRating.good', `积分：“${RATING_LABEL.good}”`, plain],
  ['suggestion.points.perRating.fair', `积分：“${RATING_LABEL.fair}”`, plain],
  ['suggestion.points.perRating.average', `积分：“${RATING_LABEL.average}”`, plain],
  ['suggestion.points.perRating.poor', `积分：“${RATING_LABEL.poor}”`, plain],
  ['quota.share', '优秀比例', pct],
  ['quota.rounding', '优秀名额取整方式', pick(ROUNDING_LABEL)],
  ['quota.baseIncludesUngraded', '不定等次人员计入优秀比例基数', yesNo],
  [
    'quota.pooling',
    '优秀名额计算单元',
    pick({
      agency: '按单位',
      department: '按部门',
      category: '按人员类别',
      leader: '按分管领导',
      class: '按机关/基层/事业',
    }),
  ],
  [
    'quota.sharing',
    '名额分配方式',
    pick({ per_unit: '各单元分别取整', largest_remainder: '全单位名额按最大余数法分配' }),
  ],
  ['quota.separatePopulations', '公务员与事业人员分别计算名额', yesNo],
  ['quota.raisedShare', '绩效优秀单位提高后的优秀比例', pct],
  ['quota.raisedApprovalDocNo', '提高比例批准文号', plain],
  ['democraticAppraisal', '民主测评', onOff],
  ['noticeWorkingDays', '公示期（工作日）', (v) => `${String(v)} 个工作日`],
  ['redress.reviewDays', '申请复核期限', days],
  ['redress.appealAfterReviewDays', '复核后申诉期限', days],
  ['redress.appealDirectDays', '直接申诉期限', days],
];

function at(obj: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function describeSettingsChanges(before: YearSettings, after: YearSettings): string[] {
  const out: string[] = [];
  for (const [path, label, fmt] of FIELDS) {
    const a = at(before, path);
    const b = at(after, path);
    if (!same(a, b))
      out.push(`${label} ${a === undefined ? '（无）' : fmt(a)} → ${b === undefined ? '（无）' : fmt(b)}`);
  }
  if (!same(before.redress.appealableGrades, after.redress.appealableGrades)) {
    const list = (g: string[]) => (g.length ? g.map((x) => GRADE_LABEL[x] ?? x).join('、') : '（无）');
    out.push(`可申诉的等次 ${list(before.redress.appealableGrades)} → ${list(after.redress.appealableGrades)}`);
  }
  out.push(...describeEligibility(before, after));
  if (!same(before.suggestion.rules, after.suggestion.rules))
    out.push(`建议等次规则表已修改（现 ${after.suggestion.rules.length} 条）`);
  for (const key of new Set([
    ...Object.keys(before.suggestion.points.evidence),
    ...Object.keys(after.suggestion.points.evidence),
  ])) {
    const a = before.suggestion.points.evidence[key];
    const b = after.suggestion.points.evidence[key];
    if (a !== b) out.push(`积分：“${key}” ${a ?? '（无）'} → ${b ?? '（无）'}`);
  }
  out.push(...describePools(before, after));
  if (!same(before.negativeList, after.negativeList)) out.push(`负面清单已修改（现 ${after.negativeList.length} 项）`);
  // a field no line above names must still be saved (an empty list means "nothing to save")
  if (!out.length && !same(before, after)) out.push('其他设置已修改');
  return out;
}

function describeEligibility(before: YearSettings, after: YearSettings): string[] {
  const out: string[] = [];
  const old = new Map(before.eligibilityRules.map((r) => [r.id, r]));
  const now = new Map(after.eligibilityRules.map((r) => [r.id, r]));
  for (const r of after.eligibilityRules) {
    const o = old.get(r.id);
    if (!o) {
      out.push(`新增资格规则“${r.label}”（${EFFECT_LABEL[r.effect]}${r.enabled ? '' : '，停用'}）`);
      continue;
    }
    if (o.enabled !== r.enabled) out.push(`资格规则“${r.label}” ${onOff(o.enabled)} → ${onOff(r.enabled)}`);
    if (o.effect !== r.effect)
      out.push(`资格规则“${r.label}”的影响 ${EFFECT_LABEL[o.effect]} → ${EFFECT_LABEL[r.effect]}`);
    const { enabled: _e1, effect: _f1, ...restOld } = o;
    const { enabled: _e2, effect: _f2, ...restNew } = r;
    if (!same(restOld, restNew)) out.push(`资格规则“${r.label}”的条件已修改`);
  }
  for (const r of before.eligibilityRules) if (!now.has(r.id)) out.push(`删除资格规则“${r.label}”`);
  return out;
}

/** 分管领导 and department classes: who was added, removed, or given other departments. */
function describePools(before: YearSettings, after: YearSettings): string[] {
  const out: string[] = [];
  const old = new Map(before.quota.leaders.map((l) => [l.id, l]));
  const now = new Map(after.quota.leaders.map((l) => [l.id, l]));
  for (const l of after.quota.leaders) {
    const o = old.get(l.id);
    if (!o) out.push(`新增分管领导“${l.name}”（分管 ${l.departmentIds.length} 个部门）`);
    else {
      if (o.name !== l.name) out.push(`分管领导“${o.name}”改名为“${l.name}”`);
      if (!same([...o.departmentIds].sort(), [...l.departmentIds].sort()))
        out.push(`分管领导“${l.name}”的分管部门已修改（现 ${l.departmentIds.length} 个）`);
    }
  }
  for (const l of before.quota.leaders) if (!now.has(l.id)) out.push(`删除分管领导“${l.name}”`);
  if (!same(before.quota.departmentClasses, after.quota.departmentClasses))
    out.push(`部门类别（机关/基层/事业）已修改（现列 ${after.quota.departmentClasses.length} 个部门）`);
  return out;
}
