// A year that is final or archived keeps its records: evidence dated in it cannot be added, changed
// or voided, except through the year-end redress path (复核/申诉), which passes allowLockedYear.
import { AppError } from '../../../shared/result';
import { STAGE_LABEL } from '../../../shared/domain/labels';
import { yearOf } from '../../../shared/domain/dates';
import type { YearIndex } from './year-index';

export interface LockOptions {
  /** set only by the year-end redress service, which records its own 复核/申诉 outcome */
  allowLockedYear?: boolean;
}

/** Throws LOCKED when any calendar year the record touches (date .. endDate) is final/archived. */
export function assertYearsOpen(years: YearIndex, unitId: string, date: string, endDate: string | null, options: LockOptions = {}): void {
  if (options.allowLockedYear) return;
  const first = yearOf(date);
  const last = Math.min(endDate ? yearOf(endDate) : first, first + 5);
  for (let y = first; y <= last; y++) {
    const info = years.yearFor(unitId, y);
    if (info && (info.stage === 'final' || info.stage === 'archived')) {
      throw new AppError(
        'LOCKED',
        `${y} 年度考核${STAGE_LABEL[info.stage]}，该年度的事件不能再新增、修改或作废。如确需更正，请通过复核或申诉程序办理。`,
        { year: y, stage: info.stage },
      );
    }
  }
}
