// Every contract method's handler, joined from the capabilities. The HandlerMap type makes a
// missing or extra handler a compile error.
import type { HandlerMap } from './dispatch';
import { jobsHandlers } from './handlers/jobs';
import { systemHandlers } from './handlers/system';

export const handlers: HandlerMap = {
  ...systemHandlers,
  ...jobsHandlers,
};
