// The cap on 好: share × people rated with the year's rounding, scopes, the zero case, review flags.
import { describe, expect, it } from 'vitest';
import { capLimit, capStanding, emptyCounts, percentLabel } from '../../shared/ratings/cap';
import { reviewFlags } from '../../shared/ratings/review';
import { ratingFromKey, ratingFromText } from '../../shared/ratings/keys';
import { defaultYearSettings } from '../../shared/settings/year-settings';

const cap = defaultYearSettings().goodCap;

describe('cap on 好', () => {
  it('40% of 10 is 4 (floor), and float noise does not move the rounding', () => {
    expect(capLimit(10, 0.4, 'floor')).toBe(4);
    expect(capLimit(10, 0.3, 'floor')).toBe(3); // 0.3 × 10 = 2.9999999999999996 in floating point
    expect(capLimit(10, 0.7, 'ceil')).toBe(7); // 7.000000000000001
    expect(capLimit(7, 0.4, 'floor')).toBe(2);
  });

  it('round and ceil', () => {
    expect(capLimit(7, 0.4, 'round')).toBe(3); // 2.8
    expect(capLimit(6, 0.4, 'round')).toBe(2); // 2.4
    expect(capLimit(5, 0.5, 'round')).toBe(3); // 2.5 rounds half up
    expect(capLimit(7, 0.4, 'ceil')).toBe(3);
    expect(capLimit(11, 0.4, 'ceil')).toBe(5);
  });

  it('zero people: no 好 allowed and no division by zero', () => {
    expect(capLimit(0, 0.4, 'ceil')).toBe(0);
    const s = capStanding(0, emptyCounts(), cap);
    expect(s).toMatchObject({ base: 0, rated: 0, cap: 0, goodShare: 0, over: false });
  });

  it('standing: over when 好 exceeds the cap; the base never falls below the people rated', () => {
    const s = capStanding(10, { good: 5, fair: 3, average: 1, poor: 0 }, cap);
    expect(s).toMatchObject({ base: 10, rated: 9, good: 5, cap: 4, over: true, goodShare: 0.5 });
    expect(capStanding(2, { good: 1, fair: 3, average: 0, poor: 0 }, cap)).toMatchObject({
      base: 4,
      cap: 1,
      over: false,
    });
    expect(capStanding(10, { good: 9, fair: 0, average: 0, poor: 0 }, { ...cap, enabled: false })).toMatchObject({
      cap: null,
      over: false,
    });
  });

  it('agency scope: the cap of the summed base can allow what a department cap would not', () => {
    // Two departments of 5: 3 好 in one, 0 in the other. Per department: cap 2 → over. Agency: cap 4 → fine.
    const deptA = capStanding(5, { good: 3, fair: 2, average: 0, poor: 0 }, cap);
    const agency = capStanding(10, { good: 3, fair: 7, average: 0, poor: 0 }, { ...cap, scope: 'agency' });
    expect(deptA.over).toBe(true);
    expect(agency).toMatchObject({ cap: 4, over: false });
  });

  it('percent labels', () => {
    expect(percentLabel(0.4)).toBe('40%');
    expect(percentLabel(0.125)).toBe('12.5%');
  });
});

describe('review flags', () => {
  it('flags a department far above the agency average, and one where all have the same rating', () => {
    const high = capStanding(5, { good: 4, fair: 1, average: 0, poor: 0 }, cap);
    expect(reviewFlags(high, 0.3).map((f) => f.kind)).toEqual(['over_cap', 'high_good_share']);
    const same = capStanding(4, { good: 0, fair: 4, average: 0, poor: 0 }, cap);
    expect(reviewFlags(same, 0.3).map((f) => f.kind)).toEqual(['all_same']);
    expect(reviewFlags(same, 0.3)[0]!.message).toContain('较好');
    const normal = capStanding(5, { good: 2, fair: 2, average: 1, poor: 0 }, cap);
    expect(reviewFlags(normal, 0.35)).toEqual([]);
  });
});

describe('rating keys', () => {
  it('keys and pasted spellings', () => {
    expect(['1', '2', '3', '4', 'h', 'J', 'y', 'c'].map(ratingFromKey)).toEqual([
      'good',
      'fair',
      'average',
      'poor',
      'good',
      'fair',
      'average',
      'poor',
    ]);
    expect(ratingFromKey('5')).toBeNull();
    expect(ratingFromText('好 ')).toBe('good');
    expect(ratingFromText('良好')).toBe('fair');
    expect(ratingFromText('３')).toBe('average');
    expect(ratingFromText('')).toBeNull();
    expect(ratingFromText('很好')).toBeUndefined();
  });
});
