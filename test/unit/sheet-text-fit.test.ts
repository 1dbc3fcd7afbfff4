// Row heights that fit wrapped Chinese text: CJK counts two width units, Latin one.
import { describe, expect, it } from 'vitest';
import {
  charUnits,
  fitRowHeight,
  fitsBox,
  linesFor,
  textUnits,
  unitsPerLine,
  LINE_FACTOR,
  CELL_PAD_PT,
} from '../../shared/sheets/text-fit';
import { columnWidthPt } from '../../shared/sheets/model';

describe('text fit', () => {
  it('counts CJK and full-width punctuation as two units, ASCII as one', () => {
    expect(charUnits('中')).toBe(2);
    expect(charUnits('，')).toBe(2);
    expect(charUnits('a')).toBe(1);
    expect(charUnits('1')).toBe(1);
    expect(textUnits('考核2026')).toBe(8);
  });

  it('counts lines from text length and column width', () => {
    const w = columnWidthPt(20); // 146 px → 109.5 pt
    const per = unitsPerLine(w, 12); // (109.5 - 6) / 6 = 17 units
    expect(per).toBe(17);
    expect(linesFor('一二三四五六七八', w, 12)).toBe(1); // 16 units
    expect(linesFor('一二三四五六七八九', w, 12)).toBe(2); // 18 units
    expect(linesFor('一\n二', w, 12)).toBe(2);
    expect(linesFor('', w, 12)).toBe(1);
  });

  it('gives the height of the lines, within Excel limits', () => {
    const w = columnWidthPt(20);
    expect(fitRowHeight('一二三四五六七八九', w, 12)).toBe(Math.ceil(2 * 12 * LINE_FACTOR + CELL_PAD_PT));
    expect(fitRowHeight('短', w, 12, 30)).toBe(30);
    expect(fitRowHeight('很长'.repeat(2000), w, 12)).toBe(409);
  });

  it('says whether text fits a box', () => {
    expect(fitsBox('一'.repeat(25), columnWidthPt(20), 3 * 18 + 6, 12)).toBe(true);
    expect(fitsBox('一'.repeat(26), columnWidthPt(20), 3 * 18 + 6, 12)).toBe(false);
  });
});
