// The district roll-up written as an A4 workbook (全区考核结果汇总统计表) through the pack's writer
// (temp file, atomic commit), and the export audited: a file of every agency's counts leaves the store.
// Runs in a job's worker on its own connection (electron/core/jobs/tasks/rollup.ts).
import { buildDistrictRollup } from '../../../shared/sheets/district-rollup';
import { recordAudit } from '../audit/audit-log';
import { writeTx, type Ctx } from '../context';
import { writeWorkbook } from '../pack/writer/write-workbook';
import type { RollupExportDto } from '../../../shared/api/rollup';
import { districtRollup, type RollupProgress } from './district';
import { many } from '../db/query';

/** The store's top agency names the district ("示例区"), else the generic title. */
function districtName(ctx: Pick<Ctx, 'db'>): string {
  const top = many<{ name: string }>(
    ctx.db,
    `SELECT name FROM unit WHERE kind = 'agency' AND parent_id IS NULL ORDER BY sort_order, name`,
  );
  return top.length === 1 ? top[0]!.name : '全区';
}

export async function exportDistrictRollup(
  ctx: Ctx,
  input: { year: number; path: string },
  scope: ReadonlySet<string> | null,
  progress?: RollupProgress,
): Promise<RollupExportDto> {
  const data = districtRollup(ctx, input.year, scope, progress);
  const model = buildDistrictRollup(data, districtName(ctx));
  const out = await writeWorkbook(input.path, [model], { overwrite: true, dataDir: ctx.dataDir });
  writeTx(ctx, () =>
    recordAudit(ctx, {
      action: 'rollup.export',
      entity: 'store',
      entityId: `rollup-${input.year}`,
      after: {
        year: input.year,
        agencies: data.rows.map((r) => r.agencyName),
        total: { due: data.total.due, excellent: data.total.excellent },
        file: out.file,
      },
    }),
  );
  return { path: out.file, agencies: data.rows.length, pages: out.pages };
}
