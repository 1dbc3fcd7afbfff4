// The plain cell values an import works on, made from whatever the spreadsheet held. Cell objects of
// an outside file are data, never copied as they are (exceljs has an unmerged prototype-pollution fix).
import { isoFromParts } from '../domain/dates';

/** A Date cell is kept as the calendar date Excel shows, never as a Date (time zones shift those). */
export type CellValue = string | number | boolean | { date: string } | null;

/**
 * exceljs turns a date serial into a Date at UTC midnight (plus the time of day), independent of the
 * machine's zone; the UTC parts are therefore the date Excel displays. Using local getters here is
 * exactly the one-day shift of reliability.md under TZ=Asia/Shanghai or a negative offset.
 */
export function dateCellToIso(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Excel's serial day number (1900 system, with its fictitious 1900-02-29) to an ISO date. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const whole = Math.floor(serial);
  // Day 0 is 1899-12-30 for every serial after Excel's leap-year bug (serial 60).
  const ms = Date.UTC(1899, 11, 30) + whole * 86_400_000;
  const d = new Date(ms);
  return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Plain value of an exceljs cell value (passed as unknown: it is outside data). */
export function plainCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) {
    const iso = dateCellToIso(v);
    return iso ? { date: iso } : null;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return o.richText
        .map((r) => (r && typeof (r as { text?: unknown }).text === 'string' ? (r as { text: string }).text : ''))
        .join('');
    // A formula's cached result is what the person saw; the formula itself is never kept.
    if ('formula' in o || 'sharedFormula' in o) return 'result' in o ? plainCell(o.result) : null;
    if ('hyperlink' in o) return typeof o.text === 'string' ? o.text : plainCell(o.text);
    if ('error' in o) return typeof o.error === 'string' ? o.error : '#错误';
    if (typeof o.text === 'string') return o.text;
  }
  return null;
}

/** How a cell is shown in a message: what the person typed, short. */
/** The whole text of a cell (a date cell as its ISO date), for parsing. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  return typeof v === 'object' ? v.date : String(v);
}

export function cellDisplay(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return v.date;
  const s = String(v);
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

export function isBlankCell(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.replace(/[\s\u00a0\u3000\u200b-\u200f\ufeff]/g, '') === '');
}
