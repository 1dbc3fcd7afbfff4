// Chinese text for dates and counts on the printed sheets. Input is always an ISO string
// ('2026-03-31' or '2026-03'); no Date objects, so the machine's time zone cannot shift a day.

export function chineseYearMonth(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月` : '';
}

export function chineseDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : chineseYearMonth(iso);
}

/**
 * Generated remarks print dates the way the forms do: every ISO date in the text (2027-02-28) becomes
 * 2027年2月28日. Used on text the app composed (eligibility reasons, redress and decision notes).
 */
export function chineseDatesIn(text: string): string {
  return text.replace(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g, (all: string, y: string, m: string, d: string) =>
    Number(m) >= 1 && Number(m) <= 12 && Number(d) >= 1 && Number(d) <= 31 ? `${y}年${Number(m)}月${Number(d)}日` : all,
  );
}

export function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** Worksheet names may not hold []:*?/\ and are at most 31 characters. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
}
