// Handlers of units and people: the roster (人员名册). Thin: the services in core/roster do the work
// (and the audit); these adapt the contract's shapes.
import type { HandlerMap } from '../dispatch';
import type { rosterMethods } from '../../../../shared/api/roster';
import {
  createPerson,
  createUnit,
  deletePerson,
  deleteUnit,
  listPeople,
  listUnitNodes,
  markPersonLeft,
  movePerson,
  movesOf,
  personRecordCounts,
  reinstatePerson,
  renameUnit,
  reorderUnits,
  requirePersonRow,
  toPersonDto,
  updatePerson,
} from '../../roster';

export const rosterHandlers: Pick<HandlerMap, keyof typeof rosterMethods> = {
  'roster.list': (ctx, input) => listPeople(ctx.db, input),
  'roster.get': (ctx, { id }) => ({ person: toPersonDto(requirePersonRow(ctx.db, id)), moves: movesOf(ctx.db, id), records: personRecordCounts(ctx.db, id) }),
  'roster.create': (ctx, input) => createPerson(ctx, input),
  'roster.update': (ctx, { id, expectedUpdatedAt, changes }) => updatePerson(ctx, id, changes, expectedUpdatedAt),
  'roster.markLeft': (ctx, input) => markPersonLeft(ctx, input),
  'roster.reinstate': (ctx, input) => reinstatePerson(ctx, input),
  'roster.move': (ctx, input) => movePerson(ctx, input),
  'roster.delete': (ctx, input) => {
    deletePerson(ctx, input);
    return { deleted: true as const };
  },
  'units.tree': (ctx) => ({ units: listUnitNodes(ctx.db) }),
  'units.create': (ctx, input) => createUnit(ctx, input),
  'units.rename': (ctx, input) => renameUnit(ctx, input),
  'units.reorder': (ctx, input) => ({ units: reorderUnits(ctx, input) }),
  'units.delete': (ctx, { id }) => {
    deleteUnit(ctx, id);
    return { deleted: true as const };
  },
};
