// Writes planned period ratings through the ratings capability's saveRatingsBatch, so an import
// obeys the same year locks, scope and cap on 好 as the grid, with one audit row per changed rating.
import { saveRatingsBatch } from '../ratings/save';
import type { Ctx } from '../context';
import type { RatingRecord } from './kind-ratings';

/** Returns the cap warnings of the save (each scope this import pushed over the cap on 好). */
export function saveImportedRatings(ctx: Ctx, records: readonly RatingRecord[], batchId: string): string[] {
  const result = saveRatingsBatch(
    ctx,
    records.map((r) => ({
      periodId: r.periodId,
      personId: r.personId,
      workRecord: r.workRecord,
      rating: r.rating,
      comment: r.comment,
      rater: r.rater,
    })),
    { source: `import:${batchId}` },
  );
  return result.warnings.map((w) => w.message);
}
