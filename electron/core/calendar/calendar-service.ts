// The office's edits of the official calendar: a year saved (typed in, or read from a spreadsheet)
// replaces that year as a whole, in one transaction with its audit entry; a year reset goes back to
// the shipped table (or to unknown, for a year the app does not ship). Bad input names the day and
// what to write instead, and nothing is written.
import { AppError } from '../../../shared/result';
import { isIsoDate } from '../../../shared/domain/dates';
import {
  CALENDAR_KIND_LABEL,
  isWeekend,
  isoWeekday,
  shippedYears,
  type CalendarDay,
  type CalendarYear,
} from '../../../shared/calendar/official-calendar';
import { recordAudit } from '../audit/audit-log';
import { stamp, writeTx, type Ctx } from '../context';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { decidedYearsKeeping, officeYears, type OfficeYearMeta } from './calendar-repo';

export const MAX_CALENDAR_DAYS = 120;
const WEEKDAY = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

export interface CalendarYearInput {
  year: number;
  basis: string;
  days: CalendarDay[];
}

export interface SaveCalendarInput {
  years: CalendarYearInput[];
  source: 'manual' | 'import';
  fileName?: string | null;
  fileSha256?: string | null;
}

export interface CalendarYearView extends CalendarYear {
  /** office years: how and when they were entered */
  meta: OfficeYearMeta | null;
  /** the shipped table has this year (a reset returns to it) */
  shipped: boolean;
  /** decided assessment years that keep their own copy of this year */
  keptBy: { yearId: string; year: number; unitName: string }[];
}

/** The problems of one year's days, in Chinese, each naming the day; empty when it is fine. */
export function calendarYearProblems(input: CalendarYearInput): string[] {
  const out: string[] = [];
  const y = input.year;
  if (!Number.isInteger(y) || y < 1990 || y > 2200) return [`年份“${y}”无效，应为 1990 至 2200 之间的年份`];
  if (input.basis.trim().length > 200) out.push('依据（通知文号或标题）最多 200 字');
  if (input.days.length > MAX_CALENDAR_DAYS)
    out.push(`${y} 年最多录入 ${MAX_CALENDAR_DAYS} 天，当前 ${input.days.length} 天`);
  const seen = new Set<string>();
  for (const d of input.days) {
    if (!isIsoDate(d.date)) {
      out.push(`日期“${d.date}”无效，应为 YYYY-MM-DD`);
      continue;
    }
    if (Number(d.date.slice(0, 4)) !== y) out.push(`${d.date} 不在 ${y} 年内，请录入到该日期所在年份`);
    if (seen.has(d.date)) out.push(`${d.date} 重复录入，每个日期只能有一种安排`);
    seen.add(d.date);
    const name = d.name.trim();
    if (!name) out.push(`${d.date} 未填写节日名称（如 春节）`);
    else if (name.length > 40) out.push(`${d.date} 的节日名称过长，最多 40 字`);
    if (d.kind === 'workday' && !isWeekend(d.date))
      out.push(`${d.date} 是${WEEKDAY[isoWeekday(d.date)]}，本来就是工作日；“调休上班”只用于周六或周日`);
  }
  return out;
}

function shippedYear(year: number): CalendarYear | null {
  return shippedYears().find((s) => s.year === year) ?? null;
}

export function viewCalendarYear(db: Db, year: number): CalendarYearView | null {
  const office = officeYears(db).find((o) => o.year === year);
  const shipped = shippedYear(year);
  const keptBy = decidedYearsKeeping(db, year);
  if (office) return { ...office, shipped: !!shipped, keptBy };
  if (shipped) return { ...shipped, meta: null, shipped: true, keptBy };
  return null;
}

const auditShape = (y: CalendarYear | null) =>
  y && {
    source: y.source,
    basis: y.basis,
    days: y.days.map((d) => `${d.date} ${CALENDAR_KIND_LABEL[d.kind]} ${d.name}`),
  };

/** Saves whole years (all or nothing); each year's audit entry holds its days before and after. */
export function saveCalendarYears(ctx: Ctx, input: SaveCalendarInput): CalendarYearView[] {
  if (!input.years.length) throw new AppError('INVALID_INPUT', '没有要保存的年份。', { field: 'years' });
  const problems = input.years.flatMap((y) => calendarYearProblems(y).map((p) => `${y.year} 年：${p}`));
  const dupYears = input.years.map((y) => y.year).filter((y, i, all) => all.indexOf(y) !== i);
  if (dupYears.length) problems.push(`${dupYears.join('、')} 年重复出现`);
  if (problems.length)
    throw new AppError('INVALID_INPUT', `节假日日历未保存：${problems.slice(0, 20).join('；')}。`, {
      field: 'days',
      problems,
    });
  return writeTx(ctx, () => {
    const now = stamp(ctx);
    const out: CalendarYearView[] = [];
    for (const y of input.years) {
      const before = viewCalendarYear(ctx.db, y.year);
      stmt(ctx.db, 'DELETE FROM calendar_year WHERE year = ?').run(y.year);
      stmt(
        ctx.db,
        `INSERT INTO calendar_year (year, basis, source, file_name, file_sha256, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        y.year,
        y.basis.trim(),
        input.source,
        input.fileName ?? null,
        input.fileSha256 ?? null,
        now,
        ctx.operator.id,
      );
      const ins = stmt(ctx.db, 'INSERT INTO calendar_day (date, year, kind, name) VALUES (?, ?, ?, ?)');
      for (const d of [...y.days].sort((a, b) => (a.date < b.date ? -1 : 1)))
        ins.run(d.date, y.year, d.kind, d.name.trim());
      const after = viewCalendarYear(ctx.db, y.year)!;
      recordAudit(ctx, {
        action: input.source === 'import' ? 'calendar.import' : 'calendar.save',
        entity: 'calendar_year',
        entityId: String(y.year),
        before: auditShape(before),
        after: { ...auditShape(after), fileName: input.fileName ?? null, fileSha256: input.fileSha256 ?? null },
        reason:
          (input.source === 'import' ? `导入 ${input.fileName ?? ''}：` : '') +
          (y.basis.trim() || `${y.year} 年节假日安排`),
      });
      out.push(after);
    }
    return out;
  });
}

/** Drops the office's version of a year: back to the shipped table, or unknown when none is shipped. */
export function resetCalendarYear(ctx: Ctx, year: number, reason: string): CalendarYearView | null {
  if (reason.trim().length < 2)
    throw new AppError('INVALID_INPUT', '请填写恢复或删除的原因（将记入审计日志）。', { field: 'reason' });
  return writeTx(ctx, () => {
    const before = viewCalendarYear(ctx.db, year);
    if (!before || before.source !== 'office')
      throw new AppError('NOT_FOUND', `${year} 年没有本单位录入的节假日安排，无需恢复。`, { field: 'year' });
    stmt(ctx.db, 'DELETE FROM calendar_year WHERE year = ?').run(year);
    const after = viewCalendarYear(ctx.db, year);
    recordAudit(ctx, {
      action: 'calendar.reset',
      entity: 'calendar_year',
      entityId: String(year),
      before: auditShape(before),
      after: auditShape(after),
      reason: reason.trim(),
    });
    return after;
  });
}
