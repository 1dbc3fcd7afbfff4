// History rows (历年考核结果): an earlier year's final result per person, for the three-year and
// two-year rules. Upserted by (person, year); the current and later years, and any year this store
// assesses itself, are refused (shared/rules/guard.ts). The pack's 考核结果代码表 reads back too: its
// year is in the sheet's title, its result in 考核结果 (text) and 结果代码 (1–6), which must agree.
import { gradeLabel, OUTCOME_LABEL, resultCode } from '../../../shared/domain/labels';
import { isBlankCell } from '../../../shared/import/cells';
import type { Grade, Outcome } from '../../../shared/domain/types';
import { normHistoryGrade, normResultCode, normYear } from '../../../shared/import/normalize';
import { historyYearRefusal } from '../../../shared/rules/guard';
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
  const year = isBlankCell(row.get('year')) && row.titleYear !== null ? row.titleYear : check.take('year', normYear);
  // the grade guard's history rule: a year assessed here is decided, never imported
  const refused = year === undefined ? null : historyYearRefusal(year, years.calendar, years.assessed);
  if (refused) check.fail('year', refused);
  const g = historyResult(check);
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

/** The result from 考核结果 / 等次 text, or from 结果代码 alone; both given must name the same result. */
function historyResult(check: RowCheck): { outcome: Outcome; grade: Grade | null } | undefined {
  const codeCell = check.row.get('code');
  if (isBlankCell(check.row.get('grade')) && !isBlankCell(codeCell)) return check.take('code', normResultCode);
  const g = check.take('grade', normHistoryGrade);
  if (!g || isBlankCell(codeCell)) return g;
  const code = check.take('code', normResultCode);
  if (!code) return undefined;
  const expected = resultCode(g.outcome, g.grade);
  if (resultCode(code.outcome, code.grade) !== expected) {
    check.fail('code', `结果代码与考核结果不一致：“${OUTCOME_OR_GRADE(g)}”的代码应为 ${expected}，请核对`);
    return undefined;
  }
  return g;
}

const OUTCOME_OR_GRADE = (g: { outcome: Outcome; grade: Grade | null }) =>
  g.grade ? gradeLabel(g.grade, 'civil_servant') : OUTCOME_LABEL[g.outcome];
