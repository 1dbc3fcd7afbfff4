// Everything about one period of one agency that the grid, the cap check and the review read:
// departments, who belongs where (from person_move), the saved ratings and each scope's cap standing.
import type { PeriodRatingDto, UnitDto } from '../../../shared/domain/records';
import type { PeriodRatingValue } from '../../../shared/domain/types';
import { addCounts, capStanding, emptyCounts, type RatingCounts } from '../../../shared/ratings/cap';
import type { CapStandingDto, PeriodCapStatusDto } from '../../../shared/api/years';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { ratingUnitsOf, type PeriodRecord } from '../years/year-repo';
import { loadMemberships, type Membership } from './membership';

interface RatingRow {
  id: string;
  period_id: string;
  person_id: string;
  unit_id: string;
  work_record: string;
  self_assessment: string;
  rating: PeriodRatingValue | null;
  comment: string;
  rater: string;
  updated_at: string;
}

export function ratingDto(r: RatingRow): PeriodRatingDto {
  return {
    id: r.id,
    periodId: r.period_id,
    personId: r.person_id,
    unitId: r.unit_id,
    workRecord: r.work_record,
    selfAssessment: r.self_assessment,
    rating: r.rating,
    comment: r.comment,
    rater: r.rater,
    updatedAt: r.updated_at,
  };
}

/** What the cap and the missing count need of a rating: no texts, so a 2,000-row period reads fast. */
export type RatingLite = Pick<PeriodRatingDto, 'id' | 'personId' | 'unitId' | 'rating' | 'updatedAt'>;

export function ratingsLiteOfPeriod(db: Db, periodId: string): Map<string, RatingLite> {
  const rows = stmt(
    db,
    'SELECT id, person_id AS personId, unit_id AS unitId, rating, updated_at AS updatedAt FROM period_rating WHERE period_id = ?',
  ).all(periodId) as RatingLite[];
  return new Map(rows.map((r) => [r.personId, r]));
}

/** Full rows of the people a grid shows (its members, and whoever its department rated). */
export function ratingsForGrid(
  db: Db,
  periodId: string,
  unitId: string,
  personIds: readonly string[],
): Map<string, PeriodRatingDto> {
  const rows = stmt(
    db,
    `SELECT id, period_id, person_id, unit_id, work_record, self_assessment, rating, comment, rater, updated_at FROM period_rating
      WHERE period_id = @periodId AND (unit_id = @unitId OR person_id IN (SELECT value FROM json_each(@ids)))`,
  ).all({ periodId, unitId, ids: JSON.stringify(personIds) }) as RatingRow[];
  return new Map(rows.map((r) => [r.person_id, ratingDto(r)]));
}

export function findRating(db: Db, periodId: string, personId: string): PeriodRatingDto | null {
  const r = stmt(
    db,
    'SELECT id, period_id, person_id, unit_id, work_record, self_assessment, rating, comment, rater, updated_at FROM period_rating WHERE period_id = ? AND person_id = ?',
  ).get(periodId, personId) as RatingRow | undefined;
  return r ? ratingDto(r) : null;
}

export interface PeriodState {
  record: PeriodRecord;
  departments: UnitDto[];
  memberships: Membership[];
  ratings: Map<string, RatingLite>;
  capStatus: PeriodCapStatusDto;
}

export function loadPeriodState(db: Db, record: PeriodRecord): PeriodState {
  const { period, year } = record;
  const departments = ratingUnitsOf(db, year.dto.unitId);
  const memberships = loadMemberships(
    db,
    departments.map((d) => d.id),
    period.startDate,
    period.endDate,
  );
  const ratings = ratingsLiteOfPeriod(db, period.id);
  return {
    record,
    departments,
    memberships,
    ratings,
    capStatus: computeCapStatus(record, departments, memberships, ratings),
  };
}

export function computeCapStatus(
  record: PeriodRecord,
  departments: readonly UnitDto[],
  memberships: readonly Membership[],
  ratings: ReadonlyMap<string, RatingLite>,
): PeriodCapStatusDto {
  const cap = record.year.settings.goodCap;
  // One pass over people and one over ratings, grouped by unit (20 departments × 2,000 people stays cheap).
  const perUnit = new Map<string, { base: Set<string>; due: number; missing: number; counts: RatingCounts }>();
  const unit = (id: string) => {
    let u = perUnit.get(id);
    if (!u) perUnit.set(id, (u = { base: new Set(), due: 0, missing: 0, counts: emptyCounts() }));
    return u;
  };
  const agencyBase = new Set<string>();
  const agencyDue = new Set<string>();
  const agencyMissing = new Set<string>();
  for (const m of memberships) {
    if (!m.due) continue;
    const u = unit(m.unitId);
    u.due++;
    u.base.add(m.person.id);
    agencyDue.add(m.person.id);
    if (!ratings.get(m.person.id)?.rating) {
      u.missing++;
      agencyMissing.add(m.person.id);
    }
  }
  for (const r of ratings.values()) {
    if (!r.rating) continue;
    const u = unit(r.unitId);
    u.counts[r.rating]++;
    u.base.add(r.personId);
  }
  let agencyCounts: RatingCounts = emptyCounts();
  const deptStandings: CapStandingDto[] = departments.map((d) => {
    const u = unit(d.id);
    for (const p of u.base) agencyBase.add(p);
    agencyCounts = addCounts(agencyCounts, u.counts);
    const s = capStanding(u.base.size, u.counts, cap);
    return {
      unitId: d.id,
      unitName: d.name,
      ...s,
      due: u.due,
      missing: u.missing,
      enforced: cap.enabled && cap.scope === 'department',
    };
  });
  const a = capStanding(agencyBase.size, agencyCounts, cap);
  return {
    enabled: cap.enabled,
    share: cap.share,
    scope: cap.scope,
    rounding: cap.rounding,
    enforcement: cap.enforcement,
    departments: deptStandings,
    agency: {
      unitId: record.year.dto.unitId,
      unitName: record.year.dto.unitName,
      ...a,
      due: agencyDue.size,
      missing: agencyMissing.size,
      enforced: cap.enabled && cap.scope === 'agency',
    },
  };
}
