// The candidates view gets each period's rating (好 / 较好 / … / 未评) and each grade or outcome (优秀,
// 合格, 暂缓确定等次 …) as the engine's Chinese word: read back to its code, so a tag is coloured by
// the code and named in the UI's language. A word not known here shows as the engine wrote it.
import { gradeLabel, OUTCOME_LABEL, RATING_LABEL } from '@shared/domain/labels';
import type { Grade, Outcome, PeriodRatingValue } from '@shared/domain/types';
import type { useDomainLabels, useT } from '../../i18n/language';

const BY_LABEL = new Map(
  (Object.entries(RATING_LABEL) as [PeriodRatingValue, string][]).map(([code, label]) => [label, code]),
);

/** the rating's code, or null for a period without one (未评) */
export const ratingCode = (label: string): PeriodRatingValue | null => BY_LABEL.get(label) ?? null;

const RATING_COLOR: Record<PeriodRatingValue, string> = {
  good: 'red',
  fair: 'blue',
  average: 'orange',
  poor: 'volcano',
};

/** the tag colour of a rating word; a period without a rating is plain */
export function ratingColor(label: string): string {
  const code = ratingCode(label);
  return code ? RATING_COLOR[code] : 'default';
}

type Labels = ReturnType<typeof useDomainLabels>;
type T = ReturnType<typeof useT>;

/** the rating in the UI's language; `short` for a narrow tag */
export function ratingText(t: T, labels: Labels, label: string, short = false): string {
  const code = ratingCode(label);
  if (!code) return t('cand.unrated');
  return short ? labels.ratingShort[code] : labels.rating[code];
}

const GRADES: Grade[] = ['excellent', 'competent', 'basic', 'incompetent'];
const RESULT_BY_LABEL = new Map<string, string>([
  ...GRADES.flatMap((g) => [[gradeLabel(g, 'civil_servant'), g] as const, [gradeLabel(g, 'institution'), g] as const]),
  ...(Object.entries(OUTCOME_LABEL) as [Outcome, string][]).map(([code, label]) => [label, code] as const),
]);

/** a grade or outcome word of the engine in the UI's language */
export function resultText(labels: Labels, label: string): string {
  const code = RESULT_BY_LABEL.get(label);
  return code ? labels.result(code, label) : label;
}

/** the core's points sentence starts with its label ("积分："); the comparison shows the sum only */
export const POINTS_PREFIX = /^[^：]*：/;
