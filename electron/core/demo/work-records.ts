// 工作纪实 and 评语 for the demo: two to four concrete sentences per person and quarter from phrase
// pools, so the quarterly appendix and the drafted 个人总结 read like a real office's records.
import type { PeriodRatingValue } from '../../../shared/domain/types';
import type { Rng } from './prng';

const LEADS = [
  '牵头完成',
  '参与起草',
  '按期完成',
  '组织开展',
  '配合完成',
  '具体承办',
  '统筹推进',
  '认真做好',
  '跟踪落实',
  '梳理形成',
] as const;
const TAILS = [
  (r: Rng) => `，形成报告${r.int(2, 6)}份`,
  (r: Rng) => `，累计办理${r.int(12, 80)}件`,
  (r: Rng) => `，涉及项目${r.int(3, 24)}个`,
  (r: Rng) => `，较计划提前${r.int(2, 10)}天完成`,
  () => '，获分管领导肯定',
  () => '，经委务会审议通过',
  () => '，按时报送市级主管部门',
  (r: Rng) => `，开展实地调研${r.int(2, 9)}次`,
  () => '，全程无差错',
] as const;
const URGENT = [
  (r: Rng) => `承担汛期防汛值班任务，值班${r.int(4, 12)}天，及时报送雨情险情信息`,
  (r: Rng) => `参加安全生产大检查，检查企业${r.int(5, 20)}家，督促整改隐患${r.int(3, 15)}处`,
  (r: Rng) => `参与信访接待，接待来访群众${r.int(6, 30)}人次，均按期答复`,
  () => '参加文明城区创建包片工作，所包路段测评达标',
  () => '承担春节期间保供稳价值守，协调解决供应问题',
  (r: Rng) => `参加重大活动服务保障，连续加班${r.int(3, 8)}天`,
  () => '临时抽调参加区委巡察，按时完成底稿整理',
  () => '配合做好森林防火期包村值守',
] as const;
const ROUTINE = [
  '日常公文办理规范及时',
  '认真落实首问负责和限时办结制度',
  '按要求参加理论学习和支部活动',
  '完成科室交办的其他事项',
  '严格遵守工作纪律和廉洁自律规定',
] as const;
const SHORTFALL = [
  '个别材料报送不够及时，经提醒后补正',
  '工作主动性有待提高',
  '有一项任务未按时间节点完成',
  '材料质量不够高，返工两次',
] as const;
const POOR = [
  '多项任务未按期完成，影响科室整体进度',
  '本季度出现工作差错，被督查通报批评',
  '无故迟到早退，经谈话提醒仍未明显改进',
] as const;

const COMMENTS: Record<PeriodRatingValue, readonly string[]> = {
  good: [
    '工作主动，成效明显，完成任务质量高。',
    '担当作为，急难险重任务完成出色。',
    '业务能力强，工作有创新，表现突出。',
    '标准高、效率高，圆满完成各项任务。',
  ],
  fair: [
    '较好完成本季度各项工作任务。',
    '工作认真负责，完成任务较好。',
    '能够按时完成交办任务，工作作风扎实。',
    '业务熟练，完成任务较好，仍有提升空间。',
  ],
  average: [
    '基本完成本季度工作任务，主动性有待加强。',
    '完成任务一般，工作质量需进一步提高。',
    '能完成基本任务，但效率不高。',
  ],
  poor: ['多项任务未完成，需加强改进。', '工作作风不够扎实，完成任务较差。', '工作出现差错，未达到岗位要求。'],
};

/** 2–4 sentences: one or two concrete tasks, maybe an urgent one, a routine or shortfall close. */
export function workRecord(rng: Rng, work: readonly string[], rating: PeriodRatingValue, quarter: number): string {
  const parts: string[] = [];
  const lead = quarter === 1 ? '年初' : quarter === 4 ? '年底前' : '';
  const first = rng.pick(work);
  parts.push(`${lead}${rng.pick(LEADS)}${first}${rng.pick(TAILS)(rng)}。`);
  if (rng.chance(0.7)) {
    let second = rng.pick(work);
    if (second === first) second = work[(work.indexOf(first) + 1) % work.length]!;
    parts.push(`${rng.pick(LEADS)}${second}${rng.pick(TAILS)(rng)}。`);
  }
  if (rating === 'good' || rng.chance(0.35)) parts.push(`${rng.pick(URGENT)(rng)}。`);
  if (rating === 'poor') parts.push(`${rng.pick(POOR)}。`);
  else if (rating === 'average') parts.push(`${rng.pick(SHORTFALL)}。`);
  else if (parts.length < 3) parts.push(`${rng.pick(ROUTINE)}。`);
  return parts.slice(0, 4).join('');
}

export function ratingComment(rng: Rng, rating: PeriodRatingValue): string {
  return rng.pick(COMMENTS[rating]);
}
