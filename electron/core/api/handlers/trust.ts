// Handlers of operators, log-in, the audit trail and backups.
import type { HandlerMap } from '../dispatch';
import type { trustMethods } from '../../../../shared/api/trust';

export const trustHandlers: Pick<HandlerMap, keyof typeof trustMethods> = {};
