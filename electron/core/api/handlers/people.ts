// Handlers of probable duplicates and merging (人员去重与合并). A merge is checked first (nothing is
// written if it is refused), then the store is backed up, then merged in one audited transaction:
// restoring that backup undoes it.
import { AppError } from '../../../../shared/result';
import { roleHas, type Permission } from '../../../../shared/auth/permissions';
import type { Ctx } from '../../context';
import { assertPersonInScope, unitsInScope } from '../../auth/scope';
import { backupNow } from '../../backup/backup';
import type { HandlerMap } from '../handler';
import type { peopleMethods } from '../../../../shared/api/people';
import { listDuplicates, markDistinct } from '../../roster/duplicates';
import { assertMergeable, mergePeople, mergePreview, planMerge } from '../../roster/merge';

/** A merge moves ratings, evidence and year-end results: the operator must be allowed to write all of them. */
function assertMayMerge(ctx: Ctx): void {
  const role = ctx.operator.role;
  const needed: Permission[] = ['ratings.write', 'evidence.write', 'yearend.decide'];
  if (!needed.every((p) => roleHas(role, p)))
    throw new AppError('FORBIDDEN', '合并人员记录会转移平时考核、事件和年度考核结果，只能由考核办经办人办理。');
}

export const peopleHandlers: Pick<HandlerMap, keyof typeof peopleMethods> = {
  'people.duplicates': (ctx) => ({ groups: listDuplicates(ctx.db, unitsInScope(ctx)) }),
  'people.mergePreview': (ctx, { keptId, absorbedId }) => {
    assertPersonInScope(ctx, keptId);
    assertPersonInScope(ctx, absorbedId);
    return mergePreview(ctx.db, keptId, absorbedId);
  },
  'people.merge': async (ctx, input, _session, core) => {
    assertMayMerge(ctx);
    assertPersonInScope(ctx, input.keptId);
    assertPersonInScope(ctx, input.absorbedId);
    assertMergeable(planMerge(ctx.db, input.keptId, input.absorbedId, input.choices));
    const backup = await backupNow(core, core.dataDir, 'before-merge', { now: ctx.now() });
    const r = mergePeople(ctx, input);
    return { ...r, backup: backup.name };
  },
  'people.markDistinct': (ctx, input) => {
    assertPersonInScope(ctx, input.personIds[0]);
    assertPersonInScope(ctx, input.personIds[1]);
    markDistinct(ctx, input);
    return { marked: true as const };
  },
};
