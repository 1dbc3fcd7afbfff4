// History rows (历年考核结果): an earlier year's final result per person, for the three-year and
// two-year rules. Upserted by (person, year); the current and later years, and any year this store
// assesses itself, are refused (shared/rules/guard.ts).
import { gradeLabel, OUTCOME_LABEL } from '../../../../shared/domain/labels';
import type { Grade, Outcome } from '../../../../shared/domain/types';
import { normHistoryGrade, normYear } from '../../../../shared/import/normalize';
import { historyYearRefusal } from '../../../../shared/rules/guard';
import { changedFields, type DuplicateGuard, resolvePerson, RowCheck, type PlannedRow } from './plan';
import type { DataRow } from './table';
import type { PersonRow, StoreView } from './store-view';

export interface StoredHistory {
  id: string;
  outcome: Outcome;
  grade: Grade | null;
}

export interface HistoryRecord {
  existingId: string | null;
  personId: string;
  year: number;
  outcome: Outcome;
  grade: Grade | null;
  before: StoredHistory | null;
}

export function historyLabel(p: PersonRow, h: { outcome: Outcome; grade: Grade | null } | null): string {
  if (!h) return '';
  return h.outcome === 'graded' && h.grade ? gradeLabel(h.grade, p.category) : OUTCOME_LABEL[h.outcome];
}

export function planHistoryRow(
  row: DataRow,
  view: StoreView,
  years: { calendar: number; assessed: readonly number[] },
  dup: DuplicateGuard,
  stored: (personId: string, year: number) => StoredHistory | undefined,
): PlannedRow<HistoryRecord> {
  const check = new RowCheck(row);
  const { person, personNo, name } = resolvePerson(check, view);
  const year = check.take('year', normYear);
  // the grade guard's history rule: a year assessed here is decided, never imported
  const refused = year === undefined ? null : historyYearRefusal(year, years.calendar, years.assessed);
  if (refused) check.fail('year', refused);
  const g = check.take('grade', normHistoryGrade);
  if (person && year !== undefined)
    dup.check(check, `${person.id}/${year}`, 'year', `${name || personNo} 的 ${year} 年度结果`);
  const planned: PlannedRow<HistoryRecord> = {
    sheet: row.sheet,
    row: row.row,
    personNo,
    name,
    issues: check.issues,
    action: null,
    subject: `${year ?? ''} 年度考核结果`,
    fields: [],
    record: null,
  };
  if (!check.clean || !person || year === undefined || !g) return planned;
  const before = stored(person.id, year) ?? null;
  planned.record = {
    existingId: before?.id ?? null,
    personId: person.id,
    year,
    outcome: g.outcome,
    grade: g.grade,
    before,
  };
  planned.fields = changedFields([['等次', historyLabel(person, before), historyLabel(person, g)]]);
  planned.action = !before ? 'add' : planned.fields.length ? 'change' : 'unchanged';
  return planned;
}
