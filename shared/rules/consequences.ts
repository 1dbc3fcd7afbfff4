// Consequences listed at finalisation, from the year's grade and the earlier years' history:
// 嘉奖, 记三等功 candidates, 诫勉, one level down, 辞退 candidates, years counting toward pay and levels.
import type { Grade, Outcome, PersonCategory } from '../domain/types';
import type { RuleHistory } from './types';

export type ConsequenceCode =
  | 'commendation'
  | 'merit_candidate'
  | 'admonish'
  | 'not_counted'
  | 'demote'
  | 'dismiss_candidate'
  | 'counts_toward_pay';

export interface Consequence {
  code: ConsequenceCode;
  label: string;
  note: string;
}

function gradeIn(history: RuleHistory[], year: number): Grade | null {
  const h = history.find((x) => x.year === year);
  return h && h.outcome === 'graded' ? h.grade : null;
}

const GOOD_ENOUGH = new Set<Grade>(['excellent', 'competent']);

/** Consecutive years (this one included) graded competent or better, walking back through history. */
function streak(year: number, history: RuleHistory[]): number {
  let n = 1;
  for (let y = year - 1; ; y--) {
    const g = gradeIn(history, y);
    if (!g || !GOOD_ENOUGH.has(g)) return n;
    n++;
  }
}

export function consequencesOf(args: {
  year: number;
  category: PersonCategory;
  outcome: Outcome;
  grade: Grade | null;
  history: RuleHistory[];
}): Consequence[] {
  const { year, category, outcome, grade, history } = args;
  if (outcome !== 'graded' || !grade) return [];
  const inst = category === 'institution';
  const out: Consequence[] = [];
  if (grade === 'excellent') {
    out.push({
      code: 'commendation',
      label: '嘉奖',
      note: `${year}年度优秀，给予嘉奖${inst ? '' : '；晋升职级所需年限缩短半年'}`,
    });
    if (gradeIn(history, year - 1) === 'excellent' && gradeIn(history, year - 2) === 'excellent') {
      out.push({
        code: 'merit_candidate',
        label: '记三等功候选',
        note: `${year - 2}、${year - 1}、${year}年度连续三年优秀`,
      });
    }
  }
  if (grade === 'basic') {
    out.push({ code: 'admonish', label: '诫勉', note: `${inst ? '基本合格' : '基本称职'}，对其诫勉谈话，限期改进` });
    out.push({
      code: 'not_counted',
      label: '本年度不计入年限',
      note: '本年度不计算为晋升职级、级别和工资档次的考核年限',
    });
  }
  if (grade === 'incompetent') {
    out.push({
      code: 'demote',
      label: inst ? '调整岗位或降低岗位等级' : '降低一个职务或者职级层次任职',
      note: `${inst ? '不合格' : '不称职'}`,
    });
    if (gradeIn(history, year - 1) === 'incompetent') {
      out.push({
        code: 'dismiss_candidate',
        label: inst ? '解除聘用合同候选' : '辞退候选',
        note: `${year - 1}、${year}年度连续两年${inst ? '不合格' : '不称职'}`,
      });
    }
  }
  if (GOOD_ENOUGH.has(grade)) {
    const n = streak(year, history);
    out.push({
      code: 'counts_toward_pay',
      label: '计入工资档次和级别年限',
      note: `连续第 ${n} 年${inst ? '合格' : '称职'}及以上（两年晋升一个工资档次，五年晋升一个级别）`,
    });
  }
  return out;
}
