// Handlers of units and people: the roster (人员名册). Thin: the services in core/roster do the work
// (and the audit); these adapt the contract's shapes and apply the operator's data scope (数据范围).
import { AppError } from '../../../../shared/result';
import type { Ctx } from '../../context';
import { assertPersonInScope, assertUnitInScope, unitsInScope } from '../../auth/scope';
import type { HandlerMap } from '../handler';
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

/** Units are the office's set-up: only an operator without a department restriction changes them. */
function assertWholeTree(ctx: Ctx): void {
  if (unitsInScope(ctx) !== null)
    throw new AppError('FORBIDDEN', '单位和部门只能由不限部门范围的经办人或管理员调整。如需调整，请联系考核办。');
}

/** A restricted operator sees their units and, for orientation, the units above them. */
function scopedTree(ctx: Ctx) {
  const units = listUnitNodes(ctx.db);
  const scope = unitsInScope(ctx);
  if (scope === null) return units;
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const keep = new Set<string>();
  for (const id of scope) for (let u: string | null | undefined = id; u && !keep.has(u); u = parent.get(u)) keep.add(u);
  return units.filter((u) => keep.has(u.id));
}

export const rosterHandlers: Pick<HandlerMap, keyof typeof rosterMethods> = {
  'roster.list': (ctx, input) => {
    if (input.unitId) assertUnitInScope(ctx, input.unitId);
    return listPeople(ctx.db, input, { restrictTo: unitsInScope(ctx) });
  },
  'roster.get': (ctx, { id }) => {
    assertPersonInScope(ctx, id);
    return {
      person: toPersonDto(requirePersonRow(ctx.db, id)),
      moves: movesOf(ctx.db, id),
      records: personRecordCounts(ctx.db, id),
    };
  },
  'roster.create': (ctx, input) => {
    assertUnitInScope(ctx, input.unitId);
    return createPerson(ctx, input);
  },
  'roster.update': (ctx, { id, expectedUpdatedAt, changes }) => {
    assertPersonInScope(ctx, id);
    return updatePerson(ctx, id, changes, expectedUpdatedAt);
  },
  'roster.markLeft': (ctx, input) => {
    assertPersonInScope(ctx, input.id);
    return markPersonLeft(ctx, input);
  },
  'roster.reinstate': (ctx, input) => {
    assertPersonInScope(ctx, input.id);
    return reinstatePerson(ctx, input);
  },
  'roster.move': (ctx, input) => {
    assertPersonInScope(ctx, input.id);
    assertUnitInScope(ctx, input.toUnitId);
    return movePerson(ctx, input);
  },
  'roster.delete': (ctx, input) => {
    assertPersonInScope(ctx, input.id);
    deletePerson(ctx, input);
    return { deleted: true as const };
  },
  'units.tree': (ctx) => ({ units: scopedTree(ctx) }),
  'units.create': (ctx, input) => {
    assertWholeTree(ctx);
    return createUnit(ctx, input);
  },
  'units.rename': (ctx, input) => {
    assertWholeTree(ctx);
    return renameUnit(ctx, input);
  },
  'units.reorder': (ctx, input) => {
    assertWholeTree(ctx);
    return { units: reorderUnits(ctx, input) };
  },
  'units.delete': (ctx, { id }) => {
    assertWholeTree(ctx);
    deleteUnit(ctx, id);
    return { deleted: true as const };
  },
};
