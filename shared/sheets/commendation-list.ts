// 奖励及处理名单: the consequences listed at finalisation — 嘉奖 for the excellent, 记三等功
// candidates (excellent three years running), incompetent (one level down) and dismissal candidates.
import { gradeLabel } from '../domain/labels';
import type { SheetModel } from './model';
import type { PackData, PackPerson } from './pack-data';
import { buildTableSheet } from './table-sheet';

const KINDS = [
  { key: 'commendation', label: '嘉奖', basis: (y: number) => `${y}年度考核优秀` },
  { key: 'meritCandidate', label: '记三等功（候选）', basis: (y: number) => `${y - 2}—${y}年度连续三年考核优秀` },
  {
    key: 'incompetent',
    label: '不称职（不合格）处理',
    basis: (y: number) => `${y}年度考核不称职（不合格），按规定降低一个职务或职级层次`,
  },
  {
    key: 'dismissalCandidate',
    label: '辞退（候选）',
    basis: (y: number) => `${y - 1}—${y}年度连续两年考核不称职（不合格）`,
  },
] as const;

export function buildCommendationList(data: PackData, persons: readonly PackPerson[]): SheetModel {
  const rows: (string | number)[][] = [];
  let undecided = false;
  for (const kind of KINDS) {
    for (const p of persons.filter((x) => x.consequences[kind.key])) {
      undecided ||= p.result.finalGrade === null;
      const g = p.result.finalGrade ?? p.result.suggestedGrade;
      rows.push([
        rows.length + 1,
        kind.label,
        p.name,
        p.departmentName,
        p.position ?? '',
        g ? gradeLabel(g, p.category) : '',
        kind.basis(data.year.year),
      ]);
    }
  }
  return buildTableSheet({
    sheetName: '奖励及处理名单',
    title: `${data.unit.name}${data.year.year}年度考核结果运用名单`,
    subtitle: `${undecided ? '【草稿：含尚未经考核委员会确定的建议等次】' : ''}（嘉奖、记三等功候选、不称职处理及辞退候选人员）`,
    orientation: 'landscape',
    columns: [
      { header: '序号', width: 6 },
      { header: '类别', width: 18 },
      { header: '姓名', width: 10 },
      { header: '部门', width: 18, align: 'left' },
      { header: '职务职级', width: 20, align: 'left' },
      { header: '年度等次', width: 10 },
      { header: '依据', width: 'fill', align: 'left' },
    ],
    rows,
    footer: [
      '说明：记三等功、辞退为候选名单，须按干部管理权限履行审批程序后执行。',
      '经办人（签字）：　　　　　　　　　　审核人（签字）：　　　　　　　　　　（单位盖章）',
    ],
    emptyText: '（本年度无相关人员）',
  });
}
