// 年度考核结果汇总表: one row per person with the period ratings, suggested and final grade and
// remarks; footer with the engine's counts per grade, each quota unit's places (approvals with their
// 文号, the leaders assessed by the superior apart), signature lines and
// the audit chain's head hash, so the filed paper anchors the trail.
import { gradeLabel, OUTCOME_LABEL, RATING_LABEL } from '../domain/labels';
import { chineseDate } from './format';
import { gradeHeading, packTally, quotaLinesOf } from './pack-counts';
import type { SheetModel } from './model';
import type { PackData, PackPerson } from './pack-data';
import { buildTableSheet } from './table-sheet';

export function remarksOf(p: PackPerson): string {
  const parts: string[] = [];
  if (p.result.outcome !== 'graded') parts.push(OUTCOME_LABEL[p.result.outcome]);
  parts.push(...p.result.reasons);
  if (p.result.decisionReason) parts.push(`调整理由：${p.result.decisionReason}`);
  return parts.join('；');
}

function finalText(p: PackPerson, data: PackData): string {
  if (p.result.outcome !== 'graded') return OUTCOME_LABEL[p.result.outcome] === '不参加考核' ? '未参加' : '不定等次';
  const decided = data.year.stage === 'final' || data.year.stage === 'archived' || p.result.finalGrade !== null;
  return decided && p.result.finalGrade ? gradeLabel(p.result.finalGrade, p.category) : '';
}

export function buildSummaryTable(data: PackData, persons: readonly PackPerson[], scopeLabel: string): SheetModel {
  const periods = [...data.periods].sort((a, b) => a.seq - b.seq);
  // 民主测评: a column only in a year whose settings enable the step (an older frozen pack has none)
  const appraisal = data.year.settings.democraticAppraisal === true;
  const columns = [
    { header: '序号', width: 5 },
    { header: '姓名', width: 8 },
    { header: '性别', width: 5 },
    { header: '部门', width: 13, align: 'left' as const },
    { header: '职务职级', width: 13, align: 'left' as const },
    ...periods.map((p) => ({ header: p.label, width: 8.5 })),
    ...(appraisal ? [{ header: '民主测评优秀票/参评人数', width: 10 }] : []),
    { header: '建议等次', width: 9 },
    { header: '确定等次', width: 9 },
    { header: '备注', width: 'fill' as const, align: 'left' as const },
  ];
  const rows = persons.map((p, i) => {
    const byPeriod = new Map(p.ratings.map((r) => [r.periodId, r]));
    return [
      i + 1,
      p.name,
      p.gender ?? '',
      p.departmentName,
      p.position ?? '',
      ...periods.map((per) => {
        const r = byPeriod.get(per.id);
        return r?.rating ? RATING_LABEL[r.rating] : '—';
      }),
      ...(appraisal ? [p.tally ? `${p.tally.excellent}/${p.tally.voters}` : '—'] : []),
      p.result.outcome === 'graded' && p.result.suggestedGrade ? gradeLabel(p.result.suggestedGrade, p.category) : '—',
      finalText(p, data),
      remarksOf(p),
    ];
  });
  // every count is the engine's (pack-counts.ts): the tally, the quota units, the leaders apart
  const c = packTally(data, persons);
  const cats = persons.map((p) => p.category);
  const footer = [
    `考核结果统计：应参加考核 ${c.due} 人，实际参加 ${c.assessed} 人；` +
      (['excellent', 'competent', 'basic', 'incompetent'] as const)
        .map((g) => `${gradeHeading(g, cats)} ${c.grades[g]} 人`)
        .join('，') +
      `；只写评语不定等次 ${c.commentsOnly} 人，暂缓确定等次 ${c.deferred} 人，不参加考核 ${c.notAssessed} 人。`,
    ...quotaLinesOf(data, persons),
    '考核委员会主任（签字）：　　　　　　　　　　审核人（签字）：　　　　　　　　　　制表人（签字）：　　　　　　　　　　（单位盖章）',
    `　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　制表日期：${chineseDate(data.today)}`,
  ];
  return buildTableSheet({
    sheetName: '考核结果汇总表',
    title: `${data.unit.name}${data.year.year}年度考核结果汇总表`,
    subtitle: `单位：${scopeLabel}　　　　考核年度：${data.year.year}年　　　　共 ${persons.length} 人`,
    orientation: 'landscape',
    columns,
    headerGroups: periods.length ? [{ from: 5, to: 4 + periods.length, label: '平时考核等次' }] : undefined,
    rows,
    footer,
    fineprint: `审计链校验值：第 ${data.auditHead.seq} 条 ${data.auditHead.hash}`,
    emptyText: '（本范围内无考核人员）',
  });
}
