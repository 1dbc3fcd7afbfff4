// Worker task of the official calendar: reading an outside spreadsheet of holiday days.
import type { Task, TaskContext } from '../task-types';
import { readCalendarFile } from '../../calendar/calendar-file';

export const calendarTasks: Record<string, Task<never, unknown>> = {
  'calendar.readFile': (input: { path: string }, t: TaskContext) => readCalendarFile(input.path, t.cancelled),
};
