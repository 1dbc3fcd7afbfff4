// Period rating rows (平时考核): one rating per person and period, upserted. The rating department
// is the one the person belonged to at the period's end (the dated moves), so a file for an earlier
// quarter lands where the person was then. A blank cell keeps what is stored; untouched template rows
// are skipped.
import { RATING_LABEL } from '../../../shared/domain/labels';
import type { PeriodRatingValue } from '../../../shared/domain/types';
import { normPeriodCode, normRating, normText } from '../../../shared/import/normalize';
import { isBlankCell } from '../../../shared/import/cells';
import { changedFields, type DuplicateGuard, resolvePerson, RowCheck, type PlannedRow } from './plan';
import type { DataRow } from './table';
import type { PeriodRow, PersonRow, StoreView } from './store-view';
import { membershipOn } from '../roster/moves';
import { RATING_FIELDS } from '../../../shared/domain/fields';

export interface RatingRecord {
  existingId: string | null;
  periodId: string;
  personId: string;
  unitId: string;
  workRecord: string;
  rating: PeriodRatingValue | null;
  comment: string;
  rater: string;
  before: StoredRating | null;
}

export interface StoredRating {
  id: string;
  work_record: string;
  rating: PeriodRatingValue | null;
  comment: string;
  rater: string;
  unit_id: string;
}

/** Columns whose content makes a row a rating; a row with only number, name and period is not filled yet. */
export const RATING_CONTENT_KEYS = ['workRecord', 'rating', 'comment', 'rater'] as const;
const LOCKED_STAGES = new Set(['final', 'archived']);

export function planRatingRow(
  row: DataRow,
  view: StoreView,
  requestedPeriod: PeriodRow | null,
  dup: DuplicateGuard,
  stored: (periodId: string, personId: string) => StoredRating | undefined,
): PlannedRow<RatingRecord> {
  const check = new RowCheck(row);
  const { person, personNo, name } = resolvePerson(check, view, false);
  let period: PeriodRow | undefined;
  const code = check.take('period', normPeriodCode);
  if (code === null && requestedPeriod) period = requestedPeriod;
  else if (code === null) check.fail('period', '期间未填写，应写成 2026Q1 这样的格式');
  else if (code !== undefined) {
    if (requestedPeriod && code !== requestedPeriod.code)
      check.fail('period', `期间“${code}”与本次导入的期间 ${requestedPeriod.code} 不符`);
    else if (person) {
      period = view.periodFor(code, person.unit_id);
      if (!period) check.fail('period', `本单位没有期间“${code}”，请先在年度设置中建立该考核年度，或核对期间`);
    }
  }
  if (period && LOCKED_STAGES.has(period.stage))
    check.fail('period', `${period.year} 年度已定档，不能再修改 ${period.code} 的平时考核`);
  const unitId = person && period ? departmentOfPeriod(check, view, person, period) : null;
  const workRecord = check.take('workRecord', (v) => normText(v, RATING_FIELDS.workRecord.max));
  const rating = check.take('rating', normRating);
  const comment = check.take('comment', (v) => normText(v, RATING_FIELDS.comment.max));
  const rater = check.take('rater', (v) => normText(v, RATING_FIELDS.rater.max));
  if (person && period)
    dup.check(check, `${period.id}/${person.id}`, 'personNo', `${name || personNo} 的 ${period.code} 平时考核`);

  const planned: PlannedRow<RatingRecord> = {
    sheet: row.sheet,
    row: row.row,
    personNo,
    name,
    issues: check.issues,
    action: null,
    subject: period ? `${period.code} 平时考核` : '平时考核',
    fields: [],
    record: null,
  };
  if (!check.clean || !person || !period || !unitId) return planned;
  const before = stored(period.id, person.id) ?? null;
  // Blank keeps the stored value: a department returning only ratings must not erase records of work.
  const keepText = (key: string, v: string | undefined, old: string | undefined) =>
    isBlankCell(row.get(key)) ? (old ?? '') : (v ?? '');
  const record: RatingRecord = {
    existingId: before?.id ?? null,
    periodId: period.id,
    personId: person.id,
    unitId: before?.unit_id ?? unitId,
    workRecord: keepText('workRecord', workRecord, before?.work_record),
    rating: rating ?? before?.rating ?? null,
    comment: keepText('comment', comment, before?.comment),
    rater: keepText('rater', rater, before?.rater),
    before,
  };
  planned.record = record;
  const label = (r: PeriodRatingValue | null | undefined) => (r ? RATING_LABEL[r] : '');
  planned.fields = changedFields([
    ['工作纪实', before?.work_record ?? '', record.workRecord],
    ['等次', label(before?.rating), label(record.rating)],
    ['评语', before?.comment ?? '', record.comment],
    ['评价人', before?.rater ?? '', record.rater],
  ]);
  planned.action = !before ? 'add' : planned.fields.length ? 'change' : 'unchanged';
  return planned;
}

/**
 * The department that rates the person for the period: where they were on its last day (or on the
 * day they left, if earlier), by the dated moves. A person not yet hired by then, one who was in a
 * department of another unit, or one outside the operator's departments then, is named on the cell.
 */
function departmentOfPeriod(check: RowCheck, view: StoreView, person: PersonRow, period: PeriodRow): string | null {
  const who = `${person.name}（${person.person_no}）`;
  if (person.hire_date && person.hire_date > period.end_date) {
    check.fail(
      'period',
      `${who}于 ${person.hire_date} 入职，${period.code}（截至 ${period.end_date}）时尚未入职，不能录入该期平时考核`,
    );
    return null;
  }
  const on =
    person.status === 'left' && person.left_date && person.left_date < period.end_date
      ? person.left_date
      : period.end_date;
  const unitId = membershipOn(view.db, person.id, on) ?? person.unit_id;
  const name = view.units.get(unitId)?.name ?? '';
  if (!view.isWithin(unitId, period.year_unit_id)) {
    check.fail(
      'period',
      `${period.code} 期末（${on}）${who}在“${name}”，不属于本考核年度的单位，该期平时考核应由当时所在单位录入`,
    );
    return null;
  }
  if (!view.inScope(unitId)) {
    check.fail(
      'personNo',
      `${period.code} 期末（${on}）${who}所在的“${name}”不在你可管理的部门范围内，不能导入其该期数据`,
    );
    return null;
  }
  return unitId;
}
