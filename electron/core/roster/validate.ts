// Checks a person's fields for services called directly (imports, demo, CLI) exactly as the
// contract does for the window, and turns the result into column values ('' becomes NULL).
import type { z } from 'zod';
import { AppError } from '../../../shared/result';
import { personFields, personPatch, type PersonFieldsInput, type PersonPatchInput } from '../../../shared/api/roster';
import { checkIdCard } from '../../../shared/domain/idcard';
import { zodIssuesToChinese, type FieldIssue } from '../api/zod-messages';

export type PersonFields = z.output<typeof personFields>;

export function invalid(issues: FieldIssue[]): AppError {
  return new AppError('INVALID_INPUT', `输入有误：${issues.map((i) => i.message).join('；')}`, { issues });
}

export function parsePersonFields(input: PersonFieldsInput): PersonFields {
  const r = personFields.safeParse(input);
  if (!r.success) throw invalid(zodIssuesToChinese(r.error.issues));
  return r.data;
}

export function parsePersonPatch(input: PersonPatchInput): z.output<typeof personPatch> {
  const r = personPatch.safeParse(input);
  if (!r.success) throw invalid(zodIssuesToChinese(r.error.issues));
  return r.data;
}

const blank = (v: string | null | undefined): string | null =>
  v === undefined || v === null || v.trim() === '' ? null : v.trim();

/** Column values of the fields present in `f` (absent keys stay absent: a patch keeps them). */
export function toColumns(f: Partial<PersonFields>): Record<string, string | number | null> {
  const c: Record<string, string | number | null> = {};
  if (f.personNo !== undefined) c.person_no = f.personNo.trim();
  if (f.name !== undefined) c.name = f.name.trim();
  if (f.gender !== undefined) c.gender = f.gender ?? null;
  if (f.birthMonth !== undefined) c.birth_month = blank(f.birthMonth);
  if (f.politicalStatus !== undefined) c.political_status = blank(f.politicalStatus);
  if (f.education !== undefined) c.education = blank(f.education);
  if (f.unitId !== undefined) c.unit_id = f.unitId;
  if (f.position !== undefined) c.position = blank(f.position);
  if (f.positionSince !== undefined) c.position_since = blank(f.positionSince);
  if (f.category !== undefined) c.category = f.category;
  if (f.duties !== undefined) c.duties = blank(f.duties);
  if (f.hireDate !== undefined) c.hire_date = blank(f.hireDate);
  if (f.probationEnd !== undefined) c.probation_end = blank(f.probationEnd);
  if (f.superiorAssessed !== undefined) c.superior_assessed = f.superiorAssessed ? 1 : 0;
  if (f.idCard !== undefined) {
    const v = blank(f.idCard);
    if (v === null) c.id_card = null;
    else {
      const r = checkIdCard(v);
      if (!r.ok) throw invalid([{ field: 'idCard', message: r.message }]);
      c.id_card = r.value;
    }
  }
  return c;
}

/** Cross-field rules the schema cannot see alone. */
export function checkDates(hireDate: string | null, probationEnd: string | null): void {
  if (hireDate && probationEnd && probationEnd < hireDate) {
    throw invalid([
      { field: 'probationEnd', message: `试用期满日期（${probationEnd}）不能早于入职日期（${hireDate}）` },
    ]);
  }
}
