// Handlers of assessment years, periods, quarterly ratings and the office review.
import { scopedCapStatus } from '../../ratings/cap-scope';
import type { HandlerMap } from '../handler';
import type { yearsMethods } from '../../../../shared/api/years';
import { createYear, getYear, listPeriods, listYears } from '../../years/year-service';
import { getSettings, updateSettings, validateSettings } from '../../years/settings-service';
import { listAgencies, requireYear } from '../../years/year-repo';
import { ratingsGrid } from '../../ratings/grid';
import { saveRatingsBatch } from '../../ratings/save';
import { periodState } from '../../ratings/period-state';
import { requirePeriod } from '../../years/year-repo';
import {
  acceptDepartment,
  confirmExcess,
  markPeriodReviewed,
  reopenPeriod,
  returnDepartment,
  reviewOverview,
} from '../../ratings/review';

export const yearsHandlers: Pick<HandlerMap, keyof typeof yearsMethods> = {
  'years.list': (ctx) => listYears(ctx.db),
  'years.get': (ctx, { yearId }) => getYear(ctx, yearId),
  'years.agencies': (ctx) => listAgencies(ctx.db),
  'years.create': (ctx, input) => createYear(ctx, input),
  'years.getSettings': (ctx, { yearId }) => getSettings(ctx, yearId),
  'years.validateSettings': (_ctx, { settings }) => {
    const v = validateSettings(settings);
    return v.ok ? { ok: true, issues: [] } : { ok: false, issues: v.issues };
  },
  'years.updateSettings': (ctx, input) => updateSettings(ctx, input),
  'periods.list': (ctx, { yearId }) => {
    requireYear(ctx.db, yearId);
    return listPeriods(ctx.db, yearId);
  },
  'ratings.grid': (ctx, input) => ratingsGrid(ctx, input),
  'ratings.capStatus': (ctx, { periodId }) =>
    scopedCapStatus(ctx, periodState(ctx.db, requirePeriod(ctx.db, periodId)).capStatus),
  'ratings.save': (ctx, { override, ...row }) => saveRatingsBatch(ctx, [row], { override, source: 'grid' }),
  'ratings.saveBatch': (ctx, { rows, override }) => saveRatingsBatch(ctx, rows, { override, source: 'paste' }),
  'review.overview': (ctx, { periodId }) => reviewOverview(ctx, periodId),
  'review.returnDepartment': (ctx, input) => returnDepartment(ctx, input),
  'review.acceptDepartment': (ctx, input) => acceptDepartment(ctx, input),
  'review.confirmExcess': (ctx, input) => confirmExcess(ctx, input),
  'review.markReviewed': (ctx, { periodId }) => markPeriodReviewed(ctx, periodId),
  'review.reopen': (ctx, input) => reopenPeriod(ctx, input),
};
