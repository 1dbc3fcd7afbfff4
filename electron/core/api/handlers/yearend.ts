// Handlers of year end: suggestions with traces, quotas, decisions, stages, redress.
import type { HandlerMap } from '../handler';
import type { yearendMethods } from '../../../../shared/api/yearend';
import { listYears } from '../../years/year-repo';
import {
  addObjection,
  bulkAccept,
  decide,
  decideRedress,
  decisionToDto,
  fileRedress,
  gradeHistory,
  listObjections,
  listRedress,
  loadYearView,
  resolveObjection,
  snapshotDiff,
  stateOf,
  transition,
  workbench,
} from '../../yearend';
import { requireYear } from '../../years/year-repo';
import { assertUnitInScope } from '../../auth/scope';
import { candidates } from '../../yearend/candidates';
import type { Ctx } from '../../context';

/** Year end is the office's work on one agency's year: the agency must be in the operator's scope. */
function scoped(ctx: Ctx, yearId: string): string {
  assertUnitInScope(ctx, requireYear(ctx.db, yearId).dto.unitId);
  return yearId;
}

export const yearendHandlers: Pick<HandlerMap, keyof typeof yearendMethods> = {
  'yearend.years': (ctx) =>
    listYears(ctx.db).map((y) => ({ id: y.id, year: y.year, unitId: y.unitId, unitName: y.unitName, stage: y.stage })),
  'yearend.state': (ctx, input) => stateOf(ctx, loadYearView(ctx, scoped(ctx, input.yearId))),
  'yearend.workbench': (ctx, input) => workbench(ctx, { ...input, yearId: scoped(ctx, input.yearId) }),
  'yearend.candidates': (ctx, input) => candidates(ctx, scoped(ctx, input.yearId)),
  'yearend.gradeHistory': (ctx, input) => gradeHistory(ctx, scoped(ctx, input.yearId), input.personId),
  'yearend.quota': (ctx, input) => loadYearView(ctx, scoped(ctx, input.yearId)).units,
  'yearend.decide': (ctx, input) => {
    scoped(ctx, input.yearId);
    const saved = decide(ctx, input);
    const view = loadYearView(ctx, input.yearId);
    const category = view.byId.get(input.personId)!.dto.category;
    return { decision: decisionToDto(saved, category), units: view.units };
  },
  'yearend.bulkAccept': (ctx, input) => bulkAccept(ctx, { ...input, yearId: scoped(ctx, input.yearId) }),
  'yearend.transition': async (ctx, input) => {
    scoped(ctx, input.yearId);
    await transition(ctx, input);
    return stateOf(ctx, loadYearView(ctx, input.yearId));
  },
  'yearend.objections': (ctx, input) => listObjections(ctx.db, scoped(ctx, input.yearId)),
  'yearend.addObjection': (ctx, input) => addObjection(ctx, { ...input, yearId: scoped(ctx, input.yearId) }),
  'yearend.resolveObjection': (ctx, input) => resolveObjection(ctx, input),
  'yearend.redressList': (ctx, input) => listRedress(ctx, scoped(ctx, input.yearId)),
  'yearend.fileRedress': (ctx, input) => fileRedress(ctx, { ...input, yearId: scoped(ctx, input.yearId) }),
  'yearend.decideRedress': (ctx, input) => decideRedress(ctx, input),
  'yearend.snapshotDiff': (ctx, input) => snapshotDiff(ctx, scoped(ctx, input.yearId)),
  // A job: two evaluations of the whole year run in a worker, not on the thread serving every call.
  'yearend.settingsImpact': (ctx, input, _s, core) =>
    core.jobs.start(
      'yearend.settingsImpact',
      { yearId: scoped(ctx, input.yearId), settings: input.settings },
      ctx.operator,
      { maxHeapMb: 2048 },
    ),
};
