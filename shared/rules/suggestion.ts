// The suggested grade from the period ratings: the rule table (first match wins) and the points
// total used by points mode. Both explain themselves in one Chinese trace line.
import { RATING_LABEL } from '../domain/labels';
import { PERIOD_RATING_ORDER, type PeriodRatingValue } from '../domain/types';
import type { SuggestionRule, YearSettings } from '../settings/year-settings';
import { ratingRef, shortPeriod } from './records';
import type { RecordRef, RuleEvidence, RuleRating } from './types';

export type RatingCounts = Record<PeriodRatingValue, number>;

export function countRatings(ratings: RuleRating[]): RatingCounts {
  const c: RatingCounts = { good: 0, fair: 0, average: 0, poor: 0 };
  for (const r of ratings) if (r.counts && r.rating) c[r.rating]++;
  return c;
}

/** "Q1 好, Q2 好, Q3 较好, Q4 未评" — uncounted periods say so. */
export function ratingsText(ratings: RuleRating[]): string {
  if (!ratings.length) return '无平时考核期间';
  return [...ratings]
    .sort((a, b) => a.seq - b.seq)
    .map(
      (r) =>
        `${shortPeriod(r.periodCode)} ${r.rating ? RATING_LABEL[r.rating] : '未评'}${r.rating && !r.counts ? '（未复核，不计）' : ''}`,
    )
    .join(', ');
}

function countsHold(cond: Partial<Record<PeriodRatingValue, number>>, c: RatingCounts): boolean {
  return (Object.entries(cond) as [PeriodRatingValue, number][]).every(([k, n]) => c[k] >= n);
}

function countsText(cond: Partial<Record<PeriodRatingValue, number>>, c: RatingCounts): string[] {
  return (Object.keys(cond) as PeriodRatingValue[]).map((k) => `${c[k]}×${RATING_LABEL[k]}`);
}

function worseThan(limit: PeriodRatingValue, c: RatingCounts): number {
  const from = PERIOD_RATING_ORDER.indexOf(limit) + 1;
  return PERIOD_RATING_ORDER.slice(from).reduce((s, k) => s + c[k], 0);
}

/** Whether a row matches the counts, and the condition in words ("3×好，无较好以下"). */
export function matchSuggestionRule(rule: SuggestionRule, c: RatingCounts): { matched: boolean; because: string } {
  if (!countsHold(rule.atLeast, c)) return { matched: false, because: '' };
  if (rule.noneBelow && worseThan(rule.noneBelow, c) > 0) return { matched: false, because: '' };
  let alt: string[] = [];
  if (rule.anyOf.length) {
    const which = rule.anyOf.find((cond) => countsHold(cond, c));
    if (!which) return { matched: false, because: '' };
    alt = countsText(which, c);
  }
  const parts = [...countsText(rule.atLeast, c), ...alt];
  if (rule.noneBelow) parts.push(`无${RATING_LABEL[rule.noneBelow]}以下`);
  return { matched: true, because: parts.length ? parts.join('，') : '不符合以上各条' };
}

export interface TableSuggestion {
  rule: SuggestionRule;
  because: string;
}

/** First matching row; the last row of a sane table matches everything (validated by the settings page). */
export function suggestByTable(rules: SuggestionRule[], c: RatingCounts): TableSuggestion | null {
  for (const rule of rules) {
    const m = matchSuggestionRule(rule, c);
    if (m.matched) return { rule, because: m.because };
  }
  return null;
}

export interface PointsBreakdown {
  total: number;
  text: string;
  records: RecordRef[];
}

/** Points mode: rating points of counted periods plus points of this year's evidence by sub-kind. */
export function pointsOf(
  ratings: RuleRating[],
  evidence: RuleEvidence[],
  year: number,
  settings: YearSettings,
): PointsBreakdown {
  const p = settings.suggestion.points;
  const parts: string[] = [];
  const records: RecordRef[] = [];
  let total = 0;
  for (const r of [...ratings].sort((a, b) => a.seq - b.seq)) {
    if (!r.counts || !r.rating) continue;
    const v = p.perRating[r.rating];
    total += v;
    parts.push(`${shortPeriod(r.periodCode)} ${RATING_LABEL[r.rating]}${v}`);
    records.push(ratingRef(r));
  }
  const prefix = String(year);
  for (const e of [...evidence].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    if (!e.date.startsWith(prefix)) continue;
    const v = p.evidence[e.subKind];
    if (v === undefined || v === 0) continue;
    total += v;
    parts.push(`${e.subKind}${v > 0 ? '+' : ''}${v}`);
    records.push({
      type: 'evidence',
      id: e.id,
      date: e.date,
      kind: e.kind,
      subKind: e.subKind,
      text: `${e.date} ${e.subKind}`,
    });
  }
  total = Math.round(total * 100) / 100;
  return { total, text: `积分：${parts.join(' + ') || '无'} = ${total}`, records };
}
