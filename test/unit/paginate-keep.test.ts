// A table's notes and signatures never print alone under repeated headers: when they do not fit on
// the last data page, the last data rows go over with them.
import { describe, expect, it } from 'vitest';
import { paginate } from '../../shared/sheets/model';

describe('paginate with a kept block', () => {
  it('carries data rows over with the footer instead of a page of headers and notes only', () => {
    // title 30 + header 40 (rows 0..1), 20 data rows of 30, footer block of 3 rows (10, 40, 40); page 700
    const heights = [30, 40, ...Array<number>(20).fill(30), 10, 40, 40];
    const keepFrom = 22;
    const breaks = paginate(heights, 700, [0, 1], keepFrom);
    const last = breaks.at(-1)!;
    // the page after the last break holds data rows, then the footer
    expect(last + 1).toBeLessThan(keepFrom);
    expect(last + 1).toBeGreaterThanOrEqual(2);
    // and every page fits
    const starts = [0, ...breaks.map((b) => b + 1)];
    const ends = [...breaks, heights.length - 1];
    starts.forEach((s, i) => {
      const titles = i === 0 ? 0 : 70;
      const used = heights.slice(s, ends[i]! + 1).reduce((a, b) => a + b, 0) + titles;
      expect(used).toBeLessThanOrEqual(700);
    });
  });

  it('breaks as before when the footer fits', () => {
    const heights = [30, 40, ...Array<number>(5).fill(30), 10, 40];
    expect(paginate(heights, 700, [0, 1], 7)).toEqual([]);
  });
});
