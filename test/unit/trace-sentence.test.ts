// The trace printed on filed paper reads as Chinese sentences: periods named (第一季度), lists with 、,
// the arrows turned into the steps of a sentence, the result said in words, dates as 2027年2月28日.
import { describe, expect, it } from 'vitest';
import { periodName, traceSentence, traceSentences } from '../../shared/sheets/trace-sentence';

describe('traceSentence', () => {
  it('says the suggestion as a sentence, with no arrows, no codes and no catch-all row', () => {
    expect(traceSentence('Q1 较好, Q2 好, Q3 较好, Q4 较好 → 不符合以上各条 → 称职')).toBe(
      '第一季度较好、第二季度好、第三季度较好、第四季度较好，按规则确定为称职。',
    );
  });

  it('joins the lines of a trace with ；, candidates and quota steps in words', () => {
    const text = traceSentence(
      [
        'Q1 好, Q2 好, Q3 好, Q4 好 → 不属于基本称职、不称职各行 → 参加积分排名',
        '积分：Q1 好3 + Q2 好3 + 嘉奖+1 = 13',
        '积分 13，在本考核单元可评优人员中排第 1 名（共 12 人，优秀名额 2 名） → 优秀候选',
        '优秀名额（办公室）：基数 12 人 × 20% = 2.4，向下取整 → 2 名；本单元优秀候选 3 人',
      ].join('\n'),
    );
    expect(text).toBe(
      '第一季度好、第二季度好、第三季度好、第四季度好，不属于基本称职、不称职各行，参加积分排名；' +
        '积分：第一季度好3 + 第二季度好3 + 嘉奖+1 = 13；' +
        '积分 13，在本考核单元可评优人员中排第 1 名（共 12 人，优秀名额 2 名），列为优秀候选；' +
        '优秀名额（办公室）：基数 12 人 × 20% = 2.4，向下取整为 2 名；本单元优秀候选 3 人。',
    );
    expect(text).not.toMatch(/→|Q\d/);
  });

  it('prints dates in Chinese and names half years and months', () => {
    expect(traceSentence('【暂缓】立案审查调查未结案（依据：2026-05-10 立案）')).toBe(
      '【暂缓】立案审查调查未结案（依据：2026年5月10日 立案）。',
    );
    expect(traceSentence('H1 好, H2 一般 → 受限 → 基本称职')).toBe(
      '上半年好、下半年一般，受限，按规则确定为基本称职。',
    );
    expect(periodName('M03')).toBe('3月');
    expect(traceSentence('')).toBe('');
  });
});

describe('the same sentences on the workbench', () => {
  it("says the suggestion table's counts and the unreviewed periods in words", () => {
    expect(traceSentence('Q1 好, Q2 好, Q3 好, Q4 好（未复核，不计） → 3×好，无较好以下 → 优秀候选')).toBe(
      '第一季度好、第二季度好、第三季度好、第四季度好（未复核，不计），好 3 次，无较好以下，列为优秀候选。',
    );
    expect(traceSentence('Q1 较差, Q2 一般 → 1×较差 → 基本称职')).toBe(
      '第一季度较差、第二季度一般，较差 1 次，按规则确定为基本称职。',
    );
    expect(traceSentence('未计入：Q4 尚未复核（年度设置“年终只计入已复核的期间”）')).toBe(
      '未计入：第四季度尚未复核（年度设置“年终只计入已复核的期间”）。',
    );
  });

  it('lists a trace line by line, each line its own sentence', () => {
    expect(traceSentences('Q1 好 → 不符合以上各条 → 称职\n\n上级考核的领导班子成员')).toEqual([
      '第一季度好，按规则确定为称职。',
      '上级考核的领导班子成员。',
    ]);
  });
});
