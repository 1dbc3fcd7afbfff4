// Handlers of assessment years, periods, quarterly ratings and the office review.
import type { HandlerMap } from '../dispatch';
import type { yearsMethods } from '../../../../shared/api/years';

export const yearsHandlers: Pick<HandlerMap, keyof typeof yearsMethods> = {};
