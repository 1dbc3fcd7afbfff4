// Leave days per year: calendar days inclusive, a leave crossing 31 Dec counts only its own days in
// each year; a clerk-entered day count is prorated across the boundary.
import { describe, expect, it } from 'vitest';
import { leaveDaysInYear, leaveSpanDays, sumLeaveDaysInYear } from '../../shared/evidence/leave';
import { investigationState, leaveFlag, probationRunning } from '../../shared/evidence/flags';

describe('leave days', () => {
  it('counts calendar days inclusive', () => {
    expect(leaveSpanDays('2026-03-01', '2026-03-01')).toBe(1);
    expect(leaveSpanDays('2026-02-01', '2026-03-01')).toBe(29);
    expect(leaveSpanDays('2024-02-01', '2024-03-01')).toBe(30);
  });

  it('counts only the 2026 days of a leave from 2025-12-20 to 2026-01-10', () => {
    const leave = { date: '2025-12-20', endDate: '2026-01-10', days: leaveSpanDays('2025-12-20', '2026-01-10') };
    expect(leave.days).toBe(22);
    expect(leaveDaysInYear(leave, 2026)).toBe(10);
    expect(leaveDaysInYear(leave, 2025)).toBe(12);
    expect(leaveDaysInYear(leave, 2027)).toBe(0);
  });

  it('prorates a given day count across the year boundary', () => {
    // 11 working days over 22 calendar days: half in each year
    const leave = { date: '2025-12-21', endDate: '2026-01-11', days: 11 };
    expect(leaveDaysInYear(leave, 2026)).toBe(5.5);
    expect(leaveDaysInYear(leave, 2025)).toBe(5.5);
    expect(leaveDaysInYear({ date: '2026-03-02', endDate: '2026-03-13', days: 10 }, 2026)).toBe(10);
  });

  it('counts a leave recorded with days only in the year of its date', () => {
    expect(leaveDaysInYear({ date: '2026-12-30', endDate: null, days: 5 }, 2026)).toBe(5);
    expect(leaveDaysInYear({ date: '2026-12-30', endDate: null, days: 5 }, 2027)).toBe(0);
  });

  it('sums per year', () => {
    const leaves = [
      { date: '2026-01-05', endDate: '2026-04-30', days: 116 },
      { date: '2026-06-01', endDate: '2026-07-15', days: 45 },
      { date: '2026-12-25', endDate: '2027-01-05', days: 12 },
    ];
    expect(sumLeaveDaysInYear(leaves, 2026)).toBe(116 + 45 + 7);
    expect(sumLeaveDaysInYear(leaves, 2027)).toBe(5);
  });
});

describe('flags', () => {
  it('flags leave near (within a month of) and over the threshold', () => {
    expect(leaveFlag(150, 182)).toBeNull();
    expect(leaveFlag(153, 182)).toBe('near');
    expect(leaveFlag(182, 182)).toBe('near');
    expect(leaveFlag(183, 182)).toBe('over');
  });

  it('knows an investigation open or closed on a day', () => {
    expect(investigationState('2026-05-01', null, '2026-11-25')).toBe('open');
    expect(investigationState('2026-05-01', '2026-11-25', '2026-11-25')).toBe('closed');
    expect(investigationState('2026-05-01', '2026-12-01', '2026-11-25')).toBe('open');
    expect(investigationState('2026-12-01', null, '2026-11-25')).toBe('not_started');
  });

  it('knows a probation running on a day', () => {
    expect(probationRunning('2026-07-01', '2027-06-30', '2026-11-25')).toBe(true);
    expect(probationRunning('2025-07-01', '2026-06-30', '2026-11-25')).toBe(false);
  });
});
