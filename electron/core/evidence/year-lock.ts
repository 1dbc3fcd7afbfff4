// A year that is final or archived keeps its records: evidence dated in it cannot be added, changed
// or voided — except inside the year-end redress transaction (复核/申诉), which marks the year in
// yearend_unlock for that transaction only (see electron/core/yearend/redress.ts and 0005-yearend's triggers).
import { AppError } from '../../../shared/result';
import { STAGE_LABEL } from '../../../shared/domain/labels';
import { yearOf } from '../../../shared/domain/dates';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import type { YearIndex } from './year-index';

function unlockedForRedress(db: Db, yearId: string): boolean {
  return stmt(db, 'SELECT 1 FROM yearend_unlock WHERE year_id = ?').get(yearId) !== undefined;
}

/** Throws LOCKED when any calendar year the record touches (date .. endDate) is final/archived. */
export function assertYearsOpen(db: Db, years: YearIndex, unitId: string, date: string, endDate: string | null): void {
  const first = yearOf(date);
  const last = Math.min(endDate ? yearOf(endDate) : first, first + 5);
  for (let y = first; y <= last; y++) {
    const info = years.yearFor(unitId, y);
    if (info && (info.stage === 'final' || info.stage === 'archived') && !unlockedForRedress(db, info.id)) {
      throw new AppError(
        'LOCKED',
        `${y} 年度考核${STAGE_LABEL[info.stage]}，该年度的事件不能再新增、修改或作废。如确需更正，请通过复核或申诉程序办理。`,
        { year: y, stage: info.stage },
      );
    }
  }
}
