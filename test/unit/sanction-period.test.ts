// 处分期 arithmetic: end = addMonths(effective date, months) − 1 day, months from the year's settings.
import { describe, expect, it } from 'vitest';
import { sanctionInForce, sanctionPeriod } from '../../shared/evidence/sanction-period';
import { defaultYearSettings } from '../../shared/settings/year-settings';

const months = defaultYearSettings().sanctionMonths;

describe('sanction period', () => {
  it.each([
    ['警告', '2026-03-15', 6, '2026-09-14'],
    ['记过', '2026-03-15', 12, '2027-03-14'],
    ['记大过', '2026-03-15', 18, '2027-09-14'],
    ['降级', '2026-03-15', 24, '2028-03-14'],
    ['撤职', '2026-03-15', 24, '2028-03-14'],
    ['降低岗位等级', '2026-01-01', 24, '2027-12-31'],
  ])('%s from %s lasts %i months, to %s', (subKind, date, m, end) => {
    expect(sanctionPeriod(date, subKind, months)).toEqual({ start: date, end, months: m });
  });

  it('clamps to the month end before taking the day off', () => {
    // 2026-08-31 + 6 months = 2027-02-28 (clamped), minus one day
    expect(sanctionPeriod('2026-08-31', '警告', months)?.end).toBe('2027-02-27');
    // 2026-01-31 + 6 months = 2026-07-31
    expect(sanctionPeriod('2026-01-31', '警告', months)?.end).toBe('2026-07-30');
    // 2026-03-01 + 6 months = 2026-09-01 → ends 2026-08-31
    expect(sanctionPeriod('2026-03-01', '警告', months)?.end).toBe('2026-08-31');
  });

  it('handles leap years', () => {
    // 2027-08-31 + 6 months = 2028-02-29 (leap), minus one day
    expect(sanctionPeriod('2027-08-31', '警告', months)?.end).toBe('2028-02-28');
    // 2024-02-29 + 12 months = 2025-02-28 (no 29th), minus one day
    expect(sanctionPeriod('2024-02-29', '记过', months)?.end).toBe('2025-02-27');
    // 2027-03-01 + 12 months = 2028-03-01 → the day before is the leap day
    expect(sanctionPeriod('2027-03-01', '记过', months)?.end).toBe('2028-02-29');
    // 2024-02-29 + 24 months = 2026-02-28
    expect(sanctionPeriod('2024-02-29', '降级', months)?.end).toBe('2026-02-27');
  });

  it('follows the configured months, and has no period at 0 or for 开除', () => {
    const custom = { ...months, 警告: 3, 记过: 9 };
    expect(sanctionPeriod('2026-03-15', '警告', custom)?.end).toBe('2026-06-14');
    expect(sanctionPeriod('2026-03-15', '记过', custom)?.end).toBe('2026-12-14');
    expect(sanctionPeriod('2026-03-15', '警告', { ...months, 警告: 0 })).toBeNull();
    expect(sanctionPeriod('2026-03-15', '开除', months)).toBeNull();
    expect(sanctionPeriod('2026-03-15', '未知', months)).toBeNull();
  });

  it('is in force on both end days and not after', () => {
    expect(sanctionInForce('2026-03-15', '警告', months, '2026-03-15')).toBe(true);
    expect(sanctionInForce('2026-03-15', '警告', months, '2026-09-14')).toBe(true);
    expect(sanctionInForce('2026-03-15', '警告', months, '2026-09-15')).toBe(false);
    expect(sanctionInForce('2026-03-15', '警告', months, '2026-03-14')).toBe(false);
  });
});
