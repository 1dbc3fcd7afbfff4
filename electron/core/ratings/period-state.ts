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
import { CapTally } from './cap-tally';
import type { RatingLite } from './rating-lite';

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
  /** the cap's running tallies: a save adjusts them for the cells it changed */
  tally: CapTally;
  /** each person's memberships, built on first use (a save looks up its rows' departments) */
  places?: Map<string, Membership[]>;
}

/**
 * The period's state, read fresh (the caller may change it, e.g. a save that may still roll back).
 * Readers use periodState, which keeps it while the store is unchanged.
 */
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
  const tally = new CapTally(record, departments, memberships, ratings);
  return { record, departments, memberships, ratings, tally, capStatus: tally.status() };
}

// Period states kept per connection, keyed by the store's change counters: PRAGMA data_version moves
// when another connection (a job worker, the CLI) commits, total_changes() when this one writes.
// Any write but the ratings save (which keeps the state up to date itself) therefore drops them.
const KEPT_PERIODS = 4;
const kept = new WeakMap<Db, Map<string, { key: string; state: PeriodState }>>();

function storeKey(db: Db): string {
  const version = stmt(db, 'PRAGMA data_version').pluck().get() as number;
  const changes = stmt(db, 'SELECT total_changes()').pluck().get() as number;
  return `${version}:${changes}`;
}

/** The period's state, shared while the store is unchanged: callers must not modify it. */
export function periodState(db: Db, record: PeriodRecord): PeriodState {
  let byPeriod = kept.get(db);
  if (!byPeriod) kept.set(db, (byPeriod = new Map<string, { key: string; state: PeriodState }>()));
  const key = storeKey(db);
  const hit = byPeriod.get(record.period.id);
  if (hit && hit.key === key) {
    // Most recently used last, so the oldest is the one dropped.
    byPeriod.delete(record.period.id);
    byPeriod.set(record.period.id, hit);
    return hit.state;
  }
  const state = loadPeriodState(db, record);
  byPeriod.delete(record.period.id);
  byPeriod.set(record.period.id, { key, state });
  while (byPeriod.size > KEPT_PERIODS) byPeriod.delete(byPeriod.keys().next().value!);
  return state;
}

/**
 * After a ratings save committed by this connection: the state it updated is the store's again.
 * Inside an outer transaction (which may still roll back) the state is dropped instead.
 */
export function keepPeriodState(db: Db, state: PeriodState, ownTransaction: boolean): void {
  const byPeriod = kept.get(db);
  if (!byPeriod) return;
  if (ownTransaction) byPeriod.set(state.record.period.id, { key: storeKey(db), state });
  else byPeriod.delete(state.record.period.id);
}

/** Drops every kept state of this connection (a restore replaced the store under it; a failed save). */
export function forgetPeriodStates(db: Db, periodId?: string): void {
  if (periodId) kept.get(db)?.delete(periodId);
  else kept.delete(db);
}

/** The cap status recounted from scratch (tests compare the running tallies against it). */
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
