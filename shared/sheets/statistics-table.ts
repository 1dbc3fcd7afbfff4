// 统计备案表: per department and for the unit, persons due and actually assessed, counts per grade
// and per non-grade outcome, the excellent share against the cap; and the per-person result codes
// (1 优秀 … 6 未参加) a personnel system wants.
import { CATEGORY_LABEL, gradeLabel, OUTCOME_LABEL, resultCode } from '../domain/labels';
import { effectiveShare } from '../rules';
import { excellentShare, gradeHeading, packTally, quotaLinesOf } from './pack-counts';
import { chineseDate, percent } from './format';
import type { SheetModel } from './model';
import type { PackData, PackPerson } from './pack-data';
import { buildTableSheet } from './table-sheet';

export function buildStatisticsTable(data: PackData, persons: readonly PackPerson[], scopeLabel: string): SheetModel {
  const cats = persons.map((p) => p.category);
  const capShare = effectiveShare(data.year.settings).share;
  const line = (label: string, list: readonly PackPerson[]) => {
    const c = packTally(data, list);
    return [
      label,
      c.due,
      c.assessed,
      c.grades.excellent,
      c.grades.competent,
      c.grades.basic,
      c.grades.incompetent,
      c.commentsOnly,
      c.deferred,
      c.notAssessed,
      excellentShare(c),
    ];
  };
  const depts = [...data.departments].sort((a, b) => a.sortOrder - b.sortOrder);
  const rows = depts
    .map((d) => persons.filter((p) => p.departmentId === d.id))
    .map((list, i) => ({ list, d: depts[i] }))
    .filter((x) => x.list.length)
    .map((x) => line(x.d!.name, x.list));
  rows.push(line('合计', persons));
  // the leaders graded by the superior body sit outside the unit's places: shown apart
  const leaders = persons.filter((p) => p.superiorAssessed);
  if (leaders.length) rows.push(line('其中：上级考核的领导班子成员', leaders));
  return buildTableSheet({
    sheetName: '统计备案表',
    title: `${data.unit.name}${data.year.year}年度考核结果统计备案表`,
    subtitle: `单位：${scopeLabel}　　　　填报日期：${chineseDate(data.today)}　　　　优秀等次比例上限：${percent(capShare)}`,
    orientation: 'landscape',
    columns: [
      { header: '部门', width: 'fill', align: 'left' },
      { header: '应参加考核人数', width: 9 },
      { header: '实际参加考核人数', width: 9 },
      { header: gradeHeading('excellent', cats), width: 8 },
      { header: gradeHeading('competent', cats), width: 10 },
      { header: gradeHeading('basic', cats), width: 14 },
      { header: gradeHeading('incompetent', cats), width: 12 },
      { header: '只写评语不定等次', width: 10 },
      { header: '暂缓确定等次', width: 9 },
      { header: '不参加考核', width: 9 },
      { header: '优秀比例', width: 9 },
    ],
    headerGroups: [{ from: 3, to: 9, label: '考核结果（人）' }],
    rows,
    footer: [
      ...quotaLinesOf(data, persons),
      '结果代码：1 优秀，2 称职（合格），3 基本称职（基本合格），4 不称职（不合格），5 不确定等次，6 未参加考核。各人代码见“考核结果代码表”。',
      '单位负责人（签字）：　　　　　　　　　　填表人（签字）：　　　　　　　　　　联系电话：　　　　　　　　　　（单位盖章）',
    ],
  });
}

/** One row per person with the result code, for entry into a personnel system. */
export function buildResultCodeTable(data: PackData, persons: readonly PackPerson[], scopeLabel: string): SheetModel {
  return buildTableSheet({
    sheetName: '考核结果代码表',
    title: `${data.unit.name}${data.year.year}年度考核结果代码表`,
    subtitle: `单位：${scopeLabel}　　　　共 ${persons.length} 人`,
    orientation: 'portrait',
    columns: [
      { header: '序号', width: 6 },
      { header: '人员编号', width: 11 },
      { header: '姓名', width: 9 },
      { header: '部门', width: 'fill', align: 'left' },
      { header: '人员类别', width: 8 },
      { header: '结果代码', width: 8 },
      { header: '考核结果', width: 16 },
    ],
    rows: persons.map((p, i) => {
      const g = p.result.outcome === 'graded' ? (p.result.finalGrade ?? p.result.suggestedGrade) : null;
      return [
        i + 1,
        p.personNo,
        p.name,
        p.departmentName,
        CATEGORY_LABEL[p.category],
        resultCode(p.result.outcome, g),
        g ? gradeLabel(g, p.category) : OUTCOME_LABEL[p.result.outcome],
      ];
    }),
    footer: [
      '结果代码：1 优秀，2 称职（合格），3 基本称职（基本合格），4 不称职（不合格），5 不确定等次，6 未参加考核。',
    ],
  });
}
