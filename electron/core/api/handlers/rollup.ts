// Handlers of 全区汇总: the roll-up over the agencies the operator may see whole, and its A4 sheet
// written to a path chosen in the save dialog. Both are jobs: the engine counts every agency in a
// worker (electron/core/jobs/tasks/rollup.ts), one progress step per agency, cancellable.
import type { HandlerMap } from '../handler';
import type { rollupMethods } from '../../../../shared/api/rollup';
import { AppError } from '../../../../shared/result';
import { unitsInScope } from '../../auth/scope';
import { assertGranted } from './desktop';
import type { Ctx } from '../../context';

/** The agencies in scope as a list a worker can be sent (null: all). */
const scopeList = (ctx: Ctx): string[] | null => {
  const scope = unitsInScope(ctx);
  return scope ? [...scope] : null;
};

export const rollupHandlers: Pick<HandlerMap, keyof typeof rollupMethods> = {
  'rollup.district': (ctx, { year }, _s, core) =>
    core.jobs.start('rollup.district', { year, scope: scopeList(ctx) }, ctx.operator, { maxHeapMb: 2048 }),
  'rollup.exportDistrict': (ctx, { year, path }, session, core) => {
    assertGranted(session, path);
    if (!/\.xlsx$/i.test(path))
      throw new AppError('INVALID_INPUT', '请保存为 .xlsx 格式的 Excel 文件。', {
        issues: [{ field: 'path', message: '文件名应以 .xlsx 结尾' }],
      });
    return core.jobs.start('rollup.exportDistrict', { year, path, scope: scopeList(ctx) }, ctx.operator, {
      maxHeapMb: 2048,
    });
  },
};
