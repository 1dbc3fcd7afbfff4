// 年度考核登记表: one form per person on exactly two A4 pages (identity + 个人总结, then the
// comments and opinions), many persons on one worksheet separated by manual page breaks.
import { z } from 'zod';
import { gradeLabel, isInstitution } from '../domain/labels';
import type { Grade } from '../domain/types';
import { draftSummary, condenseToBox, summaryText, type SummaryBox } from './summary/draft';
import { draftSupervisorComment } from './summary/supervisor-draft';
import { SheetBuilder, splitHeight } from './builder';
import { chineseYearMonth } from './format';
import { usableHeightPt, type PrintSetup, type SheetModel } from './model';
import type { PackData, PackPerson, SummarySentence } from './pack-data';
import { border, style, ALL_THIN } from './styles';
import { fitRowHeight, spanWidthPt } from './text-fit';

/** Labels printed on the form; offices may rename them (options.labels). */
export const FORM_LABELS = {
  titleCivil: '公务员年度考核登记表',
  titleInstitution: '事业单位工作人员年度考核登记表',
  yearLine: '（{year}年度）',
  name: '姓名',
  gender: '性别',
  birth: '出生年月',
  political: '政治面貌',
  education: '文化程度',
  positionSince: '任现职时间',
  unitPosition: '单位及职务职级',
  duties: '从事或分管工作',
  summary: '个人总结',
  supervisor: '主管领导评语和考核等次建议',
  committee: '机关负责人或考核委员会意见',
  own: '本人意见',
  ungraded: '未确定等次或不参加考核情况说明',
  sign: '签名：',
  seal: '（盖章）',
  date: '年　　月　　日',
  suggestion: '考核等次建议：',
} as const;
export type FormLabels = { -readonly [K in keyof typeof FORM_LABELS]: string };

/** Extra identity rows some offices add (domain.md: labels and extra fields are editable). */
export const extraField = z.enum(['rewards', 'leave', 'training']);
export type ExtraField = z.infer<typeof extraField>;
export const EXTRA_LABEL: Record<ExtraField, string> = { rewards: '奖惩情况', leave: '请假情况', training: '培训学时' };
export const formLabelKey = z.enum(
  Object.keys(FORM_LABELS) as [keyof typeof FORM_LABELS, ...(keyof typeof FORM_LABELS)[]],
);

/** What an office may change on its form (stored per year): labels and the extra identity rows. */
export const registrationFormOptions = z.object({
  labels: z
    .partialRecord(formLabelKey, z.string().trim().min(1, '标签不能为空').max(40, '标签不超过 40 字'))
    .default({}),
  extraFields: z.array(extraField).max(3).default([]),
});

export interface RegistrationFormOptions {
  labels?: Partial<FormLabels>;
  extraFields?: ExtraField[];
}

// Six columns: label, value, label, value, label, value (Excel character units).
const COLUMNS = [14, 15, 10, 15, 11, 16];
export const FORM_PRINT: PrintSetup = {
  paper: 'A4',
  orientation: 'portrait',
  // Equal side margins: printed on both sides, the binding edge is left on the front and right on
  // the back, so both sides keep a 2.2 cm binding margin.
  margins: { left: 2.2, right: 2.2, top: 2.0, bottom: 1.8, header: 0.8, footer: 0.8 },
  fitToWidth: true,
  titleRows: null,
  header: '',
  footer: '',
};
const PAGE_PT = Math.floor(usableHeightPt(FORM_PRINT));

const STYLES = {
  title: style('黑体', 18, { h: 'center', wrap: false }),
  year: style('宋体', 12, { h: 'center', wrap: false }),
  label: style('宋体', 11, { h: 'center', border: ALL_THIN }),
  value: style('仿宋', 12, { h: 'center', border: ALL_THIN }),
  valueLeft: style('仿宋', 12, { border: ALL_THIN }),
  box: style('仿宋', 12, { v: 'top', border: border('tlr') }),
  sign: style('宋体', 11, { h: 'right', v: 'bottom', border: border('lrb') }),
};

const VALUE_FONT = 12;
const LABEL_FONT = 11;
const BOX_WIDTH = spanWidthPt(COLUMNS.slice(1));
const SIGN_ROW = 44;
const TITLE_ROW = 34;
const YEAR_ROW = 26;
const IDENTITY_ROW = 30;

function vertical(label: string): string {
  // A tall narrow label reads top to bottom, one character per line, as on the printed form.
  return label.length > 8 ? label : [...label].join('\n');
}

function extraValue(field: ExtraField, person: PackPerson): string {
  switch (field) {
    case 'rewards':
      return (
        person.evidence
          .filter((e) => e.kind === 'commendation' || e.kind === 'sanction')
          .map((e) => `${chineseYearMonth(e.date)}${e.subKind}${e.docNo ? `（${e.docNo}）` : ''}`)
          .join('；') || '无'
      );
    case 'leave': {
      const days = (sub: string) =>
        person.evidence.filter((e) => e.kind === 'leave' && e.subKind === sub).reduce((a, e) => a + (e.days ?? 0), 0);
      return `病假 ${days('病假')} 天，事假 ${days('事假')} 天`;
    }
    case 'training':
      return `${person.evidence.filter((e) => e.kind === 'work' && e.subKind === '培训学时').reduce((a, e) => a + (e.days ?? 0), 0)} 学时`;
  }
}

/** Heights of page 1's identity rows, so the 个人总结 box takes exactly the rest of the page. */
function identityRows(person: PackPerson, data: PackData, labels: FormLabels, extra: ExtraField[]) {
  const wide = spanWidthPt(COLUMNS.slice(1));
  const labelW = spanWidthPt(COLUMNS.slice(0, 1));
  // a leader of the agency has no department: print the unit and the position only
  const unitPos = [data.unit.name, person.agencyLevel ? '' : person.departmentName, person.position]
    .filter(Boolean)
    .join(' ');
  const rows: { label: string; value: string; height: number }[] = [
    { label: labels.unitPosition, value: unitPos, height: 0 },
    { label: labels.duties, value: person.duties ?? '', height: 0 },
    ...extra.map((f) => ({ label: EXTRA_LABEL[f], value: extraValue(f, person), height: 0 })),
  ];
  for (const r of rows) {
    r.height = Math.max(
      IDENTITY_ROW,
      fitRowHeight(r.value, wide, VALUE_FONT),
      fitRowHeight(r.label, labelW, LABEL_FONT),
    );
  }
  rows[1]!.height = Math.max(rows[1]!.height, 44);
  return rows;
}

/** The box geometry of one person's 个人总结 (the drafter condenses to it). */
export function summaryBoxFor(person: PackPerson, data: PackData, options: RegistrationFormOptions = {}): SummaryBox {
  const labels = { ...FORM_LABELS, ...options.labels };
  return boxFromRows(identityRows(person, data, labels, options.extraFields ?? []));
}

function boxFromRows(rows: { height: number }[]): SummaryBox {
  const fixed = TITLE_ROW + YEAR_ROW + 2 * IDENTITY_ROW + rows.reduce((a, r) => a + r.height, 0) + SIGN_ROW;
  return { widthPt: BOX_WIDTH, heightPt: PAGE_PT - fixed, fontSize: VALUE_FONT };
}

/** Height of the 主管领导评语 block on page 2, sign line included. */
const SUPERVISOR_BLOCK = 220;

/** The 主管领导评语 box: the width of the summary box, the block's height above its sign line. */
export function supervisorBoxFor(): SummaryBox {
  return { widthPt: BOX_WIDTH, heightPt: SUPERVISOR_BLOCK - SIGN_ROW, fontSize: VALUE_FONT };
}

function supervisorFor(person: PackPerson, data: PackData): SummarySentence[] {
  // a copy frozen before this box was drafted printed it blank: it still does
  if (person.supervisorComment === undefined) return [];
  const box = supervisorBoxFor();
  if (person.supervisorComment) return condenseToBox(person.supervisorComment, box);
  return draftSupervisorComment(person, data.periods, box);
}

function summaryFor(person: PackPerson, data: PackData, box: SummaryBox): SummarySentence[] {
  if (person.summary) return condenseToBox(person.summary, box);
  return draftSummary(person, data.periods, data.year.year, box);
}

function addPerson(b: SheetBuilder, person: PackPerson, data: PackData, options: RegistrationFormOptions): void {
  const labels: FormLabels = { ...FORM_LABELS, ...options.labels };
  const extra = options.extraFields ?? [];
  const title = isInstitution(person.category) ? labels.titleInstitution : labels.titleCivil;
  const start = b.length;

  // ---- page 1: identity and 个人总结
  b.row(TITLE_ROW, [{ c: 0, v: title, s: 'title', cs: 6 }]);
  b.row(YEAR_ROW, [{ c: 0, v: labels.yearLine.replace('{year}', String(data.year.year)), s: 'year', cs: 6 }]);
  b.row(IDENTITY_ROW, [
    { c: 0, v: labels.name, s: 'label' },
    { c: 1, v: person.name, s: 'value' },
    { c: 2, v: labels.gender, s: 'label' },
    { c: 3, v: person.gender ?? '', s: 'value' },
    { c: 4, v: labels.birth, s: 'label' },
    { c: 5, v: chineseYearMonth(person.birthMonth), s: 'value' },
  ]);
  b.row(IDENTITY_ROW, [
    { c: 0, v: labels.political, s: 'label' },
    { c: 1, v: person.politicalStatus ?? '', s: 'value' },
    { c: 2, v: labels.education, s: 'label' },
    { c: 3, v: person.education ?? '', s: 'value' },
    { c: 4, v: labels.positionSince, s: 'label' },
    { c: 5, v: chineseYearMonth(person.positionSince), s: 'value' },
  ]);
  const idRows = identityRows(person, data, labels, extra);
  for (const r of idRows) {
    b.row(r.height, [
      { c: 0, v: r.label, s: 'label' },
      { c: 1, v: r.value, s: 'valueLeft', cs: 5 },
    ]);
  }
  const box = boxFromRows(idRows);
  const sentences = summaryFor(person, data, box);
  const boxRows = splitHeight(box.heightPt);
  const boxStart = b.row(boxRows[0]!);
  for (const h of boxRows.slice(1)) b.row(h);
  const signRow = b.row(SIGN_ROW, [{ c: 1, v: `${labels.sign}　　　　　　　　　${labels.date}　`, s: 'sign', cs: 5 }]);
  b.cell(boxStart, { c: 0, v: vertical(labels.summary), s: 'label', rs: signRow - boxStart + 1 });
  b.cell(boxStart, {
    c: 1,
    v: summaryText(sentences),
    s: 'box',
    cs: 5,
    rs: boxRows.length,
    runs: sentences.length
      ? [{ text: '\u3000\u3000', source: null }, ...sentences.map((s) => ({ text: s.text, source: s.source }))]
      : undefined,
  });
  b.pageBreak();

  // ---- page 2: comments and opinions, each block with its signature line and date
  const graded = person.result.outcome === 'graded';
  const suggested =
    graded && person.result.suggestedGrade ? gradeLabel(person.result.suggestedGrade, person.category) : '';
  const decided =
    graded && person.result.finalGrade && (data.year.stage === 'final' || data.year.stage === 'archived')
      ? decidedText(person, person.result.finalGrade)
      : '';
  const ungradedNote = graded ? '' : person.result.reasons.join('；');
  const supervisorSentences = supervisorFor(person, data);
  const blocks: { label: string; text: string; sign: string; height: number }[] = [
    {
      label: labels.supervisor,
      // drafted from the year's quarterly comments (or as the clerk edited it), each sentence traced
      text: summaryText(supervisorSentences),
      sign: `${labels.suggestion}${suggested || '　　　　'}　　　　　${labels.sign}　　　　　　　${labels.date}　`,
      height: SUPERVISOR_BLOCK,
    },
    {
      label: labels.committee,
      // a result changed by 复核/申诉 after finalisation prints with the decision that changed it
      text: [decided, person.result.redressBasis ?? ''].filter(Boolean).join('\n'),
      sign: `${labels.sign}　　　　　${labels.seal}　　　　${labels.date}　`,
      height: 170,
    },
    { label: labels.own, text: '', sign: `${labels.sign}　　　　　　　　　${labels.date}　`, height: 120 },
    {
      label: labels.ungraded,
      text: ungradedNote,
      sign: `${labels.sign}　　　　　${labels.seal}　　　　${labels.date}　`,
      height: PAGE_PT - 510,
    },
  ];
  for (const block of blocks) {
    const runs =
      block.label === labels.supervisor && supervisorSentences.length
        ? [
            { text: '\u3000\u3000', source: null },
            ...supervisorSentences.map((x) => ({ text: x.text, source: x.source })),
          ]
        : undefined;
    const text = b.row(block.height - SIGN_ROW, [{ c: 1, v: block.text, s: 'box', cs: 5, runs }]);
    b.row(SIGN_ROW, [{ c: 1, v: block.sign, s: 'sign', cs: 5 }]);
    b.cell(text, { c: 0, v: vertical(block.label), s: 'label', rs: 2 });
  }
  b.pageBreak();
  void start;
}

/** Page 2's total height: asserted in tests to stay inside one page. */
export const FORM_PAGE_HEIGHT_PT = PAGE_PT;

/** The registration forms of the given persons, two pages each, in the given order. */
export function buildRegistrationForms(
  data: PackData,
  persons: readonly PackPerson[],
  options: RegistrationFormOptions = {},
): SheetModel {
  const b = new SheetBuilder(
    '年度考核登记表',
    `${data.unit.name}${data.year.year}年度考核登记表`,
    COLUMNS,
    STYLES,
    FORM_PRINT,
  );
  for (const p of persons) addPerson(b, p, data, options);
  // the last page break is implicit (end of sheet)
  if (b.breaks.length && b.breaks[b.breaks.length - 1] === b.length - 1) b.breaks.pop();
  if (b.length === 0) b.row(30, [{ c: 0, v: '（无人员）', s: 'year', cs: 6 }]);
  return b.build();
}

/**
 * The committee box's line: a leader graded by the superior body prints the superior's notice, not
 * the committee; an excellent grade beyond the unit's places prints its approval.
 */
function decidedText(person: PackPerson, grade: Grade): string {
  const label = gradeLabel(grade, person.category);
  const doc = (person.result.approvalDocNo ?? '').trim();
  if (person.superiorAssessed) return `经上级机关考核${doc ? `（${doc}）` : ''}，确定为${label}等次。`;
  return `经考核委员会审核，确定为${label}等次${grade === 'excellent' && doc ? `（超出优秀名额，经批准：${doc}）` : ''}。`;
}
