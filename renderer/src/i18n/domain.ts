// The stored codes' names in each UI language. Chinese comes from shared (the one definition the
// printed sheets also use); English is here, typed against the same code lists so a new code
// without an English name fails the typecheck.
import { RATING_LABEL, STAGE_LABEL } from '@shared/domain/labels';
import { ROLE_LABELS } from '@shared/auth/permissions';
import type { PeriodRatingValue, Role, YearStage } from '@shared/domain/types';
import type { Lang } from './format';

const RATING_EN: Record<PeriodRatingValue, string> = {
  good: 'Good',
  fair: 'Fairly good',
  average: 'Average',
  poor: 'Poor',
};

const STAGE_EN: Record<YearStage, string> = {
  collecting: 'Collecting',
  review: 'Review (suggestions frozen)',
  notice: 'Public notice',
  final: 'Decided',
  archived: 'Archived',
};

const ROLE_EN: Record<Role | 'system', string> = {
  admin: 'System administrator',
  security: 'Security administrator',
  clerk: 'Assessment clerk',
  rater: 'Department rater',
  auditor: 'Auditor',
  system: 'System (command line)',
};

export const DOMAIN_LABELS = {
  zh: { rating: RATING_LABEL, stage: STAGE_LABEL, role: ROLE_LABELS },
  en: { rating: RATING_EN, stage: STAGE_EN, role: ROLE_EN },
} satisfies Record<Lang, unknown>;
