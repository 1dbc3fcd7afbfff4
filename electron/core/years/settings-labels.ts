// Chinese names of the settings' fields and values, for validation messages and the change list.
import type { EligibilityEffect } from '../../../shared/settings/year-settings';

export const EFFECT_LABEL: Record<EligibilityEffect, string> = {
  not_assessed: '不参加考核',
  deferred: '暂缓确定等次',
  forced_incompetent: '直接确定为不称职（不合格）',
  comments_only: '只写评语，不定等次',
  max_basic: '不得确定为称职（合格）及以上',
  max_competent: '不得确定为优秀',
  max_incompetent: '不得确定为基本称职（基本合格）及以上',
  info: '仅提示',
};

/** Field paths (array indices dropped) → the name the settings page shows. */
export const SETTINGS_FIELD_LABEL: Record<string, string> = {
  periodKind: '考核期间',
  goodCap: '“好”等次比例上限',
  'goodCap.enabled': '启用“好”等次比例上限',
  'goodCap.share': '“好”等次比例上限',
  'goodCap.scope': '“好”比例计算范围',
  'goodCap.rounding': '“好”人数取整方式',
  'goodCap.enforcement': '超出“好”上限时的处理',
  onlyReviewedPeriodsCount: '年终只计入已复核的期间',
  sanctionMonths: '处分影响期',
  leaveDaysThreshold: '病事假天数阈值',
  eligibilityRules: '资格规则表',
  'eligibilityRules.id': '资格规则编号',
  'eligibilityRules.label': '资格规则说明',
  'eligibilityRules.enabled': '资格规则启用',
  'eligibilityRules.population': '资格规则适用人员',
  'eligibilityRules.kind': '资格规则事件类别',
  'eligibilityRules.subKinds': '资格规则事件细类',
  'eligibilityRules.when': '资格规则适用时间',
  'eligibilityRules.offsets': '资格规则适用年度',
  'eligibilityRules.effect': '资格规则影响',
  institutionSanctionPreset: '事业单位处分规定（适用版本）',
  suggestion: '建议等次',
  'suggestion.mode': '建议等次方式',
  'suggestion.rules': '建议等次规则表',
  'suggestion.points.perRating': '各等次积分',
  'suggestion.points.evidence': '事件积分',
  quota: '优秀名额',
  'quota.share': '优秀比例',
  'quota.rounding': '优秀名额取整方式',
  'quota.baseIncludesUngraded': '不定等次人员计入基数',
  'quota.pooling': '优秀名额计算单元',
  'quota.separatePopulations': '公务员与事业人员分别计算',
  'quota.raisedShare': '提高后的优秀比例',
  'quota.raisedApprovalDocNo': '提高比例批准文号',
  'quota.sharing': '名额在各计算单元间的分配方式',
  'quota.leaders': '分管领导',
  'quota.leaders.id': '分管领导编号',
  'quota.leaders.name': '分管领导姓名',
  'quota.leaders.departmentIds': '分管领导的分管部门',
  'quota.departmentClasses': '部门类别（机关/基层/事业）',
  'quota.departmentClasses.departmentId': '部门类别的部门',
  'quota.departmentClasses.class': '部门类别',
  democraticAppraisal: '民主测评',
  noticeWorkingDays: '公示期（工作日）',
  redress: '复核申诉',
  'redress.reviewDays': '申请复核期限',
  'redress.appealAfterReviewDays': '复核后申诉期限',
  'redress.appealDirectDays': '直接申诉期限',
  'redress.appealableGrades': '可申诉的等次',
  negativeList: '负面清单',
};

/** "sanctionMonths.警告" → "处分影响期（警告）"; "eligibilityRules.3.effect" → "资格规则影响（第 4 行）". */
export function settingsFieldLabel(path: readonly PropertyKey[]): string {
  const keys = path.filter((k) => typeof k !== 'number').map(String);
  const rows = path.filter((k): k is number => typeof k === 'number');
  for (let n = keys.length; n > 0; n--) {
    const label = SETTINGS_FIELD_LABEL[keys.slice(0, n).join('.')];
    if (label) {
      const rest = keys.slice(n);
      const row = rows.length ? `第 ${rows[0]! + 1} 行` : '';
      const extra = [rest.join('.'), row].filter(Boolean).join('，');
      return extra ? `${label}（${extra}）` : label;
    }
  }
  return keys.join('.') || '（整体）';
}
