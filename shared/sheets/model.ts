// SheetModel: one printed sheet as plain data (columns, rows, cells, merges, styles, print setup,
// page breaks). Built once in shared/, drawn as HTML by the renderer and written by exceljs in core.
import { z } from 'zod';

/** Fonts an office machine has (Windows ships all three). */
export const sheetFont = z.enum(['宋体', '仿宋', '黑体']);
export type SheetFont = z.infer<typeof sheetFont>;

const edge = z.enum(['thin', 'medium']).nullable();
export const cellBorder = z.object({ top: edge, right: edge, bottom: edge, left: edge });
export type CellBorder = z.infer<typeof cellBorder>;

export const cellStyle = z.object({
  font: sheetFont,
  /** points */
  size: z.number().min(6).max(36),
  bold: z.boolean(),
  h: z.enum(['left', 'center', 'right']),
  v: z.enum(['top', 'middle', 'bottom']),
  wrap: z.boolean(),
  border: cellBorder,
});
export type CellStyle = z.infer<typeof cellStyle>;

/** Where a piece of text came from (shown on hover in the preview, never written to the file). */
export const textSource = z.strictObject({
  kind: z.enum(['period_rating', 'evidence', 'person', 'manual']),
  id: z.string().max(64),
  label: z.string().max(200),
});
export type TextSource = z.infer<typeof textSource>;

export const sheetCell = z.object({
  /** 0-based column */
  c: z.number().int().min(0),
  v: z.union([z.string(), z.number()]).nullable(),
  /** name of a style in SheetModel.styles */
  s: z.string(),
  /** merge: rows and columns spanned from this anchor (1 = no merge) */
  rs: z.number().int().min(1).optional(),
  cs: z.number().int().min(1).optional(),
  /** the text split into traced runs (preview hover); joined they equal v */
  runs: z.array(z.object({ text: z.string(), source: textSource.nullable() })).optional(),
});
export type SheetCell = z.infer<typeof sheetCell>;

export const sheetRow = z.object({
  /** points */
  height: z.number().min(1).max(409),
  cells: z.array(sheetCell),
});
export type SheetRow = z.infer<typeof sheetRow>;

export const printSetup = z.object({
  paper: z.literal('A4'),
  orientation: z.enum(['portrait', 'landscape']),
  /** centimetres; `left` includes the binding margin (装订线) */
  margins: z.object({
    left: z.number(),
    right: z.number(),
    top: z.number(),
    bottom: z.number(),
    header: z.number(),
    footer: z.number(),
  }),
  fitToWidth: z.boolean(),
  /** 0-based inclusive row range repeated at the top of every printed page */
  titleRows: z.tuple([z.number().int(), z.number().int()]).nullable(),
  /** Excel header/footer codes, e.g. '&C第 &P 页' (always with a section code) */
  header: z.string(),
  footer: z.string(),
});
export type PrintSetup = z.infer<typeof printSetup>;

export const sheetModel = z.object({
  /** worksheet name (≤ 31 characters, no []:*?/\) */
  name: z.string().min(1).max(31),
  title: z.string(),
  /** Excel character units */
  columns: z.array(z.object({ width: z.number().min(0.5).max(255) })),
  styles: z.record(z.string(), cellStyle),
  rows: z.array(sheetRow),
  /** 0-based index of the last row of each page but the last (manual row breaks) */
  breaks: z.array(z.number().int().min(0)),
  print: printSetup,
  /** printed pages this model promises (the print check compares it with LibreOffice's PDF) */
  pages: z.number().int().min(1),
});
export type SheetModel = z.infer<typeof sheetModel>;

// ---------------------------------------------------------------------------------------------
// Page geometry, shared by builders (pagination) and the preview (page outlines).

export const A4_CM = { width: 21, height: 29.7 } as const;
export const PT_PER_CM = 72 / 2.54;

/** Excel column width (characters of the default 11-pt font, 7 px each) → points. */
export function columnWidthPt(width: number): number {
  const px = Math.trunc(width * 7 + 5);
  return px * 0.75;
}

export function pageSizePt(orientation: PrintSetup['orientation']): { width: number; height: number } {
  const w = A4_CM.width * PT_PER_CM;
  const h = A4_CM.height * PT_PER_CM;
  return orientation === 'portrait' ? { width: w, height: h } : { width: h, height: w };
}

/** Printable body height in points; a safety share is kept because readers round row heights. */
export function usableHeightPt(print: PrintSetup, safety = 0.96): number {
  const { height } = pageSizePt(print.orientation);
  return (height - (print.margins.top + print.margins.bottom) * PT_PER_CM) * safety;
}

export function usableWidthPt(print: PrintSetup): number {
  const { width } = pageSizePt(print.orientation);
  return width - (print.margins.left + print.margins.right) * PT_PER_CM;
}

/**
 * Row breaks for a table whose title rows repeat on every page: rows are kept whole, and `keep`
 * groups (e.g. the footer block) are not split. Returns 0-based last rows of each page but the last.
 */
export function paginate(
  heights: readonly number[],
  usable: number,
  titleRows: [number, number] | null,
  keepFrom?: number,
): number[] {
  const breaks: number[] = [];
  const titleHeight = titleRows ? heights.slice(titleRows[0], titleRows[1] + 1).reduce((a, b) => a + b, 0) : 0;
  let used = 0;
  let pageStart = 0;
  const keepHeight = keepFrom === undefined ? 0 : heights.slice(keepFrom).reduce((a, b) => a + b, 0);
  for (let r = 0; r < heights.length; r++) {
    const h = heights[r]!;
    const needKeep = keepFrom !== undefined && r === keepFrom && keepHeight <= usable - titleHeight;
    const need = needKeep ? keepHeight : h;
    if (used + need > usable && r > pageStart) {
      breaks.push(r - 1);
      pageStart = r;
      used = titleHeight;
    }
    used += h;
  }
  return breaks;
}

/** Sum of the heights of rows a..b inclusive. */
export function heightOf(rows: readonly SheetRow[], a: number, b: number): number {
  let s = 0;
  for (let r = a; r <= b; r++) s += rows[r]!.height;
  return s;
}

/** Checks a model's own consistency: merges inside the grid and never overlapping, breaks ordered. */
export function checkModel(model: SheetModel): string[] {
  const problems: string[] = [];
  // the last row each column is occupied to (a cell or a merge reaching down): one pass, no sets
  const occupiedTo = new Array<number>(model.columns.length).fill(-1);
  model.rows.forEach((row, r) => {
    for (const cell of row.cells) {
      if (!model.styles[cell.s]) problems.push(`第 ${r + 1} 行第 ${cell.c + 1} 列使用了未定义的样式 ${cell.s}`);
      const rs = cell.rs ?? 1;
      const cs = cell.cs ?? 1;
      if (cell.c + cs > model.columns.length || r + rs > model.rows.length) {
        problems.push(`第 ${r + 1} 行第 ${cell.c + 1} 列的合并区域超出表格`);
        continue;
      }
      for (let j = cell.c; j < cell.c + cs; j++) {
        if (occupiedTo[j]! >= r) problems.push(`第 ${r + 1} 行第 ${j + 1} 列被重复占用（合并区域重叠）`);
        occupiedTo[j] = r + rs - 1;
      }
    }
  });
  for (let i = 1; i < model.breaks.length; i++)
    if (model.breaks[i]! <= model.breaks[i - 1]!) problems.push('分页符顺序错误');
  if (model.pages !== model.breaks.length + 1) problems.push(`承诺页数 ${model.pages} 与分页符数不符`);
  return problems;
}
