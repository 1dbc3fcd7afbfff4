// The shape every kind's validation produces: one planned row per data row, with its issues and,
// when clean, what applying it will do (add / change / unchanged) and the record to write.
import type { CellValue } from '../../../shared/import/cells';
import type { FieldChange, ImportIssue, ProbableDuplicate } from '../../../shared/import/types';
import { normCode, normName, type Norm } from '../../../shared/import/normalize';
import type { DataRow } from './table';
import type { PersonRow, StoreView } from './store-view';
import { PERSON_FIELDS } from '../../../shared/domain/fields';

export type RowAction = 'add' | 'change' | 'unchanged';

export interface PlannedRow<R> {
  sheet: string;
  row: number;
  personNo: string;
  name: string;
  issues: ImportIssue[];
  action: RowAction | null;
  subject: string;
  fields: FieldChange[];
  record: R | null;
  /** roster rows: probable second records of someone (the preview shows them; they do not block) */
  duplicates?: ProbableDuplicate[];
}

/** Collects a row's problems while its cells are normalised. */
export class RowCheck {
  readonly issues: ImportIssue[] = [];
  constructor(readonly row: DataRow) {}

  /** The normalised value, or undefined after recording the problem against the cell. */
  take<T>(key: string, norm: (v: CellValue) => Norm<T>): T | undefined {
    const r = norm(this.row.get(key));
    if (r.ok) return r.value;
    this.issues.push(this.row.issue(key, r.problem));
    return undefined;
  }

  fail(key: string, problem: string): void {
    this.issues.push(this.row.issue(key, problem));
  }

  get clean(): boolean {
    return this.issues.length === 0;
  }
}

/**
 * Identity of a row in ratings/evidence/history: 人员编号 must be in the roster and the name must
 * match it, so a number typed into the wrong line is caught rather than credited to someone else.
 */
export function resolvePerson(
  check: RowCheck,
  view: StoreView,
  /** false: the caller checks the scope itself (ratings: on the department of the period) */
  scopeByCurrentUnit = true,
): { person: PersonRow | null; personNo: string; name: string } {
  const codeIssues = check.issues.length;
  const personNo = check.take('personNo', (v) => normCode(v, PERSON_FIELDS.personNo.max)) ?? '';
  const codeBad = check.issues.length > codeIssues;
  const nameIssues = check.issues.length;
  const name = check.take('name', normName) ?? '';
  const nameBad = check.issues.length > nameIssues;
  if (!personNo) {
    if (!codeBad) check.fail('personNo', '人员编号未填写');
    return { person: null, personNo, name };
  }
  const person = view.people.get(personNo) ?? null;
  if (!person) {
    check.fail('personNo', `人员编号“${personNo}”不在人员名册中，请核对编号，或先导入人员名册`);
    return { person: null, personNo, name };
  }
  if (!name) {
    if (!nameBad) check.fail('name', '姓名未填写');
  } else if (name !== person.name)
    check.fail('name', `姓名与人员编号不符：名册中编号 ${personNo} 的姓名是“${person.name}”`);
  if (scopeByCurrentUnit && !view.inScope(person.unit_id))
    check.fail('personNo', `${person.name}（${personNo}）不属于你可管理的部门，不能导入其数据`);
  return { person, personNo, name };
}

export function changedFields(pairs: [label: string, before: string, after: string][]): FieldChange[] {
  return pairs.filter(([, b, a]) => b !== a).map(([field, before, after]) => ({ field, before, after }));
}

/** Within one file, the second row for the same key is an error naming the first. */
export class DuplicateGuard {
  private readonly seen = new Map<string, { sheet: string; row: number }>();
  check(check: RowCheck, key: string, column: string, what: string): void {
    const first = this.seen.get(key);
    if (first)
      check.fail(
        column,
        `${what}与${first.sheet === check.row.sheet ? '' : `工作表“${first.sheet}”`}第 ${first.row} 行重复`,
      );
    else this.seen.set(key, { sheet: check.row.sheet, row: check.row.row });
  }
}
