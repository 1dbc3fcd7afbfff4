// 公示名单: the excellent grades of the year, with the notice period and where to raise objections.
// The period's end is the one the core computed on the official calendar when the notice began
// (shared/rules/notice.ts); this sheet never counts days itself. The text names only the steps the
// store recorded; leaders graded by the superior body print the superior's 文号, places beyond the
// quota their approval.
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

/**
 * The steps the notice names: only those the store recorded — quarterly ratings (平时考核), the
 * 民主测评 (only in a year whose settings enable it, and only once every listed person's votes are
 * imported) and committee decisions (考核委员会审核). No 个人总结: the summary on the form is drafted
 * from the records, not written by the person. Leaders graded by the superior body are named apart
 * with the superior's notice 文号.
 */
export function noticeBasis(year: number, listed: readonly PackPerson[], appraisal = false): string {
  const own = listed.filter((p) => !p.superiorAssessed);
  const leaders = listed.filter((p) => p.superiorAssessed);
  const steps: string[] = [];
  if (own.some((p) => p.ratings.some((r) => r.rating))) steps.push('平时考核');
  if (appraisal && own.length && own.every((p) => p.tally)) steps.push('民主测评');
  if (own.length && own.every((p) => p.result.decided)) steps.push('考核委员会审核');
  const parts: string[] = [];
  if (own.length)
    parts.push(
      `${steps.length ? `经${steps.join('、')}，` : ''}拟确定以下 ${own.length} 名同志${year}年度考核为优秀等次`,
    );
  if (leaders.length) {
    const docs = [...new Set(leaders.map((p) => (p.result.approvalDocNo ?? '').trim()).filter(Boolean))];
    parts.push(
      `${leaders.map((p) => p.name).join('、')}同志由上级机关考核确定为优秀等次（${docs.length ? docs.join('、') : '上级通知文号未录入'}）`,
    );
  }
  return parts.length ? `${parts.join('；')}，现予公示。` : '';
}

/** 依据 column: the superior's notice for a leader, the approval for a place beyond the quota. */
function basisOf(p: PackPerson): string {
  const doc = (p.result.approvalDocNo ?? '').trim();
  if (p.superiorAssessed) return doc ? `上级考核（${doc}）` : '上级考核';
  return doc ? `经批准超出名额（${doc}）` : '';
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
      noticeBasis(data.year.year, excellent, data.year.settings.democraticAppraisal),
    orientation: 'portrait',
    columns: [
      { header: '序号', width: 6 },
      { header: '姓名', width: 10 },
      { header: '性别', width: 6 },
      { header: '部门', width: 18, align: 'left' },
      { header: '职务职级', width: 'fill', align: 'left' },
      { header: '拟定等次', width: 10 },
      { header: '依据', width: 20, align: 'left' },
    ],
    rows: excellent.map((p, i) => [
      i + 1,
      p.name,
      p.gender ?? '',
      p.departmentName,
      p.position ?? '',
      gradeLabel('excellent', p.category),
      basisOf(p),
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
