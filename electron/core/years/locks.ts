// When a year's records may still change: ratings only while collecting and the period is not yet
// reviewed; settings until the year is final. Each refusal says, in Chinese, who can unlock it.
import { AppError } from '../../../shared/result';
import { STAGE_LABEL } from '../../../shared/domain/labels';
import type { AssessmentYearDto, PeriodDto } from '../../../shared/domain/records';

/** Why ratings of this period cannot be written, or null when they can. */
export function ratingsLockReason(year: AssessmentYearDto, period: PeriodDto): string | null {
  if (year.stage !== 'collecting') {
    return `${year.year} 年度已进入“${STAGE_LABEL[year.stage]}”阶段，平时考核结果不能再修改。如确需更正，请通过年终考核的复核或申诉程序办理。`;
  }
  if (period.reviewStatus === 'reviewed') {
    return `${period.label}（${period.code}）已由考核办复核，结果不能再修改。如需修改，请考核办先在“复核”中重新打开该期间。`;
  }
  return null;
}

export function assertRatingsWritable(year: AssessmentYearDto, period: PeriodDto): void {
  const reason = ratingsLockReason(year, period);
  if (reason)
    throw new AppError('LOCKED', reason, {
      yearId: year.id,
      periodId: period.id,
      stage: year.stage,
      reviewStatus: period.reviewStatus,
    });
}

export function settingsLocked(year: AssessmentYearDto): boolean {
  return year.stage === 'final' || year.stage === 'archived';
}

export function assertSettingsEditable(year: AssessmentYearDto): void {
  if (settingsLocked(year)) {
    throw new AppError(
      'LOCKED',
      `${year.year} 年度已“${STAGE_LABEL[year.stage]}”，年度设置已锁定，不能再修改（年度保留定档时的规则）。`,
      { yearId: year.id, stage: year.stage },
    );
  }
}

/** The office's review steps (return, accept, mark reviewed, reopen) need the year still collecting. */
export function assertReviewOpen(year: AssessmentYearDto): void {
  if (year.stage !== 'collecting') {
    throw new AppError('LOCKED', `${year.year} 年度已进入“${STAGE_LABEL[year.stage]}”阶段，平时考核复核不能再更改。`, {
      yearId: year.id,
      stage: year.stage,
    });
  }
}
