// The personal summary drafter: fits its box, whole sentences only, each with its source.
import { describe, expect, it } from 'vitest';
import {
  draftSummary,
  splitSentences,
  summaryFits,
  summaryText,
  condenseToBox,
} from '../../shared/sheets/summary/draft';
import { summaryBoxFor } from '../../shared/sheets/registration-form';
import { packFixture } from '../support/pack-fixtures';

describe('personal summary draft', () => {
  it('splits work records into whole sentences with their punctuation', () => {
    expect(splitSentences('1、完成甲任务；完成乙任务。\n2.推进丙工作')).toEqual([
      '完成甲任务。',
      '完成乙任务。',
      '推进丙工作。',
    ]);
  });

  it('drafts from the person records, every sentence traced to one of them', () => {
    const data = packFixture({ persons: 1 });
    const p = data.persons[0]!;
    const box = summaryBoxFor(p, data);
    const s = draftSummary(p, data.periods, 2026, box);
    expect(s.length).toBeGreaterThan(3);
    const ids = new Set([p.id, ...p.ratings.map((r) => r.id), ...p.evidence.map((e) => e.id)]);
    for (const sentence of s) {
      expect(sentence.source).not.toBeNull();
      expect(ids.has(sentence.source!.id)).toBe(true);
      expect(sentence.text).toMatch(/[。！？]$/);
    }
    expect(s.some((x) => x.source!.kind === 'evidence' && x.text.includes('嘉奖'))).toBe(true);
  });

  it('condenses a long year into the box without cutting a sentence', () => {
    const data = packFixture({ persons: 1 });
    const p = data.persons[0]!;
    const long = Array.from(
      { length: 12 },
      (_, i) =>
        `第${i + 1}项工作：牵头推进全区重点项目建设，协调解决项目用地、资金和审批中的突出问题，按期完成年度投资计划。`,
    ).join('');
    p.ratings.forEach((r) => (r.workRecord = long));
    const box = summaryBoxFor(p, data);
    const s = draftSummary(p, data.periods, 2026, box);
    expect(summaryFits(s, box)).toBe(true);
    const all = new Set(p.ratings.flatMap((r) => splitSentences(r.workRecord)));
    for (const x of s.filter((y) => y.source?.kind === 'period_rating')) {
      const bare = x.text.replace(/^第[一二三四]季度，/, '');
      expect(all.has(bare)).toBe(true);
    }
    // the box is nearly full: adding any left-out sentence would overflow
    expect(summaryText(s).length).toBeGreaterThan(300);
  });

  it('keeps only leading whole sentences of an edited summary that no longer fits', () => {
    const box = { widthPt: 200, heightPt: 60, fontSize: 12 };
    const edited = Array.from({ length: 10 }, (_, i) => ({
      text: `这是第${i + 1}句话，内容较长需要换行显示。`,
      source: null,
    }));
    const kept = condenseToBox(edited, box);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(10);
    expect(kept).toEqual(edited.slice(0, kept.length));
    expect(summaryFits(kept, box)).toBe(true);
  });
});
