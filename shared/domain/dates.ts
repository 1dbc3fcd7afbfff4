// Dates live as ISO strings ('2026-03-31') end to end; no Date objects, so no time-zone shifts.
// All arithmetic here is on calendar days via UTC, which is independent of the machine's zone.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoFromParts(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toUtcDays(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function fromUtcDays(days: number): string {
  const dt = new Date(days * 86_400_000);
  return isoFromParts(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export function addDays(iso: string, n: number): string {
  return fromUtcDays(toUtcDays(iso) + n);
}

/** Calendar months later, clamped to the month's end (2026-01-31 + 1 month = 2026-02-28). */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return isoFromParts(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return toUtcDays(b) - toUtcDays(a);
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

export function yearStart(year: number): string {
  return isoFromParts(year, 1, 1);
}

export function yearEnd(year: number): string {
  return isoFromParts(year, 12, 31);
}

export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Today's date in the office's calendar, given the clock; pure callers receive it as an argument. */
export function isoToday(now: Date, utcOffsetMinutes = 8 * 60): string {
  return fromUtcDays(Math.floor((now.getTime() / 60_000 + utcOffsetMinutes) / 1440));
}
