// Notice (公示) end dates skipping weekends, and the redress deadlines of domain.md §7.
import { describe, expect, it } from 'vitest';
import { noticeEndDate, redressDeadline } from '../../shared/rules';

const days = { reviewDays: 30, appealAfterReviewDays: 15, appealDirectDays: 30 };

describe('notice end date', () => {
  it.each([
    ['2026-11-16', 5, '2026-11-20'], // Monday → Friday
    ['2026-11-19', 5, '2026-11-25'], // Thursday → next Wednesday
    ['2026-11-21', 5, '2026-11-27'], // Saturday start: counts from Monday
    ['2026-12-28', 5, '2027-01-01'], // across the year end
    ['2026-11-20', 1, '2026-11-20'],
    ['2026-11-16', 10, '2026-11-27'],
  ])('%s + %i working days → %s', (start, n, end) => {
    expect(noticeEndDate(start, n)).toBe(end);
  });
});

describe('redress deadlines', () => {
  it('review within 30 days of learning the result', () => {
    expect(redressDeadline('review', '2026-12-20', false, days)).toEqual({
      deadline: '2027-01-19',
      basis: '知悉考核结果之日（2026-12-20）起 30 日内申请复核',
    });
  });
  it('appeal 15 days after the review decision, or 30 days directly', () => {
    expect(redressDeadline('appeal', '2027-01-05', true, days).deadline).toBe('2027-01-20');
    expect(redressDeadline('appeal', '2026-12-20', false, days).deadline).toBe('2027-01-19');
  });
  it('follows the year’s settings', () => {
    expect(redressDeadline('review', '2026-12-20', false, { ...days, reviewDays: 15 }).deadline).toBe('2027-01-04');
  });
});
