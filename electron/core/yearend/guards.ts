// Stage guards of year end, with the Chinese message that says what to do instead.
import { AppError } from '../../../shared/result';
import { STAGE_LABEL } from '../../../shared/domain/labels';
import type { AssessmentYearDto } from '../../../shared/domain/records';

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
