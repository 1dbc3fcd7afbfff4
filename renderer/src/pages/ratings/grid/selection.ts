// The grid's selection as Excel has it: an anchor cell where the selection started and a focus cell
// the arrows move (Shift extends from the anchor, a plain move collapses onto the focus). Pure data.

export interface Cell {
  row: number;
  col: number;
}

export interface Selection {
  anchor: Cell;
  focus: Cell;
}

/** The rectangle a selection covers, inclusive on every side. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface GridSize {
  rows: number;
  cols: number;
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

export function clampCell(c: Cell, size: GridSize): Cell {
  return { row: clamp(c.row, 0, Math.max(size.rows - 1, 0)), col: clamp(c.col, 0, Math.max(size.cols - 1, 0)) };
}

export const single = (c: Cell): Selection => ({ anchor: c, focus: c });

export function rectOf(s: Selection): Rect {
  return {
    top: Math.min(s.anchor.row, s.focus.row),
    bottom: Math.max(s.anchor.row, s.focus.row),
    left: Math.min(s.anchor.col, s.focus.col),
    right: Math.max(s.anchor.col, s.focus.col),
  };
}

export function contains(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

export const isSingle = (s: Selection) => s.anchor.row === s.focus.row && s.anchor.col === s.focus.col;

/** Moves the focus to `to` (clamped); with `extend` the anchor stays, otherwise the selection collapses. */
export function moveTo(s: Selection, to: Cell, size: GridSize, extend: boolean): Selection {
  const focus = clampCell(to, size);
  return extend ? { anchor: s.anchor, focus } : single(focus);
}

export function moveBy(s: Selection, dr: number, dc: number, size: GridSize, extend: boolean): Selection {
  return moveTo(s, { row: s.focus.row + dr, col: s.focus.col + dc }, size, extend);
}

/** Keeps a selection inside the grid after rows went away (another department, a filter). */
export function clampSelection(s: Selection, size: GridSize): Selection {
  return { anchor: clampCell(s.anchor, size), focus: clampCell(s.focus, size) };
}
