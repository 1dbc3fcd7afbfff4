// The canonical column sets of the spreadsheets departments fill in (domain.md), with the header
// wordings people actually use. Templates write `header`; imports accept `header` or any alias.
import { EVIDENCE_FIELDS, PERSON_FIELDS, RATING_FIELDS } from '../domain/fields';

export const IMPORT_KINDS = ['roster', 'ratings', 'evidence', 'history', 'tally'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABEL: Record<ImportKind, string> = {
  roster: '人员名册',
  ratings: '平时考核',
  evidence: '事件记录',
  history: '历年考核结果',
  tally: '民主测评票数',
};

export interface ColumnSpec<K extends string = string> {
  key: K;
  header: string;
  aliases: readonly string[];
  required: boolean;
  /** width in the template, in characters */
  width: number;
  /** read by imports, never written into a template (the pack's 结果代码, say) */
  importOnly?: boolean;
  /** a required column that may be absent when this other column is present (等次 ← 结果代码) */
  orKey?: string;
  /** a required column that may be absent when the sheet's title names the year (…2025年度考核结果代码表) */
  orTitleYear?: boolean;
}

const col = <K extends string>(
  key: K,
  header: string,
  aliases: string[],
  required: boolean,
  width: number,
): ColumnSpec<K> => ({ key, header, aliases, required, width });

export const ROSTER_COLUMNS = [
  col('personNo', PERSON_FIELDS.personNo.label, ['编号', '工号', '人员代码'], true, 14),
  col('name', PERSON_FIELDS.name.label, ['人员姓名'], true, 10),
  col('gender', '性别', [], false, 6),
  col('birthMonth', '出生年月', ['出生日期', '出生年月日'], false, 10),
  col('politicalStatus', PERSON_FIELDS.politicalStatus.label, [], false, 10),
  col('education', PERSON_FIELDS.education.label, ['学历', '最高学历'], false, 10),
  col('department', '部门', ['所在部门', '处室', '科室', '内设机构', '单位'], true, 14),
  col('position', PERSON_FIELDS.position.label, ['职务', '职级', '现任职务', '职务(职级)'], false, 16),
  col('positionSince', '任现职时间', ['任现职务时间', '任职时间'], false, 10),
  col('category', '人员类别', ['类别', '身份', '人员身份'], true, 10),
  col('duties', PERSON_FIELDS.duties.label, ['从事工作', '分管工作', '工作内容'], false, 24),
  col('hireDate', '入职日期', ['参加工作时间', '入职时间', '录用日期'], false, 12),
  col('probationEnd', '试用期满日期', ['试用期满', '试用期截止日期', '转正日期'], false, 12),
  col('superiorAssessed', '上级考核', ['是否上级考核', '由上级考核'], false, 8),
  col('idCard', '身份证号', ['身份证号码', '公民身份号码'], false, 20),
  // the first day in the new department when 部门 moves someone; an import never dates a move "today"
  col('moveDate', '调动日期', ['生效日期', '调动生效日期', '调入日期', '部门调整日期'], false, 12),
] as const;

export const RATINGS_COLUMNS = [
  col('personNo', PERSON_FIELDS.personNo.label, ['编号', '工号'], true, 14),
  col('name', PERSON_FIELDS.name.label, ['人员姓名'], true, 10),
  col('period', '期间', ['考核期间', '季度', '考核季度'], true, 10),
  col('workRecord', RATING_FIELDS.workRecord.label, ['工作记实', '工作实绩', '主要工作'], false, 40),
  col('rating', '等次', ['考核等次', '平时考核等次', '评价等次', '结果'], false, 8),
  col('comment', RATING_FIELDS.comment.label, ['评价意见', '主管领导评语'], false, 30),
  col('rater', RATING_FIELDS.rater.label, ['评价领导', '考核人'], false, 10),
] as const;

export const EVIDENCE_COLUMNS = [
  col('personNo', '人员编号', ['编号', '工号'], true, 14),
  col('name', '姓名', ['人员姓名'], true, 10),
  col('date', '日期', ['发生日期', '生效日期', '起始日期', '开始日期'], true, 12),
  col('kind', '类别', ['事件类别', '类型'], false, 12),
  col('subKind', '细类', ['事件细类', '具体类别', '项目'], true, 14),
  col('description', EVIDENCE_FIELDS.description.label, ['事由', '情况说明', '内容'], false, 30),
  col('docNo', EVIDENCE_FIELDS.docNo.label, ['文件号', '依据文号'], false, 18),
  col('days', '天数', ['学时', '天数/学时'], false, 8),
  col('endDate', '截止日期', ['结束日期', '终止日期', '办结日期'], false, 12),
] as const;

export const HISTORY_COLUMNS = [
  col('personNo', '人员编号', ['编号', '工号'], true, 14),
  col('name', '姓名', ['人员姓名'], true, 10),
  { ...col('year', '年度', ['考核年度', '年份'], true, 8), orTitleYear: true },
  { ...col('grade', '等次', ['考核等次', '年度考核等次', '考核结果', '结果'], true, 14), orKey: 'code' },
  // the statistics codes of the pack's 考核结果代码表: 1 优秀 … 6 未参加考核
  { ...col('code', '结果代码', ['考核结果代码', '等次代码'], false, 8), importOnly: true },
] as const;

/** The pack's sheet of per-person result codes; a history import of a pack reads only these sheets. */
export const RESULT_CODE_SHEET = '考核结果代码表';

/** 民主测评: the vote counts per candidate of a year (the year's setting must allow them). */
export const TALLY_COLUMNS = [
  col('personNo', '人员编号', ['编号', '工号'], true, 14),
  col('name', '姓名', ['人员姓名'], true, 10),
  col('year', '年度', ['考核年度', '测评年度'], true, 8),
  col('voters', '参加测评人数', ['参评人数', '投票人数', '测评人数'], true, 10),
  col('excellent', '优秀票', ['优秀票数', '优秀'], true, 8),
  col('competent', '称职票', ['称职票数', '称职', '合格票', '合格'], true, 8),
  col('basic', '基本称职票', ['基本称职票数', '基本称职', '基本合格票', '基本合格'], true, 10),
  col('incompetent', '不称职票', ['不称职票数', '不称职', '不合格票', '不合格'], true, 10),
] as const;

export const COLUMNS_OF: Record<ImportKind, readonly ColumnSpec[]> = {
  roster: ROSTER_COLUMNS,
  ratings: RATINGS_COLUMNS,
  evidence: EVIDENCE_COLUMNS,
  history: HISTORY_COLUMNS,
  tally: TALLY_COLUMNS,
};

/** A header as compared: no spaces, half-width, no required-mark asterisk, no trailing (notes). */
export function headerKey(s: string): string {
  return s
    .replace(/[\s\u3000\u00a0]/g, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/^[*＊]+|[*＊]+$/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

/** Column key for a header text of the given kind, or null. */
export function matchHeader(kind: ImportKind, text: string): string | null {
  const k = headerKey(text);
  if (!k) return null;
  for (const c of COLUMNS_OF[kind]) {
    if (headerKey(c.header) === k || c.aliases.some((a) => headerKey(a) === k)) return c.key;
  }
  return null;
}
