// Estimates how wrapped Chinese text fills a cell: lines from text length and column width, and
// the row height (or character budget) that fits. Conservative, because cut text on paper is worse.
import { columnWidthPt } from './model';

/** Line height as a multiple of the font size: Noto CJK (LibreOffice) needs ~1.45, SimSun less. */
export const LINE_FACTOR = 1.5;
/** Inner padding of a cell, points (left + right, top + bottom). */
export const CELL_PAD_PT = 6;

/** Width units of one character: CJK and full-width forms count 2, everything else 1. */
export function charUnits(ch: string): number {
  return codePointUnits(ch.codePointAt(0) ?? 0);
}

/** charUnits of a code point (the hot loops walk code points, not one-character strings). */
export function codePointUnits(cp: number): number {
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd) ||
    (cp >= 0x2010 && cp <= 0x2027) // dashes, quotes and ellipsis are full-width in CJK fonts
  )
    return 2;
  return 1;
}

export function textUnits(text: string): number {
  let u = 0;
  for (let o = 0; o < text.length;) {
    const cp = text.codePointAt(o)!;
    o += cp > 0xffff ? 2 : 1;
    u += codePointUnits(cp);
  }
  return u;
}

/** Width units that fit on one line of a cell `widthPt` wide at `fontSize` (a unit is half an em). */
export function unitsPerLine(widthPt: number, fontSize: number): number {
  return Math.max(2, Math.floor((widthPt - CELL_PAD_PT) / (fontSize / 2)));
}

// Labels and short values repeat on every form: remember their line counts (bounded).
const shortMemo = new Map<string, number>();

/** Lines the text takes when wrapped in a cell of the given width (points). */
export function linesFor(text: string, widthPt: number, fontSize: number): number {
  if (text.length > 24) return countLines(text, widthPt, fontSize);
  const key = `${widthPt}|${fontSize}|${text}`;
  let n = shortMemo.get(key);
  if (n === undefined) {
    n = countLines(text, widthPt, fontSize);
    if (shortMemo.size > 5000) shortMemo.clear();
    shortMemo.set(key, n);
  }
  return n;
}

function countLines(text: string, widthPt: number, fontSize: number): number {
  const per = unitsPerLine(widthPt, fontSize);
  let lines = 0;
  for (const para of text.split('\n')) {
    // A Latin word cannot break mid-word, so a line may end early: count a little slack per line.
    const u = textUnits(para);
    lines += Math.max(1, Math.ceil(u / Math.max(2, per - (/[A-Za-z0-9]{4}/.test(para) ? 3 : 0))));
  }
  return lines;
}

/** Sum of Excel column widths → points. */
export function spanWidthPt(widths: readonly number[]): number {
  return widths.reduce((a, w) => a + columnWidthPt(w), 0);
}

/** Row height (points) that shows `text` wrapped in the given span, at least `min`, at most 409. */
export function fitRowHeight(text: string, widthPt: number, fontSize: number, min = 0): number {
  const h = linesFor(text, widthPt, fontSize) * fontSize * LINE_FACTOR + CELL_PAD_PT;
  return Math.min(409, Math.max(min, Math.ceil(h)));
}

/** How many lines of the font fit into a box of `heightPt`. */
export function linesInHeight(heightPt: number, fontSize: number): number {
  return Math.max(1, Math.floor((heightPt - CELL_PAD_PT) / (fontSize * LINE_FACTOR)));
}

/**
 * Width units a box of the given size holds (for condensing text into it). Each paragraph wastes
 * on average half a line, which the caller accounts for by counting paragraphs via `linesFor`.
 */
export function boxUnitBudget(widthPt: number, heightPt: number, fontSize: number): number {
  return unitsPerLine(widthPt, fontSize) * linesInHeight(heightPt, fontSize);
}

/** True when the text, wrapped, fits in the box. */
export function fitsBox(text: string, widthPt: number, heightPt: number, fontSize: number): boolean {
  return linesFor(text, widthPt, fontSize) <= linesInHeight(heightPt, fontSize);
}
