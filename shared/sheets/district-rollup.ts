// 全区考核结果汇总统计表: one row per agency (the 合计 row of its own 统计备案表, the engine's count),
// the district's total, the places against the excellent grades, and where each agency's records
// came from (kept here, or the exchange bundles and their sending workstations). A4 landscape.
import type { DistrictRollup, RollupCounts } from '../api/rollup';
import { isoToday } from '../domain/dates';
import { chineseDate } from './format';
import type { SheetModel } from './model';
import { buildTableSheet } from './table-sheet';

function counts(c: RollupCounts): (string | number)[] {
  return [
    c.due,
    c.assessed,
    c.excellent,
    c.competent,
    c.basic,
    c.incompetent,
    c.commentsOnly,
    c.deferred,
    c.notAssessed,
    c.excellentShare,
    c.allowed,
    c.approvedOverrides,
  ];
}

/** "经数据交换包报送（区教育局工作站，2027-01-08，3 个）" or "本机录入". */
function sourceText(r: DistrictRollup['rows'][number]): string {
  if (!r.deliveries.length) return '本机录入';
  return `经数据交换包报送：${r.deliveries
    .map((d) => `${d.workstation}（${chineseDate(isoToday(new Date(d.lastImportedAt)))}导入，共 ${d.bundles} 个）`)
    .join('；')}`;
}

export function buildDistrictRollup(data: DistrictRollup, districtName: string): SheetModel {
  const rows = data.rows.map((r, i) => [i + 1, r.agencyName, r.stageLabel, ...counts(r), sourceText(r)]);
  rows.push(['', '合计', '', ...counts(data.total), `${data.rows.length} 个单位`]);
  const undecided = data.rows.filter((r) => r.stage !== 'final' && r.stage !== 'archived');
  const footer = [
    `说明：各单位数字与该单位《考核结果统计备案表》的合计行一致（已定档的单位按定档时的结果；未定档的单位已录入考核决定的按决定，其余按建议等次统计，共 ${undecided.length} 个单位未定档）。优秀名额为各单位各考核单元名额之和；“经批准超出”为有批准文号的超出名额。上级考核的领导班子成员计入等次人数，不占本单位优秀名额（共 ${data.total.superiorAssessed} 人）。`,
    ...(data.withoutYear.length ? [`尚未建立 ${data.year} 年度的单位：${data.withoutYear.join('、')}。`] : []),
    '负责人（签字）：　　　　　　　　　　填表人（签字）：　　　　　　　　　　联系电话：　　　　　　　　　　（盖章）',
  ];
  return buildTableSheet({
    sheetName: '全区汇总统计表',
    title: `${districtName}${data.year}年度考核结果汇总统计表`,
    subtitle: `汇总范围：本库 ${data.rows.length} 个单位　　　　填报日期：${chineseDate(data.asOf)}`,
    orientation: 'landscape',
    columns: [
      { header: '序号', width: 5 },
      { header: '单位', width: 'fill', align: 'left' },
      { header: '阶段', width: 7 },
      { header: '应参加考核人数', width: 7 },
      { header: '实际参加考核人数', width: 7 },
      { header: '优秀', width: 5 },
      { header: '称职（合格）', width: 7 },
      { header: '基本称职（基本合格）', width: 9 },
      { header: '不称职（不合格）', width: 8 },
      { header: '只写评语不定等次', width: 7 },
      { header: '暂缓确定等次', width: 7 },
      { header: '不参加考核', width: 6 },
      { header: '优秀比例', width: 7 },
      { header: '优秀名额', width: 6 },
      { header: '经批准超出', width: 6 },
      { header: '数据来源', width: 15, align: 'left' },
    ],
    headerGroups: [{ from: 5, to: 11, label: '考核结果（人）' }],
    rows,
    footer,
    emptyText: `本库尚无单位建立 ${data.year} 年度`,
  });
}
