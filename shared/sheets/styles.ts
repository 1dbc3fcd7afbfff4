// Building blocks for SheetModel styles: fonts, alignments and the border sets the forms use.
import type { CellBorder, CellStyle, SheetFont } from './model';

export const NO_BORDER: CellBorder = { top: null, right: null, bottom: null, left: null };
export const ALL_THIN: CellBorder = { top: 'thin', right: 'thin', bottom: 'thin', left: 'thin' };

export function border(sides: string): CellBorder {
  return {
    top: sides.includes('t') ? 'thin' : null,
    right: sides.includes('r') ? 'thin' : null,
    bottom: sides.includes('b') ? 'thin' : null,
    left: sides.includes('l') ? 'thin' : null,
  };
}

export function style(font: SheetFont, size: number, opts: Partial<Omit<CellStyle, 'font' | 'size'>> = {}): CellStyle {
  return { font, size, bold: false, h: 'left', v: 'middle', wrap: true, border: NO_BORDER, ...opts };
}
