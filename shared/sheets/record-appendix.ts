// 平时考核记录 appendix: per person, each period's record of work, rating, comment and rater, the
// evidence items of the year and the year-end trace — the lineage of the result. Each person starts
// on a new page; a long record continues over several rows instead of being cut.
import { EVIDENCE_KIND_LABEL, OUTCOME_LABEL, RATING_LABEL, gradeLabel } from '../domain/labels';
import { splitSentences } from './summary/draft';
import { autoHeight, SheetBuilder } from './builder';
import {
  columnWidthPt,
  usableHeightPt,
  usableWidthPt,
  type PrintSetup,
  type SheetCell,
  type SheetModel,
} from './model';
import type { PackData, PackPerson } from './pack-data';
import { ALL_THIN, style } from './styles';
import { TABLE_MARGINS } from './table-sheet';
import { fitRowHeight, linesFor } from './text-fit';
import { chineseDate, chineseDatesIn } from './format';
import { traceSentence } from './trace-sentence';

const FONT = 10.5;
const MAX_ROW = 380;

const STYLES = {
  title: style('黑体', 14, { h: 'center', wrap: false }),
  who: style('宋体', 10.5, { wrap: false }),
  head: style('黑体', 10.5, { h: 'center', border: ALL_THIN }),
  cell: style('仿宋', 10.5, { h: 'center', border: ALL_THIN }),
  text: style('仿宋', 10.5, { v: 'top', border: ALL_THIN }),
  section: style('黑体', 10.5, { border: ALL_THIN }),
};

const PRINT: PrintSetup = {
  paper: 'A4',
  orientation: 'portrait',
  margins: TABLE_MARGINS('portrait'),
  fitToWidth: true,
  titleRows: null,
  header: '',
  footer: '&C第 &P 页',
};

/** Splits text into pieces that each fit a row of at most MAX_ROW points (whole sentences where possible). */
export function chunkText(text: string, widthPt: number): string[] {
  const maxLines = Math.floor((MAX_ROW - 6) / (FONT * 1.5));
  const fits = (t: string) => linesFor(t, widthPt, FONT) <= maxLines;
  if (fits(text)) return [text];
  const chunks: string[] = [];
  let cur = '';
  for (const s of splitSentences(text)) {
    if (fits(cur + s)) {
      cur += s;
      continue;
    }
    if (cur) chunks.push(cur);
    // a single sentence longer than a row: split by characters (it continues on the next row)
    let piece = '';
    for (const ch of s) {
      if (!fits(piece + ch)) {
        chunks.push(piece);
        piece = '';
      }
      piece += ch;
    }
    cur = piece;
  }
  if (cur) chunks.push(cur);
  return chunks;
}

export function buildRecordAppendix(data: PackData, persons: readonly PackPerson[]): SheetModel {
  const usableW = usableWidthPt(PRINT) * 0.97;
  const fixed = [11, 7, 16, 12].reduce((a, w) => a + columnWidthPt(w), 0);
  const fill = Math.floor((((usableW - fixed) / 0.75 - 5) / 7) * 4) / 4;
  const widths = [11, fill, 7, 16, 12];
  const b = new SheetBuilder(
    '平时考核记录',
    `${data.unit.name}${data.year.year}年度平时考核记录`,
    widths,
    STYLES,
    PRINT,
  );
  const page = usableHeightPt(PRINT);
  const periodById = new Map(data.periods.map((p) => [p.id, p]));
  let used = 0;
  const add = (height: number, cells: SheetCell[]) => {
    if (used + height > page && used > 0) {
      b.pageBreak();
      used = 0;
    }
    used += height;
    return b.row(height, cells);
  };
  const h = (text: string, col: number, span = 1, min = 24) =>
    fitRowHeight(
      text,
      widths.slice(col, col + span).reduce((a, w) => a + columnWidthPt(w), 0),
      FONT,
      min,
    );

  persons.forEach((p, i) => {
    if (i > 0) {
      b.pageBreak();
      used = 0;
    }
    add(30, [{ c: 0, v: `${data.year.year}年度平时考核记录`, s: 'title', cs: 5 }]);
    add(24, [
      {
        c: 0,
        v: `姓名：${p.name}　　部门：${p.departmentName}　　职务职级：${p.position ?? ''}　　人员编号：${p.personNo}`,
        s: 'who',
        cs: 5,
      },
    ]);
    add(
      24,
      ['期间', '工作纪实', '等次', '评语', '评价人'].map((v, c) => ({ c, v, s: 'head' })),
    );
    const ratings = [...p.ratings].sort(
      (a, b2) => (periodById.get(a.periodId)?.seq ?? 0) - (periodById.get(b2.periodId)?.seq ?? 0),
    );
    for (const r of ratings) {
      const label = periodById.get(r.periodId)?.label ?? '';
      const pieces = chunkText(r.workRecord || '（未填写）', columnWidthPt(widths[1]!));
      pieces.forEach((piece, k) => {
        const first = k === 0;
        const cells: SheetCell[] = [
          { c: 0, v: first ? label : `${label}\n（续）`, s: 'cell' },
          { c: 1, v: piece, s: 'text' },
          { c: 2, v: first && r.rating ? RATING_LABEL[r.rating] : first ? '未评' : '', s: 'cell' },
          { c: 3, v: first ? r.comment : '', s: 'text' },
          { c: 4, v: first ? r.rater : '', s: 'cell' },
        ];
        add(autoHeight(cells, widths, STYLES), cells);
      });
    }
    if (!ratings.length) add(24, [{ c: 0, v: '（本年度无平时考核记录）', s: 'text', cs: 5 }]);
    add(24, [{ c: 0, v: '事件记录', s: 'section', cs: 5 }]);
    add(
      24,
      ['日期', '说明', '类别', '细类', '文号'].map((v, c) => ({ c, v, s: 'head' })),
    );
    const evidence = [...p.evidence].sort((a, b2) => (a.date < b2.date ? -1 : a.date > b2.date ? 1 : 0));
    for (const e of evidence) {
      const desc = e.description + (e.days !== null ? `（${e.days}${e.subKind === '培训学时' ? '学时' : '天'}）` : '');
      const cells: SheetCell[] = [
        { c: 0, v: chineseDate(e.date), s: 'cell' },
        { c: 1, v: desc, s: 'text' },
        { c: 2, v: EVIDENCE_KIND_LABEL[e.kind], s: 'cell' },
        { c: 3, v: e.subKind, s: 'cell' },
        { c: 4, v: e.docNo, s: 'cell' },
      ];
      add(autoHeight(cells, widths, STYLES), cells);
    }
    if (!evidence.length) add(24, [{ c: 0, v: '（无）', s: 'text', cs: 5 }]);
    const g = p.result.finalGrade ?? p.result.suggestedGrade;
    const result =
      (p.result.outcome === 'graded' && g
        ? `年度等次：${gradeLabel(g, p.category)}。`
        : `${OUTCOME_LABEL[p.result.outcome]}。${chineseDatesIn(p.result.reasons.join('；'))}`) +
      (p.result.trace ? `依据：${traceSentence(p.result.trace)}` : '');
    add(h(result, 1, 4, 30), [
      { c: 0, v: '年终结果', s: 'cell' },
      { c: 1, v: result, s: 'text', cs: 4 },
    ]);
  });
  if (!persons.length) b.row(24, [{ c: 0, v: '（无人员）', s: 'who', cs: 5 }]);
  return b.build();
}
