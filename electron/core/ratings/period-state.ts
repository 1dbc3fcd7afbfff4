// Everything about one period of one agency that the grid, the cap check and the review read:
// departments, who belongs where (from person_move), the saved ratings and each scope's cap standing.
import type { PeriodRatingDto, UnitDto } from '../../../shared/domain/records';
import type { PeriodRatingValue } from '../../../shared/domain/types';
import { capStanding, emptyCounts, type RatingCounts } from '../../../shared/ratings/cap';
import type { CapStandingDto, PeriodCapStatusDto } from '../../../shared/api/years';
import type { Db } from '../db/open';
import { stmt } from '../years/statements';
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

export function ratingsOfPeriod(db: Db, periodId: string): Map<string, PeriodRatingDto> {
  const rows = stmt(db, 'SELECT id, period_id, person_id, unit_id, work_record, self_assessment, rating, comment, rater, updated_at FROM period_rating WHERE period_id = ?')
    .all(periodId) as RatingRow[];
  return new Map(rows.map((r) => [r.person_id, ratingDto(r)]));
}

export function findRating(db: Db, periodId: string, personId: string): PeriodRatingDto | null {
  const r = stmt(db, 'SELECT id, period_id, person_id, unit_id, work_record, self_assessment, rating, comment, rater, updated_at FROM period_rating WHERE period_id = ? AND person_id = ?')
    .get(periodId, personId) as RatingRow | undefined;
  return r ? ratingDto(r) : null;
}

export interface PeriodState {
  record: PeriodRecord;
  departments: UnitDto[];
  memberships: Membership[];
  ratings: Map<string, PeriodRatingDto>;
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
  const ratings = ratingsOfPeriod(db, period.id);
  return { record, departments, memberships, ratings, capStatus: computeCapStatus(record, departments, memberships, ratings) };
}

export function computeCapStatus(record: PeriodRecord, departments: readonly UnitDto[], memberships: readonly Membership[], ratings: ReadonlyMap<string, PeriodRatingDto>): PeriodCapStatusDto {
  const cap = record.year.settings.goodCap;
  const agencyBase = new Set<string>();
  const agencyDue = new Set<string>();
  const agencyMissing = new Set<string>();
  let agencyCounts: RatingCounts = emptyCounts();
  const deptStandings: CapStandingDto[] = departments.map((d) => {
    const base = new Set<string>();
    const missing = new Set<string>();
    let due = 0;
    for (const m of memberships) {
      if (m.unitId !== d.id || !m.due) continue;
      due++;
      base.add(m.person.id);
      agencyDue.add(m.person.id);
      if (!ratings.get(m.person.id)?.rating) {
        missing.add(m.person.id);
        agencyMissing.add(m.person.id);
      }
    }
    const counts = emptyCounts();
    for (const r of ratings.values()) {
      if (r.unitId !== d.id || !r.rating) continue;
      counts[r.rating]++;
      base.add(r.personId);
    }
    for (const p of base) agencyBase.add(p);
    agencyCounts = {
      good: agencyCounts.good + counts.good,
      fair: agencyCounts.fair + counts.fair,
      average: agencyCounts.average + counts.average,
      poor: agencyCounts.poor + counts.poor,
    };
    const s = capStanding(base.size, counts, cap);
    return { unitId: d.id, unitName: d.name, ...s, due, missing: missing.size, enforced: cap.enabled && cap.scope === 'department' };
  });
  const a = capStanding(agencyBase.size, agencyCounts, cap);
  return {
    enabled: cap.enabled,
    share: cap.share,
    scope: cap.scope,
    rounding: cap.rounding,
    enforcement: cap.enforcement,
    departments: deptStandings,
    agency: { unitId: record.year.dto.unitId, unitName: record.year.dto.unitName, ...a, due: agencyDue.size, missing: agencyMissing.size, enforced: cap.enabled && cap.scope === 'agency' },
  };
}
