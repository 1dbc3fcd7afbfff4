// The grid's editable columns, in keyboard order, and how ratings look on screen.
import type { PeriodRatingValue } from '@shared/domain/types';

export type EditableField = 'workRecord' | 'selfAssessment' | 'rating' | 'comment' | 'rater';

export interface ColumnDef {
  field: EditableField;
  title: string;
  width: number;
  /** multi-line editor (工作纪实) */
  multiline?: boolean;
  maxLength: number;
}

export const COLUMNS: ColumnDef[] = [
  { field: 'workRecord', title: '工作纪实', width: 290, multiline: true, maxLength: 4000 },
  { field: 'selfAssessment', title: '个人自评', width: 150, maxLength: 2000 },
  { field: 'rating', title: '等次', width: 84, maxLength: 4 },
  { field: 'comment', title: '评语', width: 200, maxLength: 1000 },
  { field: 'rater', title: '评价人', width: 90, maxLength: 40 },
];

export const RATING_COLUMN = COLUMNS.findIndex((c) => c.field === 'rating');

export const RATING_COLOR: Record<PeriodRatingValue, string> = {
  good: '#b71c1c',
  fair: '#1565c0',
  average: '#6d4c41',
  poor: '#4a148c',
};
