// Handlers of the official calendar. Reading a spreadsheet starts a heap-limited worker job (outside
// files are never parsed in main) on a path chosen in a dialog.
import type { HandlerMap } from '../handler';
import type { calendarMethods } from '../../../../shared/api/calendar';
import { SHIPPED_CALENDAR_SOURCE, SHIPPED_DAYS } from '../../../../shared/calendar/shipped-days';
import { loadCalendar } from '../../calendar/calendar-repo';
import { resetCalendarYear, saveCalendarYears, viewCalendarYear } from '../../calendar/calendar-service';
import { assertGranted } from './desktop';
import { IMPORT_HEAP_MB } from './imports';

const shippedYearNumbers = Object.keys(SHIPPED_DAYS).map(Number);

export const calendarHandlers: Pick<HandlerMap, keyof typeof calendarMethods> = {
  'calendar.overview': (ctx) => ({
    shippedSource: SHIPPED_CALENDAR_SOURCE,
    shippedFirst: Math.min(...shippedYearNumbers),
    shippedLast: Math.max(...shippedYearNumbers),
    years: [...loadCalendar(ctx.db).years.values()]
      .sort((a, b) => b.year - a.year)
      .map((y) => ({
        year: y.year,
        source: y.source,
        basis: y.basis,
        holidays: y.days.filter((d) => d.kind === 'holiday').length,
        workdays: y.days.filter((d) => d.kind === 'workday').length,
      })),
  }),
  'calendar.get': (ctx, { year }) => viewCalendarYear(ctx.db, year),
  'calendar.save': (ctx, input) => saveCalendarYears(ctx, input),
  'calendar.reset': (ctx, { year, reason }) => resetCalendarYear(ctx, year, reason),
  'calendar.readFile': (ctx, { path }, session, core) => {
    assertGranted(session, path);
    return core.jobs.start('calendar.readFile', { path }, ctx.operator, { maxHeapMb: IMPORT_HEAP_MB });
  },
};
