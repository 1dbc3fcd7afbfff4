// Writes planned evidence items through the evidence capability's insertEvidence (the items were
// validated by its schema at planning; its year locks and scope apply), one audit row per item,
// inside the import's transaction.
import { AppError } from '../../../shared/result';
import { insertEvidence } from '../evidence/evidence-service';
import type { Ctx } from '../context';
import type { EvidenceRecord } from './kind-evidence';
import type { PlannedRow } from './plan';

export function saveImportedEvidence(ctx: Ctx, rows: readonly PlannedRow<EvidenceRecord>[], reason: string): void {
  try {
    insertEvidence(
      ctx,
      rows.map((r) => r.record!.input),
      { audit: 'each', reason },
    );
  } catch (e) {
    // The service counts items; the clerk needs the sheet and row.
    const index = /第 (\d+) 条/.exec(e instanceof Error ? e.message : '')?.[1];
    const row = index ? rows[Number(index) - 1] : undefined;
    if (e instanceof AppError && row)
      throw new AppError(
        e.code,
        `工作表“${row.sheet}”第 ${row.row} 行：${e.message.replace(/第 \d+ 条[：:]?/, '')}`,
        e.details,
      );
    throw e;
  }
}
