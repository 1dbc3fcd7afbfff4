// Filed paper keeps Chinese line-breaking rules: the text is broken by the writer with no line that
// starts with "，" or "）" or ends with "（", and nothing lost or added but the breaks.
import { describe, expect, it } from 'vitest';
import { breakForPrint } from '../../shared/sheets/line-break';
import { textUnits, unitsPerLine } from '../../shared/sheets/text-fit';

const SUMMARY =
  '2026年度，本人担任副主任，主要负责分管综合规划、投资工作。第一季度，年初具体承办分管领域重点任务，开展实地调研5次。按期完成全面工作统筹，较计划提前7天完成。配合做好森林防火期包村值守。第二季度，统筹推进全面工作统筹，获分管领导肯定。2026年1月，2025年度考核被确定为优秀等次，给予嘉奖（某发改人〔2026〕2号）。';

describe('breakForPrint', () => {
  it.each([200, 260, 330, 415])('at %d pt no line starts with closing punctuation or ends with an opening one', (w) => {
    const out = breakForPrint(SUMMARY, w, 12);
    const lines = out.split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) {
      expect(l[0], l).not.toMatch(/[，。、；：）》”]/);
      expect(l.at(-1), l).not.toMatch(/[（《“〔]/);
      expect(textUnits(l)).toBeLessThanOrEqual(unitsPerLine(w, 12) - 2);
    }
    expect(out.replace(/\n/g, '')).toBe(SUMMARY);
  });

  it('leaves text that fits, and text with Latin words, as it is', () => {
    expect(breakForPrint('称职', 100, 12)).toBe('称职');
    expect(breakForPrint('参加 Excel 培训，'.repeat(10), 100, 12)).toBe('参加 Excel 培训，'.repeat(10));
  });
});

describe('breakForPrint on short values', () => {
  it('never breaks a value that fits the cell (a date in a narrow column)', () => {
    const w = 6 + 14 * 5.25; // exactly 14 units at 10.5 pt
    expect(breakForPrint('2026年11月25日', w, 10.5)).toBe('2026年11月25日');
  });
});

describe('breakForPrint on short headers', () => {
  // the 统计备案表's grade columns: 10 and 12 Excel units wide (56.25 pt, 66.75 pt) at 10.5 pt
  it('keeps a bracketed group whole on the next line rather than leaving "）" alone', () => {
    expect(breakForPrint('称职（合格）', 56.25, 10.5)).toBe('称职\n（合格）');
    expect(breakForPrint('不称职（不合格）', 66.75, 10.5)).toBe('不称职\n（不合格）');
    expect(breakForPrint('不称职（不合格）处理', 66.75, 10.5)).toBe('不称职\n（不合格）\n处理');
  });

  it('breaks a group too long for one line by the plain rules, never starting a line with "）"', () => {
    const out = breakForPrint('基本称职（基本合格）', 56.25, 10.5);
    expect(out.replace(/\n/g, '')).toBe('基本称职（基本合格）');
    for (const l of out.split('\n')) expect(l[0]).not.toMatch(/[）、，。]/);
  });

  it('leaves a label without punctuation to the reader (it breaks no rule wherever it wraps)', () => {
    expect(breakForPrint('应参加考核人数', 51, 10.5)).toBe('应参加考核人数');
  });
});
