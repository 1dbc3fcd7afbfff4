// Handlers of year end: suggestions with traces, quotas, decisions, stages, redress.
import type { HandlerMap } from '../dispatch';
import type { yearendMethods } from '../../../../shared/api/yearend';

export const yearendHandlers: Pick<HandlerMap, keyof typeof yearendMethods> = {};
