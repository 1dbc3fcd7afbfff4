// Types of the workbench as the contract returns them, and the final-result choices of a person.
import type { OutputOf } from '@shared/api';
import { gradeLabel, OUTCOME_LABEL } from '@shared/domain/labels';
import type { Grade, Outcome, PersonCategory } from '@shared/domain/types';

export type WorkbenchDto = OutputOf<'yearend.workbench'>;
export type RowDto = WorkbenchDto['rows'][number];
export type UnitDto = WorkbenchDto['units'][number];
export type StateDto = WorkbenchDto['state'];

/** One choice of the final-result select: a grade, or a non-grade outcome. */
export type Choice =
  'excellent' | 'competent' | 'basic' | 'incompetent' | 'comments_only' | 'deferred' | 'not_assessed';

export function choiceOf(outcome: Outcome, grade: Grade | null): Choice {
  return outcome === 'graded' ? (grade ?? 'competent') : outcome;
}

export function splitChoice(c: Choice): { outcome: Outcome; grade: Grade | null } {
  return c === 'comments_only' || c === 'deferred' || c === 'not_assessed'
    ? { outcome: c, grade: null }
    : { outcome: 'graded', grade: c };
}

export function choiceLabel(c: Choice, category: PersonCategory): string {
  return c === 'comments_only' || c === 'deferred' || c === 'not_assessed' ? OUTCOME_LABEL[c] : gradeLabel(c, category);
}

export const GRADE_COLOR: Record<Choice, string> = {
  excellent: 'red',
  competent: 'blue',
  basic: 'orange',
  incompetent: 'volcano',
  comments_only: 'default',
  deferred: 'purple',
  not_assessed: 'default',
};

/** The final-result options the rules allow; a barred one stays visible, disabled, with its reason. */
export function choiceOptions(
  choices: { outcome: Outcome; grade: Grade | null; label: string; allowed: boolean; reason: string }[],
  barredLabel: (label: string) => string,
): { value: Choice; label: string; disabled: boolean; title: string }[] {
  return choices.map((c) => ({
    value: choiceOf(c.outcome, c.grade),
    label: c.allowed ? c.label : barredLabel(c.label),
    disabled: !c.allowed,
    // the native tooltip of a disabled option: the rule and the record behind it
    title: c.reason,
  }));
}

/** "优秀：依据规则…" one line per barred result, for the tooltip beside the select. */
export function barredText(choices: { allowed: boolean; reason: string }[]): string {
  return choices
    .filter((c) => !c.allowed)
    .map((c) => c.reason)
    .join('\n');
}
