// A printed table: title, subtitle and header rows repeated on every page, data rows sized to their
// wrapped text, a footer block kept together, row breaks placed so the page count is known.
import { SheetBuilder } from './builder';
import {
  columnWidthPt,
  paginate,
  usableHeightPt,
  usableWidthPt,
  type PrintSetup,
  type SheetCell,
  type SheetModel,
} from './model';
import { ALL_THIN, style } from './styles';
import { fitRowHeight } from './text-fit';

export interface TableColumn {
  header: string;
  /** Excel character units; one column may be 'fill' to take the rest of the page width */
  width: number | 'fill';
  align?: 'left' | 'center' | 'right';
}

export interface TableSpec {
  sheetName: string;
  title: string;
  subtitle: string;
  orientation: PrintSetup['orientation'];
  columns: TableColumn[];
  /** header may be two rows: a group row above (e.g. 平时考核等次 over the quarters) */
  headerGroups?: { from: number; to: number; label: string }[];
  rows: (string | number | null)[][];
  /** lines printed after the table, kept on one page */
  footer: string[];
  /** small print at the very end (e.g. the audit chain's head hash) */
  fineprint?: string;
  emptyText?: string;
  /** the least height of a data row, in points (room for a handwritten signature) */
  minRowHeight?: number;
}

export const TABLE_MARGINS = (orientation: PrintSetup['orientation']): PrintSetup['margins'] =>
  orientation === 'portrait'
    ? { left: 2.5, right: 1.5, top: 2.0, bottom: 2.0, header: 0.8, footer: 0.8 }
    : { left: 2.5, right: 1.5, top: 1.8, bottom: 1.8, header: 0.8, footer: 0.8 };

const STYLES = {
  title: style('黑体', 16, { h: 'center', wrap: false }),
  subtitle: style('宋体', 10.5),
  head: style('黑体', 10.5, { h: 'center', border: ALL_THIN }),
  cell: style('仿宋', 10.5, { h: 'center', border: ALL_THIN }),
  cellLeft: style('仿宋', 10.5, { border: ALL_THIN }),
  cellRight: style('仿宋', 10.5, { h: 'right', border: ALL_THIN }),
  foot: style('宋体', 10.5),
  fine: style('宋体', 7, { wrap: false }),
};

/** Width in Excel units that takes `pt` points. */
function widthForPt(pt: number): number {
  return Math.max(4, Math.floor(((pt / 0.75 - 5) / 7) * 4) / 4);
}

export function buildTableSheet(spec: TableSpec): SheetModel {
  const print: PrintSetup = {
    paper: 'A4',
    orientation: spec.orientation,
    margins: TABLE_MARGINS(spec.orientation),
    fitToWidth: true,
    titleRows: [0, spec.headerGroups?.length ? 3 : 2],
    header: '',
    footer: '&C第 &P 页',
  };
  // 3% spare: readers measure the default font's digits slightly differently
  const usableW = usableWidthPt(print) * 0.97;
  const fixed = spec.columns.reduce((a, c) => a + (c.width === 'fill' ? 0 : columnWidthPt(c.width)), 0);
  const widths = spec.columns.map((c) => (c.width === 'fill' ? widthForPt(usableW - fixed) : c.width));
  const n = widths.length;
  const b = new SheetBuilder(spec.sheetName, spec.title, widths, STYLES, print);

  b.row(34, [{ c: 0, v: spec.title, s: 'title', cs: n }]);
  b.row(fitRowHeight(spec.subtitle, usableW, 10.5, 24), [{ c: 0, v: spec.subtitle, s: 'subtitle', cs: n }]);
  const headHeight = (label: string, i: number) => fitRowHeight(label, columnWidthPt(widths[i]!), 10.5, 28);
  if (spec.headerGroups?.length) {
    const groups = spec.headerGroups;
    const inGroup = (i: number) => groups.find((g) => i >= g.from && i <= g.to);
    const top: SheetCell[] = [];
    const bottom: SheetCell[] = [];
    spec.columns.forEach((col, i) => {
      const g = inGroup(i);
      if (!g) top.push({ c: i, v: col.header, s: 'head', rs: 2 });
      else {
        if (g.from === i) top.push({ c: i, v: g.label, s: 'head', cs: g.to - g.from + 1 });
        bottom.push({ c: i, v: col.header, s: 'head' });
      }
    });
    b.row(22, top);
    b.row(Math.max(22, ...spec.columns.map((c, i) => (inGroup(i) ? headHeight(c.header, i) : 0))), bottom);
  } else {
    b.row(
      Math.max(...spec.columns.map((c, i) => headHeight(c.header, i))),
      spec.columns.map((c, i) => ({ c: i, v: c.header, s: 'head' })),
    );
  }

  const rows = spec.rows.length ? spec.rows : [[spec.emptyText ?? '（无）', ...Array<null>(n - 1).fill(null)]];
  const empty = spec.rows.length === 0;
  for (const values of rows) {
    let h = spec.minRowHeight ?? 24;
    const cells: SheetCell[] = [];
    values.forEach((v, i) => {
      if (empty && i > 0) return;
      const align = spec.columns[i]?.align ?? 'center';
      cells.push({
        c: i,
        v,
        s: align === 'left' ? 'cellLeft' : align === 'right' ? 'cellRight' : 'cell',
        ...(empty ? { cs: n } : {}),
      });
      if (typeof v === 'string' && v)
        h = Math.max(h, fitRowHeight(v, columnWidthPt(empty ? usableW / 0.75 / 7 : widths[i]!), 10.5));
    });
    b.row(h, cells);
  }
  const footStart = b.length;
  if (spec.footer.length) b.row(10);
  for (const line of spec.footer) b.row(fitRowHeight(line, usableW, 10.5, 24), [{ c: 0, v: line, s: 'foot', cs: n }]);
  if (spec.fineprint) b.row(14, [{ c: 0, v: spec.fineprint, s: 'fine', cs: n }]);

  const heights = b.rows.map((r) => r.height);
  const breaks = paginate(
    heights,
    usableHeightPt(print),
    print.titleRows,
    footStart < b.length ? footStart : undefined,
  );
  b.breaks.push(...breaks);
  return b.build();
}
