// Method names of the official calendar. Plain strings, no imports: the preload uses them.
export const CALENDAR_METHODS = [
  'calendar.overview',
  'calendar.get',
  'calendar.save',
  'calendar.reset',
  'calendar.readFile',
] as const;
