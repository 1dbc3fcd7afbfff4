// Worker task of the 全区考核结果汇总统计表: the roll-up counted per agency (progress, cancel), the A4
// workbook written, and the export audited from this worker's connection. In the full task map: the
// sheet writer loads the spreadsheet code.
import type { Task } from '../task-types';
import type { RollupExportDto } from '../../../../shared/api/rollup';
import { exportDistrictRollup } from '../../rollup/export-district';
import { agencySteps, withStore, type RollupTaskInput } from './rollup';

const exportDistrict: Task<RollupTaskInput & { path: string }, RollupExportDto> = (input, ctx) =>
  withStore(ctx, (db) => {
    const now = new Date(ctx.nowIso);
    const wctx = { db, now: () => now, operator: ctx.operator, dataDir: ctx.dataDir };
    const scope = input.scope ? new Set(input.scope) : null;
    return exportDistrictRollup(wctx, { year: input.year, path: input.path }, scope, agencySteps(ctx));
  });

export const rollupExportTasks: Record<string, Task<never, unknown>> = {
  'rollup.exportDistrict': exportDistrict,
};
