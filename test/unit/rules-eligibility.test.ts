// Table tests of the eligibility rows (domain.md §1): every row of DEFAULT_ELIGIBILITY_RULES and the
// boundaries the issue lists. Year 2026; today 2027-03-15 unless a row says otherwise.
import { describe, expect, it } from 'vitest';
import { defaultYearSettings, yearSettings } from '../../shared/settings/year-settings';
import type { InstitutionSanctionPreset } from '../../shared/settings/institution-presets';
import { evaluatePerson } from '../../shared/rules';
import type { Grade, Outcome, PersonCategory } from '../../shared/domain/types';
import type { RuleEvidence, RulePerson } from '../../shared/rules';
import { ev, input } from '../support/yearend-fixtures';

const settings = defaultYearSettings();
const PRESET_SETTINGS = {
  '2012': yearSettings.parse({ institutionSanctionPreset: '2012' }),
  '2023': yearSettings.parse({ institutionSanctionPreset: '2023' }),
};
const settingsOf = (row: { preset?: InstitutionSanctionPreset }) => PRESET_SETTINGS[row.preset ?? '2023'];
const YEAR = 2026;
const TODAY = '2027-03-15';

interface Row {
  name: string;
  category?: PersonCategory;
  ratings?: string;
  evidence?: RuleEvidence[];
  person?: Partial<RulePerson>;
  today?: string;
  outcome: Outcome;
  grade: Grade | null; // suggested grade (null for non-graded outcomes)
  rule?: string; // the winning rule id
  cap?: Grade | null;
  /** the 事业 sanction preset of the year (default: the 2023 处分规定) */
  preset?: InstitutionSanctionPreset;
}

const ROWS: Row[] = [
  // leave: > 182 days sick + personal
  {
    name: '病事假合计182天 → 确定等次',
    evidence: [
      ev('leave', '病假', '2026-02-01', { endDate: '2026-05-31', days: 120 }),
      ev('leave', '事假', '2026-07-01', { endDate: '2026-09-01', days: 62 }),
    ],
    outcome: 'graded',
    grade: 'excellent',
  },
  {
    name: '病事假合计183天 → 只写评语',
    evidence: [
      ev('leave', '病假', '2026-02-01', { endDate: '2026-05-31', days: 120 }),
      ev('leave', '事假', '2026-07-01', { endDate: '2026-09-02', days: 63 }),
    ],
    outcome: 'comments_only',
    grade: null,
    rule: 'leave',
  },
  {
    name: '跨年病假只计本年天数',
    evidence: [ev('leave', '病假', '2025-10-01', { endDate: '2026-04-30' })],
    outcome: 'graded',
    grade: 'excellent',
  },
  // 警告
  {
    name: '当年警告 → 不得优秀',
    evidence: [ev('sanction', '警告', '2026-03-02')],
    outcome: 'graded',
    grade: 'competent',
    rule: 'warning',
    cap: 'competent',
  },
  {
    name: '上一年警告 → 无影响',
    evidence: [ev('sanction', '警告', '2025-11-02')],
    outcome: 'graded',
    grade: 'excellent',
  },
  // 记过
  {
    name: '当年记过 → 只写评语',
    evidence: [ev('sanction', '记过', '2026-05-10')],
    outcome: 'comments_only',
    grade: null,
    rule: 'jiguo',
  },
  {
    name: '上一年记过 → 确定等次',
    evidence: [ev('sanction', '记过', '2025-05-10')],
    outcome: 'graded',
    grade: 'excellent',
  },
  // 记大过 / 降级 / 撤职
  {
    name: '当年记大过 → 只写评语',
    evidence: [ev('sanction', '记大过', '2026-01-10')],
    outcome: 'comments_only',
    grade: null,
    rule: 'jidaguo',
  },
  {
    name: '上一年记大过 → 只写评语',
    evidence: [ev('sanction', '记大过', '2025-12-31')],
    outcome: 'comments_only',
    grade: null,
    rule: 'jidaguo',
  },
  {
    name: '两年前记大过 → 确定等次',
    evidence: [ev('sanction', '记大过', '2024-12-31')],
    outcome: 'graded',
    grade: 'excellent',
  },
  {
    name: '上一年降级 → 只写评语',
    evidence: [ev('sanction', '降级', '2025-03-01')],
    outcome: 'comments_only',
    grade: null,
    rule: 'jidaguo',
  },
  {
    name: '当年撤职 → 只写评语',
    evidence: [ev('sanction', '撤职', '2026-03-01')],
    outcome: 'comments_only',
    grade: null,
    rule: 'jidaguo',
  },
  {
    name: '当年开除 → 不参加考核',
    evidence: [ev('sanction', '开除', '2026-08-01')],
    outcome: 'not_assessed',
    grade: null,
    rule: 'expelled',
  },
  // organisational handling
  {
    name: '当年诫勉 → 不得优秀',
    evidence: [ev('org_handling', '诫勉', '2026-04-01')],
    outcome: 'graded',
    grade: 'competent',
    rule: 'admonish',
    cap: 'competent',
  },
  {
    name: '上一年诫勉 → 无影响',
    evidence: [ev('org_handling', '诫勉', '2025-04-01')],
    outcome: 'graded',
    grade: 'excellent',
  },
  {
    name: '当年调整职务 → 不得优秀',
    evidence: [ev('org_handling', '调整职务', '2026-04-01')],
    outcome: 'graded',
    grade: 'competent',
    rule: 'adjust',
    cap: 'competent',
  },
  {
    name: '当年责令辞职 → 只写评语',
    evidence: [ev('org_handling', '责令辞职', '2026-04-01')],
    outcome: 'comments_only',
    grade: null,
    rule: 'org-heavy',
  },
  {
    name: '当年免职 → 只写评语',
    evidence: [ev('org_handling', '免职', '2026-04-01')],
    outcome: 'comments_only',
    grade: null,
    rule: 'org-heavy',
  },
  {
    name: '当年降职 → 只写评语',
    evidence: [ev('org_handling', '降职', '2026-04-01')],
    outcome: 'comments_only',
    grade: null,
    rule: 'org-heavy',
  },
  {
    name: '上一年免职 → 确定等次',
    evidence: [ev('org_handling', '免职', '2025-04-01')],
    outcome: 'graded',
    grade: 'excellent',
  },
  // party discipline
  {
    name: '当年党内警告 → 不得优秀',
    evidence: [ev('party_discipline', '党内警告', '2026-06-01')],
    outcome: 'graded',
    grade: 'competent',
    rule: 'party-warning',
    cap: 'competent',
  },
  {
    name: '当年严重警告 → 只写评语',
    evidence: [ev('party_discipline', '严重警告', '2026-06-01')],
    outcome: 'comments_only',
    grade: null,
    rule: 'party-serious',
  },
  {
    name: '上一年严重警告 → 确定等次',
    evidence: [ev('party_discipline', '严重警告', '2025-06-01')],
    outcome: 'graded',
    grade: 'excellent',
  },
  {
    name: '当年撤销党内职务 → 不称职',
    evidence: [ev('party_discipline', '撤销党内职务', '2026-06-01')],
    outcome: 'graded',
    grade: 'incompetent',
    rule: 'party-heavy',
  },
  {
    name: '当年留党察看 → 不称职',
    evidence: [ev('party_discipline', '留党察看', '2026-06-01', { details: { termYears: 2 } })],
    outcome: 'graded',
    grade: 'incompetent',
    rule: 'party-heavy',
  },
  {
    name: '上一年留党察看（二年期）→ 只写评语',
    evidence: [ev('party_discipline', '留党察看', '2025-06-01', { details: { termYears: 2 } })],
    outcome: 'comments_only',
    grade: null,
    rule: 'party-probation-after',
  },
  {
    name: '上一年留党察看（一年期，2026-05-31期满）→ 只写评语',
    evidence: [ev('party_discipline', '留党察看', '2025-06-01')],
    outcome: 'comments_only',
    grade: null,
    rule: 'party-probation-after',
  },
  {
    // from the year of imposition, not the term's end: imposed 2025-01-01 for one year, over in 2025
    name: '2025-01-01 留党察看（一年期，2025年内期满）→ 2026 为后续年度，只写评语',
    evidence: [ev('party_discipline', '留党察看', '2025-01-01', { details: { termYears: 1 } })],
    outcome: 'comments_only',
    grade: null,
    rule: 'party-probation-after',
  },
  {
    name: '2024-06-01 留党察看（二年期）→ 2026 为第二个后续年度，只写评语',
    evidence: [ev('party_discipline', '留党察看', '2024-06-01', { details: { termYears: 2 } })],
    outcome: 'comments_only',
    grade: null,
    rule: 'party-probation-after',
  },
  {
    name: '2024-06-01 留党察看（一年期）→ 2026 已过后续年度，确定等次',
    evidence: [ev('party_discipline', '留党察看', '2024-06-01', { details: { termYears: 1 } })],
    outcome: 'graded',
    grade: 'excellent',
  },
  {
    name: '两年前留党察看（一年期已满）→ 确定等次',
    evidence: [ev('party_discipline', '留党察看', '2024-06-01')],
    outcome: 'graded',
    grade: 'excellent',
  },
  {
    name: '当年开除党籍 → 不称职',
    evidence: [ev('party_discipline', '开除党籍', '2026-02-01')],
    outcome: 'graded',
    grade: 'incompetent',
    rule: 'party-heavy',
  },
  {
    name: '上一年开除党籍（第二年）→ 只写评语',
    evidence: [ev('party_discipline', '开除党籍', '2025-02-01')],
    outcome: 'comments_only',
    grade: null,
    rule: 'party-expel-after',
  },
  {
    name: '两年前开除党籍（第三年）→ 只写评语',
    evidence: [ev('party_discipline', '开除党籍', '2024-02-01')],
    outcome: 'comments_only',
    grade: null,
    rule: 'party-expel-after',
  },
  {
    name: '三年前开除党籍 → 确定等次',
    evidence: [ev('party_discipline', '开除党籍', '2023-02-01')],
    outcome: 'graded',
    grade: 'excellent',
  },
  // investigation
  {
    name: '年底仍在立案审查 → 暂缓',
    evidence: [ev('investigation', '立案审查调查', '2026-09-01')],
    outcome: 'deferred',
    grade: null,
    rule: 'investigation',
  },
  {
    name: '年内已结案（无处分）→ 确定等次',
    evidence: [
      ev('investigation', '立案审查调查', '2026-03-01', { endDate: '2026-10-01', details: { conclusion: '无处分' } }),
    ],
    outcome: 'graded',
    grade: 'excellent',
  },
  {
    name: '年后结案但今天尚未结案 → 暂缓',
    today: '2027-01-10',
    evidence: [ev('investigation', '立案审查调查', '2026-09-01', { endDate: '2027-02-01' })],
    outcome: 'deferred',
    grade: null,
    rule: 'investigation',
  },
  {
    name: '年后结案无处分 → 补定等次',
    evidence: [
      ev('investigation', '立案审查调查', '2026-09-01', { endDate: '2027-02-01', details: { conclusion: '无处分' } }),
    ],
    outcome: 'graded',
    grade: 'excellent',
  },
  {
    name: '年后结案给予警告 → 补定等次且不得优秀',
    evidence: [
      ev('investigation', '立案审查调查', '2026-09-01', { endDate: '2027-02-01', details: { conclusion: '警告' } }),
    ],
    outcome: 'graded',
    grade: 'competent',
    rule: 'warning',
    cap: 'competent',
  },
  {
    name: '年后结案给予记过 → 按记过行只写评语',
    evidence: [
      ev('investigation', '立案审查调查', '2026-09-01', { endDate: '2027-02-01', details: { conclusion: '记过' } }),
    ],
    outcome: 'comments_only',
    grade: null,
    rule: 'jiguo',
  },
  {
    name: '年后结案 closingOutcome=none → 补定等次',
    evidence: [
      ev('investigation', '立案审查调查', '2026-09-01', {
        endDate: '2027-02-01',
        details: { closingOutcome: 'none', linkedEvidenceId: null },
      }),
    ],
    outcome: 'graded',
    grade: 'excellent',
  },
  {
    name: '年后结案 closingOutcome=warning → 不得优秀',
    evidence: [
      ev('investigation', '立案审查调查', '2026-09-01', {
        endDate: '2027-02-01',
        details: { closingOutcome: 'warning', linkedEvidenceId: null },
      }),
    ],
    outcome: 'graded',
    grade: 'competent',
    rule: 'warning',
  },
  {
    name: '年后结案 closingOutcome=heavier 关联记大过 → 只写评语',
    evidence: [
      ev('sanction', '记大过', '2027-02-01', { id: 'linked-1' }),
      ev('investigation', '立案审查调查', '2026-09-01', {
        endDate: '2027-02-01',
        details: { closingOutcome: 'heavier', linkedEvidenceId: 'linked-1' },
      }),
    ],
    outcome: 'comments_only',
    grade: null,
    rule: 'jidaguo',
  },
  {
    preset: '2012',
    name: '年后结案 closingOutcome=heavier 关联降低岗位等级（事业）→ 不合格',
    category: 'institution',
    evidence: [
      ev('sanction', '降低岗位等级', '2027-02-01', { id: 'linked-2' }),
      ev('investigation', '立案审查调查', '2026-09-01', {
        endDate: '2027-02-01',
        details: { closingOutcome: 'heavier', linkedEvidenceId: 'linked-2' },
      }),
    ],
    outcome: 'graded',
    grade: 'incompetent',
    rule: 'inst-demote',
  },
  // probation
  {
    name: '试用期年内期满 → 确定等次',
    person: { hireDate: '2025-09-01', probationEnd: '2026-09-01' },
    outcome: 'graded',
    grade: 'excellent',
  },
  {
    name: '试用期12-31期满 → 确定等次',
    person: { hireDate: '2026-01-01', probationEnd: '2026-12-31' },
    outcome: 'graded',
    grade: 'excellent',
  },
  {
    name: '试用期次年期满 → 只写评语',
    person: { hireDate: '2026-03-01', probationEnd: '2027-03-01' },
    outcome: 'comments_only',
    grade: null,
    rule: 'probation',
  },
  {
    name: '试用期事件（次年期满）→ 只写评语',
    evidence: [ev('probation', '试用期', '2026-05-01', { endDate: '2027-05-01' })],
    outcome: 'comments_only',
    grade: null,
    rule: 'probation',
  },
  // transfer
  {
    name: '年中调入 → 现单位考核，前期结果随转',
    evidence: [ev('transfer', '调入', '2026-07-01')],
    outcome: 'graded',
    grade: 'excellent',
  },
  {
    // whether or not the roster was updated: the person is still active here
    name: '年内调出（名册未更新）→ 不参加本单位考核，不计入名额基数',
    evidence: [ev('transfer', '调出', '2026-09-01')],
    outcome: 'not_assessed',
    grade: null,
    rule: 'transfer-out',
  },
  {
    name: '借调 183 天（2026-07-02 起至年底）→ 由借调单位考核',
    evidence: [ev('transfer', '借调', '2026-07-02')],
    outcome: 'not_assessed',
    grade: null,
    rule: 'secondment',
  },
  {
    name: '借调 182 天（2026-07-03 起至年底）→ 本单位考核',
    evidence: [ev('transfer', '借调', '2026-07-03')],
    outcome: 'graded',
    grade: 'excellent',
  },
  {
    name: '借调按天数（200 天，未填结束日期）→ 由借调单位考核',
    evidence: [ev('transfer', '借调', '2026-03-01', { days: 200 })],
    outcome: 'not_assessed',
    grade: null,
    rule: 'secondment',
  },
  // not assessed
  {
    name: '名册已离开本单位 → 不参加考核',
    person: { status: 'left', leftDate: '2026-08-31' },
    outcome: 'not_assessed',
    grade: null,
    rule: 'left',
  },
  {
    name: '次年才离开 → 确定等次',
    person: { status: 'left', leftDate: '2027-01-31' },
    outcome: 'graded',
    grade: 'excellent',
  },
  {
    name: '经批准不参加考核',
    evidence: [ev('not_assessed', '其他', '2026-05-01')],
    outcome: 'not_assessed',
    grade: null,
    rule: 'manual-na',
  },
  {
    name: '拒不参加 → 不称职',
    evidence: [ev('not_assessed', '拒不参加', '2026-12-01')],
    outcome: 'graded',
    grade: 'incompetent',
    rule: 'refuse',
  },
  // several at once: the heaviest wins
  {
    name: '警告+记过+年底未结案 → 暂缓',
    evidence: [
      ev('sanction', '警告', '2026-02-01'),
      ev('sanction', '记过', '2026-04-01'),
      ev('investigation', '立案审查调查', '2026-10-01'),
    ],
    outcome: 'deferred',
    grade: null,
    rule: 'investigation',
  },
  {
    name: '严重警告+撤销党内职务 → 不称职',
    evidence: [ev('party_discipline', '严重警告', '2026-02-01'), ev('party_discipline', '撤销党内职务', '2026-04-01')],
    outcome: 'graded',
    grade: 'incompetent',
    rule: 'party-heavy',
  },
  {
    name: '离开本单位+立案审查 → 不参加考核',
    person: { status: 'left', leftDate: '2026-11-30' },
    evidence: [ev('investigation', '立案审查调查', '2026-10-01')],
    outcome: 'not_assessed',
    grade: null,
    rule: 'left',
  },
  {
    name: '诫勉+试用期未满 → 只写评语',
    person: { hireDate: '2026-03-01', probationEnd: '2027-03-01' },
    evidence: [ev('org_handling', '诫勉', '2026-04-01')],
    outcome: 'comments_only',
    grade: null,
    rule: 'probation',
    cap: 'competent',
  },
  // institution rows
  {
    name: '事业：初次就业不满半年（182天）→ 只写评语',
    category: 'institution',
    person: { hireDate: '2026-07-03', probationEnd: '2027-07-02' },
    outcome: 'comments_only',
    grade: null,
    rule: 'inst-short',
  },
  {
    name: '事业：初次就业满半年（183天）→ 确定等次',
    category: 'institution',
    person: { hireDate: '2026-07-02', probationEnd: '2027-07-01' },
    outcome: 'graded',
    grade: 'excellent',
  },
  {
    name: '事业：非初次就业（无试用期）不满半年 → 确定等次',
    category: 'institution',
    person: { hireDate: '2026-09-01' },
    outcome: 'graded',
    grade: 'excellent',
  },
  {
    name: '事业：当年警告 → 不得优秀',
    category: 'institution',
    evidence: [ev('sanction', '警告', '2026-03-01')],
    outcome: 'graded',
    grade: 'competent',
    rule: 'warning',
    cap: 'competent',
  },
  {
    preset: '2012',
    name: '事业：记过处分期与本年重叠 → 不得合格及以上',
    category: 'institution',
    evidence: [ev('sanction', '记过', '2025-06-01')],
    outcome: 'graded',
    grade: 'basic',
    rule: 'inst-jiguo',
    cap: 'basic',
  },
  {
    preset: '2012',
    name: '事业：记过处分期已过 → 确定等次',
    category: 'institution',
    evidence: [ev('sanction', '记过', '2024-06-01')],
    outcome: 'graded',
    grade: 'excellent',
  },
  {
    preset: '2012',
    name: '事业：降低岗位等级期间 → 不合格',
    category: 'institution',
    evidence: [ev('sanction', '降低岗位等级', '2025-03-01')],
    outcome: 'graded',
    grade: 'incompetent',
    rule: 'inst-demote',
    cap: 'incompetent',
  },
  {
    preset: '2012',
    name: '事业：警告+降低岗位等级 → 最重的限制',
    category: 'institution',
    evidence: [ev('sanction', '警告', '2026-03-01'), ev('sanction', '降低岗位等级', '2026-05-01')],
    outcome: 'graded',
    grade: 'incompetent',
    rule: 'inst-demote',
    cap: 'incompetent',
  },
  {
    name: '事业：试用期年底未满但已满半年 → 确定等次',
    category: 'institution',
    person: { hireDate: '2026-03-01', probationEnd: '2027-03-01' },
    outcome: 'graded',
    grade: 'excellent',
  },
  // the 2023 处分规定 (the default preset)
  {
    name: '事业（2023）：当年记过 → 只写评语',
    category: 'institution',
    evidence: [ev('sanction', '记过', '2026-05-01')],
    outcome: 'comments_only',
    grade: null,
    rule: 'inst-2023-jiguo',
  },
  {
    name: '事业（2023）：上一年记过（处分期与本年重叠）→ 确定等次',
    category: 'institution',
    evidence: [ev('sanction', '记过', '2025-06-01')],
    outcome: 'graded',
    grade: 'excellent',
  },
  {
    name: '事业（2023）：上一年降低岗位等级 → 只写评语',
    category: 'institution',
    evidence: [ev('sanction', '降低岗位等级', '2025-03-01')],
    outcome: 'comments_only',
    grade: null,
    rule: 'inst-2023-demote',
  },
  {
    name: '事业（2023）：前年降低岗位等级 → 确定等次',
    category: 'institution',
    evidence: [ev('sanction', '降低岗位等级', '2024-12-31')],
    outcome: 'graded',
    grade: 'excellent',
  },
  {
    name: '事业（2023）：警告+降低岗位等级 → 只写评语',
    category: 'institution',
    evidence: [ev('sanction', '警告', '2026-03-01'), ev('sanction', '降低岗位等级', '2026-05-01')],
    outcome: 'comments_only',
    grade: null,
    rule: 'inst-2023-demote',
  },
  {
    name: '公务员不适用事业的2023行：当年记过仍按公务员行 → 只写评语',
    evidence: [ev('sanction', '记过', '2026-05-01')],
    outcome: 'comments_only',
    grade: null,
    rule: 'jiguo',
  },
  {
    name: '事业（2023）：年后结案 heavier 关联降低岗位等级 → 只写评语',
    category: 'institution',
    evidence: [
      ev('sanction', '降低岗位等级', '2027-02-01', { id: 'linked-3' }),
      ev('investigation', '立案审查调查', '2026-09-01', {
        endDate: '2027-02-01',
        details: { closingOutcome: 'heavier', linkedEvidenceId: 'linked-3' },
      }),
    ],
    outcome: 'comments_only',
    grade: null,
    rule: 'inst-2023-demote',
  },
  {
    name: '事业（2012）：试用期年底未满但已满半年 → 确定等次',
    preset: '2012',
    category: 'institution',
    person: { hireDate: '2026-03-01', probationEnd: '2027-03-01' },
    outcome: 'graded',
    grade: 'excellent',
  },
];

describe('eligibility table (year 2026)', () => {
  it.each(ROWS)('$name', (row) => {
    const r = evaluatePerson(
      input({ category: row.category, ratings: row.ratings, evidence: row.evidence, person: row.person }),
      YEAR,
      row.today ?? TODAY,
      settingsOf(row),
    );
    expect(r.eligibility.outcome).toBe(row.outcome);
    expect(r.suggestion.grade).toBe(row.grade);
    if (row.rule) expect(r.eligibility.winning?.ruleId).toBe(row.rule);
    else expect(r.eligibility.winning).toBeNull();
    if (row.cap !== undefined) expect(r.eligibility.maxGrade).toBe(row.cap);
    // every fired rule names its records, and the trace mentions the winning rule's label
    for (const f of r.eligibility.fired)
      if (f.ruleId !== 'investigation-closed') expect(f.records.length).toBeGreaterThan(0);
    if (r.eligibility.winning) expect(r.traceText).toContain(r.eligibility.winning.label);
  });

  it('every default rule row of both presets is exercised by the table above', () => {
    const seen = new Set<string>();
    for (const row of ROWS) {
      const r = evaluatePerson(
        input({ category: row.category, evidence: row.evidence, person: row.person }),
        YEAR,
        row.today ?? TODAY,
        settingsOf(row),
      );
      for (const f of r.eligibility.fired) seen.add(f.ruleId);
    }
    const enabled = [
      ...new Set(
        Object.values(PRESET_SETTINGS).flatMap((s) => s.eligibilityRules.filter((x) => x.enabled).map((x) => x.id)),
      ),
    ];
    expect(enabled.filter((id) => !seen.has(id))).toEqual([]);
  });

  it('the investigation closed afterwards is explained in the trace', () => {
    const r = evaluatePerson(
      input({
        evidence: [
          ev('investigation', '立案审查调查', '2026-09-01', { endDate: '2027-02-01', details: { conclusion: '警告' } }),
        ],
      }),
      YEAR,
      TODAY,
      settings,
    );
    expect(r.traceText).toContain('2027-02-01 结案，结论为警告');
    expect(r.eligibility.fired.map((f) => f.ruleId)).toEqual(['warning', 'investigation-closed']);
  });

  it('a disabled row does not fire, and a local row added by the office does', () => {
    const s = defaultYearSettings();
    s.eligibilityRules = s.eligibilityRules.map((x) => (x.id === 'warning' ? { ...x, enabled: false } : x));
    s.eligibilityRules.push({ ...s.eligibilityRules.find((x) => x.id === 'negative-list')!, enabled: true });
    s.negativeList = [{ name: '违规公款吃喝', effect: 'max_basic' }];
    const r = evaluatePerson(
      input({
        evidence: [
          ev('sanction', '警告', '2026-03-01'),
          ev('negative_list', '负面清单', '2026-04-01', { details: { item: '违规公款吃喝' } }),
        ],
      }),
      YEAR,
      TODAY,
      s,
    );
    expect(r.eligibility.fired.map((f) => f.ruleId)).toEqual(['negative-list']);
    expect(r.suggestion.grade).toBe('basic');
  });

  it('the leave threshold comes from the settings', () => {
    const s = { ...defaultYearSettings(), leaveDaysThreshold: 100 };
    const r = evaluatePerson(input({ evidence: [ev('leave', '病假', '2026-02-01', { days: 101 })] }), YEAR, TODAY, s);
    expect(r.eligibility.outcome).toBe('comments_only');
    expect(r.traceText).toContain('合计 101 天，超过 100 天');
  });

  it('sanction periods come from the settings (事业 记过 6 months instead of 12)', () => {
    const s = defaultYearSettings();
    s.sanctionMonths.记过 = 6;
    const r = evaluatePerson(
      input({ category: 'institution', evidence: [ev('sanction', '记过', '2025-06-01')] }),
      YEAR,
      TODAY,
      s,
    );
    expect(r.eligibility.maxGrade).toBeNull();
  });
});
