// Handlers of the Excel evaluation pack: sheet models, preview, export.
import type { HandlerMap } from '../dispatch';
import type { packMethods } from '../../../../shared/api/pack';

export const packHandlers: Pick<HandlerMap, keyof typeof packMethods> = {};
