// The period calendar of an assessment year: months, quarters or half-years with their codes
// (2026M03 / 2026Q1 / 2026H1), Chinese labels and ISO start/end dates. Pure: no clock, no I/O.
import { daysInMonth, isoFromParts } from '../domain/dates';
import type { PeriodKind } from '../domain/types';

export interface PeriodSpec {
  code: string;
  label: string;
  seq: number;
  startDate: string;
  endDate: string;
}

const QUARTER_LABELS = ['第一季度', '第二季度', '第三季度', '第四季度'] as const;
const HALF_LABELS = ['上半年', '下半年'] as const;

export const PERIOD_KIND_LABEL: Record<PeriodKind, string> = { month: '按月', quarter: '按季度', half: '按半年' };

/** Months per period of each kind; the year is cut into 12 / months equal runs of months. */
const MONTHS_PER_PERIOD: Record<PeriodKind, number> = { month: 1, quarter: 3, half: 6 };

function codeOf(year: number, kind: PeriodKind, seq: number): string {
  switch (kind) {
    case 'month':
      return `${year}M${String(seq).padStart(2, '0')}`;
    case 'quarter':
      return `${year}Q${seq}`;
    case 'half':
      return `${year}H${seq}`;
  }
}

function labelOf(kind: PeriodKind, seq: number): string {
  switch (kind) {
    case 'month':
      return `${seq}月`;
    case 'quarter':
      return QUARTER_LABELS[seq - 1] ?? `第${seq}季度`;
    case 'half':
      return HALF_LABELS[seq - 1] ?? `第${seq}半年`;
  }
}

/** Every period of the year, in order. */
export function periodsOfYear(year: number, kind: PeriodKind): PeriodSpec[] {
  const span = MONTHS_PER_PERIOD[kind];
  const out: PeriodSpec[] = [];
  for (let seq = 1; seq <= 12 / span; seq++) {
    const firstMonth = (seq - 1) * span + 1;
    const lastMonth = firstMonth + span - 1;
    out.push({
      code: codeOf(year, kind, seq),
      label: labelOf(kind, seq),
      seq,
      startDate: isoFromParts(year, firstMonth, 1),
      endDate: isoFromParts(year, lastMonth, daysInMonth(year, lastMonth)),
    });
  }
  return out;
}

/** Reads a period code back (2026Q1, 2026H2, 2026M03); null when it is not one. */
export function parsePeriodCode(code: string): { year: number; kind: PeriodKind; seq: number } | null {
  const m = /^(\d{4})(?:Q([1-4])|H([12])|M(0[1-9]|1[0-2]))$/.exec(code.trim().toUpperCase());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return { year, kind: 'quarter', seq: Number(m[2]) };
  if (m[3]) return { year, kind: 'half', seq: Number(m[3]) };
  return { year, kind: 'month', seq: Number(m[4]) };
}

/** The period of the year containing a date, or null when the date is outside the year. */
export function periodContaining(periods: readonly PeriodSpec[], iso: string): PeriodSpec | null {
  return periods.find((p) => p.startDate <= iso && iso <= p.endDate) ?? null;
}

/** "3月5日" for notes on the grid (调入 / 离开 mid-period). */
export function monthDayLabel(iso: string): string {
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}
