// Handlers of notification and sign-off (送达与签收).
import type { HandlerMap } from '../handler';
import type { signoffMethods } from '../../../../shared/api/signoff';
import { bulkSignoff, listSignoffs, recordSignoff } from '../../yearend/signoff';

export const signoffHandlers: Pick<HandlerMap, keyof typeof signoffMethods> = {
  'signoff.list': (ctx, input) => listSignoffs(ctx.db, input),
  'signoff.record': (ctx, input) => recordSignoff(ctx, input),
  'signoff.bulk': (ctx, input) => bulkSignoff(ctx, input),
};
