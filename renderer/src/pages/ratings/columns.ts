// The grid's editable columns, in keyboard order, and how ratings look on screen.
import type { PeriodRatingValue } from '@shared/domain/types';
import type { MessageKey } from '../../i18n/zh';
import { RATING_FIELDS } from '@shared/domain/fields';

export type EditableField = 'workRecord' | 'selfAssessment' | 'rating' | 'comment' | 'rater';

export interface ColumnDef {
  field: EditableField;
  /** the column's heading, in the catalogue */
  title: MessageKey;
  width: number;
  /** multi-line editor (工作纪实) */
  multiline?: boolean;
  maxLength: number;
}

export const COLUMNS: ColumnDef[] = [
  {
    field: 'workRecord',
    title: 'grid.col.workRecord',
    width: 290,
    multiline: true,
    maxLength: RATING_FIELDS.workRecord.max,
  },
  {
    field: 'selfAssessment',
    title: 'grid.col.selfAssessment',
    width: 150,
    maxLength: RATING_FIELDS.selfAssessment.max,
  },
  { field: 'rating', title: 'grid.col.rating', width: 84, maxLength: 4 },
  { field: 'comment', title: 'grid.col.comment', width: 200, maxLength: RATING_FIELDS.comment.max },
  { field: 'rater', title: 'grid.col.rater', width: 90, maxLength: RATING_FIELDS.rater.max },
];

export const RATING_COLUMN = COLUMNS.findIndex((c) => c.field === 'rating');

export const RATING_COLOR: Record<PeriodRatingValue, string> = {
  good: '#b71c1c',
  fair: '#1565c0',
  average: '#6d4c41',
  poor: '#4a148c',
};
