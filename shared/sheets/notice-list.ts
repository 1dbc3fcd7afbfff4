// 公示名单: the excellent grades of the year, with the notice period and where to raise objections.
// The period's end is the one the core computed on the official calendar when the notice began
// (shared/rules/notice.ts); this sheet never counts days itself.
import { gradeLabel } from '../domain/labels';
import { chineseDate } from './format';
import type { SheetModel } from './model';
import type { PackData, PackPerson } from './pack-data';
import { buildTableSheet } from './table-sheet';

export const DEFAULT_OBJECTION_CONTACT = '本单位考核工作领导小组办公室（组织人事科）';

export interface NoticeOptions {
  objectionContact?: string;
}

export function isExcellent(p: PackPerson): boolean {
  return p.result.outcome === 'graded' && (p.result.finalGrade ?? p.result.suggestedGrade) === 'excellent';
}

export function buildNoticeList(
  data: PackData,
  persons: readonly PackPerson[],
  options: NoticeOptions = {},
): SheetModel {
  const days = data.year.settings.noticeWorkingDays;
  const start = data.year.noticeStart;
  const end = data.year.noticeEnd;
  const period =
    start && end
      ? `${chineseDate(start)}至${chineseDate(end)}`
      : start
        ? `${chineseDate(start)}起`
        : '　　年　　月　　日至　　年　　月　　日';
  const place = data.year.noticePlace.trim() || options.objectionContact || DEFAULT_OBJECTION_CONTACT;
  const excellent = persons.filter(isExcellent);
  return buildTableSheet({
    sheetName: '公示名单',
    title: `${data.unit.name}${data.year.year}年度考核优秀等次人员公示名单`,
    // before the committee has decided, the list is the suggestions: say so on the paper
    subtitle:
      (excellent.some((p) => p.result.finalGrade !== 'excellent') ? '【草稿：含尚未经考核委员会确定的建议等次】' : '') +
      `经个人总结、民主测评、主管领导评鉴和考核委员会审核，拟确定以下 ${excellent.length} 名同志${data.year.year}年度考核为优秀等次，现予公示。`,
    orientation: 'portrait',
    columns: [
      { header: '序号', width: 6 },
      { header: '姓名', width: 10 },
      { header: '性别', width: 6 },
      { header: '部门', width: 18, align: 'left' },
      { header: '职务职级', width: 'fill', align: 'left' },
      { header: '拟定等次', width: 10 },
    ],
    rows: excellent.map((p, i) => [
      i + 1,
      p.name,
      p.gender ?? '',
      p.departmentName,
      p.position ?? '',
      gradeLabel('excellent', p.category),
    ]),
    footer: [
      `公示时间：${period}${end ? '' : `（${days}个工作日）`}。`,
      `公示期间，如对公示对象有不同意见，请以书面、电话或当面方式向${place}反映。反映情况应实事求是，以单位名义反映的应加盖公章，以个人名义反映的应署真实姓名。`,
      `　　　　　　　　　　　　　　　　　　　　　　　　　　　　${data.unit.name}`,
      `　　　　　　　　　　　　　　　　　　　　　　　　　　　　${start ? chineseDate(start) : '　　年　　月　　日'}`,
    ],
    emptyText: '（本年度无拟定优秀等次人员）',
  });
}
