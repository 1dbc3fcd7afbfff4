// The named people of the demo who carry the edge cases domain.md lists, so every eligibility rule,
// the three-year 记三等功 rule and the two-year dismissal rule have someone to show them on.

export type EdgeKey =
  | 'probation_at_year_end'
  | 'probation_ended'
  | 'sick_leave_over'
  | 'sick_leave_182'
  | 'warning'
  | 'demerit'
  | 'major_demerit_last_year'
  | 'investigation_open'
  | 'investigation_closed'
  | 'moved_mid_year'
  | 'transferred_in'
  | 'admonished'
  | 'excellent_three_years'
  | 'excellent_two_years'
  | 'incompetent_last_year'
  | 'merit_third_class'
  | 'left_unit'
  | 'leader_superior_assessed';

export interface EdgeCaseSpec {
  key: EdgeKey;
  /** 中文 / English line of the demo summary; {y}, {y-1}… stand for the demo year (see edgeLabel) */
  label: string;
  name: string;
  gender: '男' | '女';
  /** department index in FIRST_AGENCY_DEPARTMENTS (-1 = the agency itself, its leadership) */
  dept: number;
}

export const EDGE_CASES: readonly EdgeCaseSpec[] = [
  {
    key: 'probation_at_year_end',
    label: '年底仍在试用期（{y}-03-01 录用）/ still in probation at year end',
    name: '林晓雨',
    gender: '女',
    dept: 2,
  },
  {
    key: 'probation_ended',
    label: '试用期年中期满（{y}-05-31）/ probation ended mid-year',
    name: '周子航',
    gender: '男',
    dept: 3,
  },
  {
    key: 'sick_leave_over',
    label: '病事假累计 190 天（超过半年）/ 190 days of sick + personal leave',
    name: '郑国华',
    gender: '男',
    dept: 0,
  },
  {
    key: 'sick_leave_182',
    label: '病假正好 182 天（未超过）/ exactly 182 days of sick leave',
    name: '吴秀兰',
    gender: '女',
    dept: 5,
  },
  { key: 'warning', label: '当年受警告处分 / a 警告 this year', name: '钱志刚', gender: '男', dept: 4 },
  { key: 'demerit', label: '当年受记过处分 / a 记过 this year', name: '冯建军', gender: '男', dept: 6 },
  {
    key: 'major_demerit_last_year',
    label: '上一年受记大过处分 / a 记大过 last year',
    name: '褚明亮',
    gender: '男',
    dept: 3,
  },
  {
    key: 'investigation_open',
    label: '立案审查调查未结案 / investigation still open',
    name: '何永强',
    gender: '男',
    dept: 5,
  },
  {
    key: 'investigation_closed',
    label: '立案审查调查已结案（未予处分）/ investigation closed, no sanction',
    name: '马丽娟',
    gender: '女',
    dept: 2,
  },
  {
    key: 'moved_mid_year',
    label: '年中调整部门（{y}-07-01 产业发展科→综合规划科）/ moved between departments mid-year',
    name: '宋佳琪',
    gender: '女',
    dept: 4,
  },
  {
    key: 'transferred_in',
    label: '年内从区财政局调入（前一季度随转）/ transferred in from another agency',
    name: '曹雅琴',
    gender: '女',
    dept: 0,
  },
  { key: 'admonished', label: '当年受诫勉 / 诫勉 this year', name: '蒋文博', gender: '男', dept: 1 },
  {
    key: 'excellent_three_years',
    label: '{y-3}–{y-1} 连续三年优秀 / excellent {y-3}–{y-1}',
    name: '陈思远',
    gender: '男',
    dept: 2,
  },
  {
    key: 'excellent_two_years',
    label: '{y-2}–{y-1} 连续优秀（{y} 优秀即满三年）/ excellent {y-2}–{y-1}',
    name: '赵雨桐',
    gender: '女',
    dept: 6,
  },
  {
    key: 'incompetent_last_year',
    label: '{y-1} 年不称职，{y} 平时考核较差 / incompetent in {y-1}',
    name: '韩立新',
    gender: '男',
    dept: 7,
  },
  { key: 'merit_third_class', label: '当年记三等功 / 记三等功 this year', name: '杨帆', gender: '男', dept: 3 },
  {
    key: 'left_unit',
    label: '{y}-09-30 调离本单位 / left the unit on {y}-09-30',
    name: '许文静',
    gender: '女',
    dept: 1,
  },
  {
    key: 'leader_superior_assessed',
    label: '委领导由上级考核 / leader assessed by the superior body',
    name: '高振东',
    gender: '男',
    dept: -1,
  },
];

/** The label with its year placeholders filled in for the demo's year. */
export function edgeLabel(e: EdgeCaseSpec, year: number): string {
  return e.label.replace(/\{y(?:-(\d))?\}/g, (_m, k: string | undefined) => String(year - Number(k ?? 0)));
}
