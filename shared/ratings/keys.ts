// How a clerk may type or paste a quarterly rating: 好/较好/一般/较差, digits 1–4, or pinyin initials
// h/j/y/c, plus the messy spellings found in department spreadsheets (良好, "好 ", full-width digits).
import type { PeriodRatingValue } from '../domain/types';

const KEY_TO_RATING: Record<string, PeriodRatingValue> = {
  '1': 'good',
  '2': 'fair',
  '3': 'average',
  '4': 'poor',
  h: 'good',
  j: 'fair',
  y: 'average',
  c: 'poor',
};

const TEXT_TO_RATING: Record<string, PeriodRatingValue> = {
  好: 'good',
  优: 'good',
  优秀: 'good',
  较好: 'fair',
  良好: 'fair',
  良: 'fair',
  一般: 'average',
  中: 'average',
  较差: 'poor',
  差: 'poor',
};

/** The rating a single key press stands for, or null. */
export function ratingFromKey(key: string): PeriodRatingValue | null {
  return KEY_TO_RATING[key.toLowerCase()] ?? null;
}

/** A pasted or imported cell read as a rating: undefined when unreadable, null when blank. */
export function ratingFromText(raw: string): PeriodRatingValue | null | undefined {
  const s = raw
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
  if (s === '') return null;
  if (s in TEXT_TO_RATING) return TEXT_TO_RATING[s];
  if (s in KEY_TO_RATING) return KEY_TO_RATING[s];
  if (['good', 'fair', 'average', 'poor'].includes(s)) return s as PeriodRatingValue;
  return undefined;
}
