// A small row-by-row builder for SheetModels: rows are appended with heights, cells with merges,
// and the builder records page breaks. Builders of the individual sheets use it.
import type { PrintSetup, SheetCell, SheetModel, SheetRow } from './model';
import type { CellStyle } from './model';
import { CELL_PAD_PT, fitRowHeight, LINE_FACTOR, spanWidthPt } from './text-fit';

export class SheetBuilder {
  readonly rows: SheetRow[] = [];
  readonly breaks: number[] = [];

  constructor(
    readonly name: string,
    readonly title: string,
    readonly columns: number[],
    readonly styles: Record<string, CellStyle>,
    readonly print: PrintSetup,
  ) {}

  /** Appends a row; returns its 0-based index. */
  row(height: number, cells: SheetCell[] = []): number {
    this.rows.push({ height: Math.min(409, Math.max(1, Math.round(height * 4) / 4)), cells });
    return this.rows.length - 1;
  }

  /** Adds a cell to an existing row (used when a tall merge is anchored above later rows). */
  cell(row: number, cell: SheetCell): void {
    this.rows[row]!.cells.push(cell);
  }

  /** A manual page break after the last row appended so far. */
  pageBreak(): void {
    const last = this.rows.length - 1;
    if (last >= 0 && this.breaks[this.breaks.length - 1] !== last) this.breaks.push(last);
  }

  get length(): number {
    return this.rows.length;
  }

  build(pages = this.breaks.length + 1): SheetModel {
    for (const row of this.rows) row.cells.sort((a, b) => a.c - b.c);
    return {
      name: this.name,
      title: this.title,
      columns: this.columns.map((width) => ({ width })),
      styles: this.styles,
      rows: this.rows,
      breaks: this.breaks,
      print: this.print,
      pages,
    };
  }
}

/** Splits a height into rows no taller than Excel's 409-pt limit (a tall box becomes a merge). */
export function splitHeight(total: number, max = 400): number[] {
  const n = Math.max(1, Math.ceil(total / max));
  const each = Math.floor((total / n) * 4) / 4;
  const parts = Array.from({ length: n }, () => each);
  parts[n - 1] = Math.round((total - each * (n - 1)) * 4) / 4;
  return parts;
}

/** The height a row needs so every cell's wrapped text shows (single-row cells; merges by their span). */
export function autoHeight(
  cells: readonly SheetCell[],
  widths: readonly number[],
  styles: Record<string, CellStyle>,
  min = 24,
): number {
  let h = min;
  for (const cell of cells) {
    if (typeof cell.v !== 'string' || !cell.v || (cell.rs ?? 1) > 1) continue;
    const st = styles[cell.s];
    if (!st) continue;
    const w = spanWidthPt(widths.slice(cell.c, cell.c + (cell.cs ?? 1)));
    h = Math.max(h, st.wrap ? fitRowHeight(cell.v, w, st.size) : Math.ceil(st.size * LINE_FACTOR + CELL_PAD_PT));
  }
  return h;
}
