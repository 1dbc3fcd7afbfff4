// Handlers of evidence of the year, the per-person timeline and the progress dashboard.
import type { HandlerMap } from '../dispatch';
import type { evidenceMethods } from '../../../../shared/api/evidence';

export const evidenceHandlers: Pick<HandlerMap, keyof typeof evidenceMethods> = {};
