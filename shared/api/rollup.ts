// Contract of 全区汇总 (district roll-up): one year's results across the agencies of this store — those
// kept here and those whose records came in exchange bundles — per agency and in total, counted by
// the engine as each agency's own statistics table counts them; and the roll-up as an A4 sheet.
import { z } from 'zod';
import { method } from './contract';
import { jobState } from './jobs';
import { id, yearStage } from '../domain/types';

const count = z.number().int().min(0);
const year = z
  .number({ error: '考核年度应为数字，例如 2026' })
  .int('考核年度应为整数，例如 2026')
  .min(2000, '考核年度应在 2000 至 2100 之间')
  .max(2100, '考核年度应在 2000 至 2100 之间');

/** The counts of one agency (or the total): the 统计备案表's 合计 row plus the places. */
export const rollupCounts = z.object({
  /** 应参加考核 */
  due: count,
  /** 实际参加考核 */
  assessed: count,
  excellent: count,
  competent: count,
  basic: count,
  incompetent: count,
  commentsOnly: count,
  deferred: count,
  notAssessed: count,
  /** excellent of the graded, "20.0%", "—" when none is graded */
  excellentShare: z.string(),
  /** places of the agency's quota units, their excellent grades, and those beyond with an approval */
  allowed: count,
  used: count,
  approvedOverrides: count,
  /** leaders assessed by the superior body (counted in the grades, outside the places) */
  superiorAssessed: count,
  /** people with a committee decision recorded; the rest count by their suggestion */
  decided: count,
});
export type RollupCounts = z.infer<typeof rollupCounts>;

export const rollupDelivery = z.object({
  workstation: z.string(),
  unitLabel: z.string(),
  lastImportedAt: z.string(),
  bundles: count,
});

export const rollupRow = rollupCounts.extend({
  agencyId: id,
  agencyName: z.string(),
  yearId: id,
  stage: yearStage,
  stageLabel: z.string(),
  /** the exchange bundles this agency's records came in (the senders list), newest first */
  deliveries: z.array(rollupDelivery),
});
export type RollupRow = z.infer<typeof rollupRow>;

export const districtRollup = z.object({
  year: z.number().int(),
  /** the office's today (ISO date) */
  asOf: z.string(),
  rows: z.array(rollupRow),
  total: rollupCounts,
  /** agencies of the store without an assessment year for this year */
  withoutYear: z.array(z.string()),
});
export type DistrictRollup = z.infer<typeof districtRollup>;

/** What rollup.exportDistrict's job gives once done. */
export const rollupExportDto = z.object({ path: z.string(), agencies: count, pages: z.number().int() });
export type RollupExportDto = z.infer<typeof rollupExportDto>;

/** Both are jobs (the engine counts each agency in a worker, one progress step per agency, cancellable):
 * the district's value, once done, is a DistrictRollup; the export's a RollupExportDto. */
export const rollupMethods = {
  'rollup.district': method({
    summary: '全区汇总：本库各单位（含经数据交换包报来的单位）一个年度的考核结果统计',
    permission: 'yearend.read',
    input: z.strictObject({ year }),
    output: jobState,
  }),
  'rollup.exportDistrict': method({
    summary: '导出全区考核结果汇总统计表（Excel，A4 横向）',
    permission: 'yearend.read',
    input: z.strictObject({ year, path: z.string().min(1, '请选择保存位置').max(1000) }),
    output: jobState,
  }),
};
