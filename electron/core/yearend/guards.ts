// Stage guards of year end, with the Chinese message that says what to do instead.
import { AppError } from '../../../shared/result';
import { STAGE_LABEL } from '../../../shared/domain/labels';
import type { AssessmentYearDto } from '../../../shared/domain/records';

/** Committee decisions are made while the suggestions are frozen: in review and during the notice. */
export function assertDecisionsOpen(year: AssessmentYearDto): void {
  if (year.stage === 'review' || year.stage === 'notice') return;
  if (year.stage === 'collecting') {
    throw new AppError(
      'LOCKED',
      `${year.year} 年度尚在“${STAGE_LABEL.collecting}”阶段：请先进入“审核”阶段（冻结建议），再录入考核决定。`,
      { stage: year.stage },
    );
  }
  throw new AppError(
    'LOCKED',
    `${year.year} 年度考核${STAGE_LABEL[year.stage]}，考核决定已锁定；如需变更，请在“复核与申诉”中登记复核或申诉并录入其结果。`,
    { stage: year.stage },
  );
}

export function assertFinal(year: AssessmentYearDto): void {
  if (year.stage !== 'final' && year.stage !== 'archived') {
    throw new AppError(
      'LOCKED',
      `${year.year} 年度尚未定档（当前：${STAGE_LABEL[year.stage]}）。定档前请直接在年终考核工作台修改考核决定，无需复核或申诉。`,
      { stage: year.stage },
    );
  }
}

export function assertStage(year: AssessmentYearDto, stages: AssessmentYearDto['stage'][], what: string): void {
  if (!stages.includes(year.stage)) {
    throw new AppError(
      'LOCKED',
      `${year.year} 年度当前为“${STAGE_LABEL[year.stage]}”阶段，不能${what}（仅在${stages.map((s) => `“${STAGE_LABEL[s]}”`).join('、')}阶段可以）。`,
      { stage: year.stage },
    );
  }
}
