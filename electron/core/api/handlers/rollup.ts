// Handlers of 全区汇总: the roll-up over the agencies the operator may see whole, and its A4 sheet
// written to a path chosen in the save dialog.
import type { HandlerMap } from '../handler';
import type { rollupMethods } from '../../../../shared/api/rollup';
import { AppError } from '../../../../shared/result';
import { unitsInScope } from '../../auth/scope';
import { districtRollup } from '../../rollup/district';
import { exportDistrictRollup } from '../../rollup/export-district';
import { assertGranted } from './desktop';

export const rollupHandlers: Pick<HandlerMap, keyof typeof rollupMethods> = {
  'rollup.district': (ctx, { year }) => districtRollup(ctx, year, unitsInScope(ctx)),
  'rollup.exportDistrict': async (ctx, { year, path }, session) => {
    assertGranted(session, path);
    if (!/\.xlsx$/i.test(path))
      throw new AppError('INVALID_INPUT', '请保存为 .xlsx 格式的 Excel 文件。', {
        issues: [{ field: 'path', message: '文件名应以 .xlsx 结尾' }],
      });
    return exportDistrictRollup(ctx, { year, path }, unitsInScope(ctx));
  },
};
