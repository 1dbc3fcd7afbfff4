// Clipboard text as Excel and WPS write and read it.
import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../../renderer/src/pages/ratings/grid/clipboard';

describe('grid clipboard', () => {
  it('reads a block copied from Excel (CRLF, trailing line break)', () => {
    expect(parseTsv('好\t工作扎实\r\n较好\t\r\n')).toEqual([
      ['好', '工作扎实'],
      ['较好', ''],
    ]);
    expect(parseTsv('一般')).toEqual([['一般']]);
    expect(parseTsv('')).toEqual([]);
  });

  it('reads quoted cells holding line breaks, tabs and quotes', () => {
    expect(parseTsv('"第一行\n第二行"\t好\n"说""好""\t了"\t较好\n')).toEqual([
      ['第一行\n第二行', '好'],
      ['说"好"\t了', '较好'],
    ]);
  });

  it('a quote inside an unquoted cell is literal', () => {
    expect(parseTsv('他说"好"\t一般')).toEqual([['他说"好"', '一般']]);
    expect(parseTsv('"未闭合\t好')).toEqual([['"未闭合', '好']]);
  });

  it('empty cells and rows survive', () => {
    expect(parseTsv('\t\n\t好\n')).toEqual([
      ['', ''],
      ['', '好'],
    ]);
  });

  it('writes what it reads back (round trip)', () => {
    const cells = [
      ['完成规划\n中期评估', '好', '说"好"'],
      ['', '较好', 'a\tb'],
    ];
    const text = toTsv(cells);
    expect(text).toBe('"完成规划\n中期评估"\t好\t"说""好"""\r\n\t较好\t"a\tb"\r\n');
    expect(parseTsv(text)).toEqual(cells);
  });
});
