// Writes one SheetModel into a worksheet of exceljs's streaming WorkbookWriter: widths, heights,
// styles, merges (made before their rows are committed), row breaks, page setup and footer.
import type ExcelJS from 'exceljs';
import { columnWidthPt, type CellStyle, type SheetModel } from '../../../../shared/sheets/model';
import { breakForPrint } from '../../../../shared/sheets/line-break';
import { LINE_FACTOR, CELL_PAD_PT } from '../../../../shared/sheets/text-fit';

type Worksheet = ExcelJS.Worksheet;
type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;

const CM_PER_INCH = 2.54;

/** exceljs style objects for the model's named styles, made once per sheet. */
function excelStyles(model: SheetModel): Map<string, Partial<ExcelJS.Style>> {
  const out = new Map<string, Partial<ExcelJS.Style>>();
  for (const [name, s] of Object.entries(model.styles)) out.set(name, excelStyle(s));
  return out;
}

export function excelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const edge = (e: 'thin' | 'medium' | null): Partial<ExcelJS.Border> | undefined =>
    e ? { style: e, color: { argb: 'FF000000' } } : undefined;
  const border: Partial<ExcelJS.Borders> = {};
  if (s.border.top) border.top = edge(s.border.top);
  if (s.border.right) border.right = edge(s.border.right);
  if (s.border.bottom) border.bottom = edge(s.border.bottom);
  if (s.border.left) border.left = edge(s.border.left);
  return {
    font: { name: s.font, size: s.size, bold: s.bold, charset: 134 },
    // a left-aligned text gets one indent step so it does not touch the border
    alignment: {
      horizontal: s.h,
      vertical: s.v,
      wrapText: s.wrap,
      ...(s.h === 'left' && s.border.left ? { indent: 1 } : {}),
    },
    border,
  };
}

/** The column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A merged range as the streaming writer records it (printed with toString, checked with intersects). */
class MergeRange {
  constructor(
    readonly top: number,
    readonly left: number,
    readonly bottom: number,
    readonly right: number,
  ) {}
  intersects(o: MergeRange): boolean {
    return !(o.bottom < this.top || o.top > this.bottom || o.right < this.left || o.left > this.right);
  }
  toString(): string {
    return `${columnLetters(this.left)}${this.top}:${columnLetters(this.right)}${this.bottom}`;
  }
}

/**
 * Merges a range. exceljs's own mergeCells compares each new merge with every earlier one (quadratic:
 * 5,000 forms × 20 merges would take minutes); the model is checked for overlaps before writing
 * (checkModel), so we do the same cell-level merge and record the range directly. Falls back to the
 * public method if the writer's internals ever change shape.
 */
function mergeRange(ws: Worksheet, top: number, left: number, bottom: number, right: number): void {
  const internal = ws as unknown as { _merges?: unknown };
  if (!Array.isArray(internal._merges)) {
    ws.mergeCells(top, left, bottom, right);
    return;
  }
  const master = ws.getCell(top, left);
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      if (r === top && c === left) continue;
      (ws.getCell(r, c) as unknown as { merge(m: ExcelJS.Cell): void }).merge(master);
    }
  }
  internal._merges.push(new MergeRange(top, left, bottom, right));
}

export interface WriteHooks {
  /** called every `every` rows; throw from it to stop (cancel) */
  onRows?: (written: number) => void;
  every?: number;
}

export function addSheet(wb: WorkbookWriter, model: SheetModel, hooks: WriteHooks = {}): void {
  const p = model.print;
  const inch = (cm: number) => Math.round((cm / CM_PER_INCH) * 1000) / 1000;
  const ws = wb.addWorksheet(model.name, {
    // Page setup and header/footer must be given here: set afterwards, the streaming writer drops fit-to-page.
    pageSetup: {
      paperSize: 9, // A4
      orientation: p.orientation,
      fitToPage: p.fitToWidth,
      fitToWidth: p.fitToWidth ? 1 : undefined,
      fitToHeight: p.fitToWidth ? 0 : undefined,
      margins: {
        left: inch(p.margins.left),
        right: inch(p.margins.right),
        top: inch(p.margins.top),
        bottom: inch(p.margins.bottom),
        header: inch(p.margins.header),
        footer: inch(p.margins.footer),
      },
      printTitlesRow: p.titleRows ? `${p.titleRows[0] + 1}:${p.titleRows[1] + 1}` : undefined,
      horizontalCentered: true,
    },
    headerFooter: { oddHeader: p.header || undefined, oddFooter: p.footer || undefined },
    views: [{ showGridLines: false }],
  });
  // exceljs leaves out a column whose width equals its default (9), which readers then show at
  // their own default width: nudge it.
  ws.columns = model.columns.map((c) => ({ width: c.width === 9 ? 9.01 : c.width }));
  const styles = excelStyles(model);
  const breaks = new Set(model.breaks);
  const every = hooks.every ?? 200;
  // each column's left edge in points (and the right edge of the last): a span is one subtraction
  const edges = [0];
  for (const c of model.columns) edges.push(edges[edges.length - 1]! + columnWidthPt(c.width));

  // One style object for every row: exceljs recognises a style it has seen by identity, and each
  // row's own empty one would be turned into XML and looked up again (a tenth of the write at
  // 20,000 people). No row has a style of its own, so the file is the same.
  const rowStyle: Partial<ExcelJS.Style> = {};

  model.rows.forEach((row, r) => {
    const xr = ws.getRow(r + 1);
    (xr as unknown as { style: Partial<ExcelJS.Style> }).style = rowStyle; // not in exceljs's typings
    let height = row.height;
    for (const cell of row.cells) {
      const xc = xr.getCell(cell.c + 1);
      // Strings stay strings: exceljs only writes a formula for { formula } objects, so text such
      // as "=HYPERLINK(...)" is inert. Numbers are numbers; nothing else exists in a model.
      const style = model.styles[cell.s];
      if (typeof cell.v === 'string' && style?.wrap) {
        // broken here by the Chinese rules (no line starting with "，" or "）", even in a short header
        // such as 称职（合格）), a little narrower than the cell; text that fits is left as it is
        const span = (edges[cell.c + (cell.cs ?? 1)] ?? edges[edges.length - 1]!) - edges[cell.c]!;
        const indent = style.h === 'left' && style.border.left ? style.size : 0;
        const text = breakForPrint(cell.v, span - indent, style.size);
        xc.value = text;
        // the breaks may take a line more than the model counted: a single row grows to show it
        if ((cell.rs ?? 1) === 1 && text !== cell.v) {
          let lines = 1;
          for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
          const need = Math.ceil(lines * style.size * LINE_FACTOR + CELL_PAD_PT);
          height = Math.min(409, Math.max(height, need));
        }
      } else if (cell.v !== null && cell.v !== '') xc.value = cell.v;
      xc.style = styles.get(cell.s) ?? {};
      const rs = cell.rs ?? 1;
      const cs = cell.cs ?? 1;
      if (rs > 1 || cs > 1) mergeRange(ws, r + 1, cell.c + 1, r + rs, cell.c + cs);
    }
    xr.height = height;
    if (breaks.has(r)) xr.addPageBreak();
    xr.commit();
    if (hooks.onRows && (r + 1) % every === 0) hooks.onRows(r + 1);
  });
  ws.commit();
}
