// The cap on 好 in the quarterly ratings: share × people rated, rounded as the year's settings say,
// per department or for the whole agency. Pure maths, shared by the grid, the review and the dashboard.
import type { PeriodRatingValue } from '../domain/types';
import type { YearSettings } from '../settings/year-settings';

export type Rounding = 'floor' | 'round' | 'ceil';
export type CapSettings = YearSettings['goodCap'];

/** How many 好 the cap allows for `base` people. Rounds on a tolerance, so 0.4 × 10 is 4, not 3.9999. */
export function capLimit(base: number, share: number, rounding: Rounding): number {
  if (base <= 0) return 0;
  const raw = base * share;
  // Floating point: 0.7 × 10 = 7.000000000000001 must not ceil to 8, 0.3 × 10 = 2.9999… must not floor to 2.
  const nearest = Math.round(raw);
  const exact = Math.abs(raw - nearest) < 1e-9 ? nearest : raw;
  switch (rounding) {
    case 'floor':
      return Math.floor(exact);
    case 'ceil':
      return Math.ceil(exact);
    case 'round':
      return Math.round(exact);
  }
}

export type RatingCounts = Record<PeriodRatingValue, number>;

export function emptyCounts(): RatingCounts {
  return { good: 0, fair: 0, average: 0, poor: 0 };
}

/** One scope's standing against the cap (a department, or the agency). */
export interface CapStanding {
  /** people the scope rates this period (due, whether rated yet or not): the cap's base */
  base: number;
  rated: number;
  counts: RatingCounts;
  good: number;
  /** null when the cap is switched off */
  cap: number | null;
  /** 好 share of the base, 0..1 (0 when the base is empty) */
  goodShare: number;
  over: boolean;
}

export function capStanding(base: number, counts: RatingCounts, settings: CapSettings): CapStanding {
  const rated = counts.good + counts.fair + counts.average + counts.poor;
  // The base never falls below the people actually rated (a person rated here but due elsewhere).
  const effectiveBase = Math.max(base, rated);
  const cap = settings.enabled ? capLimit(effectiveBase, settings.share, settings.rounding) : null;
  return {
    base: effectiveBase,
    rated,
    counts,
    good: counts.good,
    cap,
    goodShare: effectiveBase > 0 ? counts.good / effectiveBase : 0,
    over: cap !== null && counts.good > cap,
  };
}

export function addCounts(a: RatingCounts, b: RatingCounts): RatingCounts {
  return { good: a.good + b.good, fair: a.fair + b.fair, average: a.average + b.average, poor: a.poor + b.poor };
}

/** Percent for people: 0.4 → "40%", 0.125 → "12.5%". */
export function percentLabel(share: number): string {
  const p = Math.round(share * 1000) / 10;
  return `${p}%`;
}

/** "好 5 人，上限 4 人（40%）" for warnings and the grid's status line. */
export function capMessage(scopeName: string, s: CapStanding, settings: CapSettings): string {
  if (s.cap === null) return `${scopeName}：“好” ${s.good} 人（未设比例上限）`;
  return `${scopeName}：“好” ${s.good} 人，超过上限 ${s.cap} 人（${percentLabel(settings.share)} × ${s.base} 人，${ROUNDING_LABEL[settings.rounding]}）`;
}

export const ROUNDING_LABEL: Record<Rounding, string> = { floor: '向下取整', round: '四舍五入', ceil: '向上取整' };
