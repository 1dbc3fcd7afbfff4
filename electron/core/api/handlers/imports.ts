// Handlers of spreadsheets in and out: templates, imports with preview, error reports.
import type { HandlerMap } from '../dispatch';
import type { importsMethods } from '../../../../shared/api/imports';

export const importsHandlers: Pick<HandlerMap, keyof typeof importsMethods> = {};
