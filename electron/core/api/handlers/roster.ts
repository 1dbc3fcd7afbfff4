// Handlers of units and people: the roster (人员名册).
import type { HandlerMap } from '../dispatch';
import type { rosterMethods } from '../../../../shared/api/roster';

export const rosterHandlers: Pick<HandlerMap, keyof typeof rosterMethods> = {};
