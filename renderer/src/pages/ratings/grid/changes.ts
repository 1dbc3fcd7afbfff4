// A change to the grid: one cell of one person, with the value before and after, so it can be shown
// at once, sent to the store, undone and redone.
import type { EditableField } from '../columns';

/** A grid cell: a rating value or free text (PeriodRatingValue is one of the strings). */
export type CellValue = string | null;

export interface Change {
  personId: string;
  field: EditableField;
  before: CellValue;
  after: CellValue;
}

/** The change that puts a change back. */
export const invert = (c: Change): Change => ({ ...c, before: c.after, after: c.before });

/** Drops changes that change nothing ('' and null are both an empty cell). */
export const realChanges = (changes: Change[]) => changes.filter((c) => (c.before ?? '') !== (c.after ?? ''));
