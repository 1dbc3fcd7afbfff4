// Every contract method's handler, joined from the capabilities. The HandlerMap type makes a
// missing or extra handler a compile error.
import type { HandlerMap } from './handler';
import { jobsHandlers } from './handlers/jobs';
import { desktopHandlers } from './handlers/desktop';
import { systemHandlers } from './handlers/system';
import { rosterHandlers } from './handlers/roster';
import { importsHandlers } from './handlers/imports';
import { yearsHandlers } from './handlers/years';
import { evidenceHandlers } from './handlers/evidence';
import { yearendHandlers } from './handlers/yearend';
import { packHandlers } from './handlers/pack';
import { trustHandlers } from './handlers/trust';
import { calendarHandlers } from './handlers/calendar';
import { signoffHandlers } from './handlers/signoff';
import { exchangeHandlers } from './handlers/exchange';
import { peopleHandlers } from './handlers/people';
import { roundsHandlers } from './handlers/rounds';
import { rollupHandlers } from './handlers/rollup';
import { attachmentsHandlers } from './handlers/attachments';

export const handlers: HandlerMap = {
  ...systemHandlers,
  ...jobsHandlers,
  ...desktopHandlers,
  ...rosterHandlers,
  ...importsHandlers,
  ...yearsHandlers,
  ...evidenceHandlers,
  ...yearendHandlers,
  ...packHandlers,
  ...trustHandlers,
  ...calendarHandlers,
  ...signoffHandlers,
  ...exchangeHandlers,
  ...peopleHandlers,
  ...roundsHandlers,
  ...rollupHandlers,
  ...attachmentsHandlers,
};
