// Everything about one period of one agency that the grid, the cap check and the review read:
// departments, who belongs where (from person_move), the saved ratings and each scope's cap standing.
// Kept per connection between calls and patched by each commit for the rows it changed (a rating,
// a person, a move) — this connection's or another's (a job worker, the command line) — so a
// one-cell save after another change still costs its own rows.
import type { PeriodRatingDto, UnitDto } from '../../../shared/domain/records';
import type { PeriodRatingValue } from '../../../shared/domain/types';
import { emptyCounts, type RatingCounts } from '../../../shared/ratings/cap';
import type { PeriodCapStatusDto } from '../../../shared/api/years';
import type { Db } from '../db/open';
import { followOtherConnections, onCommit, storeKey, type Commit } from '../db/change-feed';
import { ratingUnitsOf, type PeriodRecord } from '../years/year-repo';
import { loadMemberships, placePerson, type Membership } from './membership';
import { CapTally, capStatusDto } from './cap-tally';
import type { RatingLite } from './rating-lite';
import { column, many, one } from '../db/query';

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
  const rows = many<RatingLite>(
    db,
    'SELECT id, person_id AS personId, unit_id AS unitId, rating, updated_at AS updatedAt FROM period_rating WHERE period_id = ?',
    periodId,
  );
  return new Map(rows.map((r) => [r.personId, r]));
}

/** Full rows of the people a grid page shows (its members, and whoever its department rated). */
export function ratingsForGrid(db: Db, periodId: string, personIds: readonly string[]): Map<string, PeriodRatingDto> {
  const rows = many<RatingRow>(
    db,
    `SELECT id, period_id, person_id, unit_id, work_record, self_assessment, rating, comment, rater, updated_at FROM period_rating
      WHERE period_id = @periodId AND person_id IN (SELECT value FROM json_each(@ids))`,
    { periodId, ids: JSON.stringify(personIds) },
  );
  return new Map(rows.map((r) => [r.person_id, ratingDto(r)]));
}

export function findRating(db: Db, periodId: string, personId: string): PeriodRatingDto | null {
  const r = one<RatingRow>(
    db,
    'SELECT id, period_id, person_id, unit_id, work_record, self_assessment, rating, comment, rater, updated_at FROM period_rating WHERE period_id = ? AND person_id = ?',
    periodId,
    personId,
  );
  return r ? ratingDto(r) : null;
}

export interface PeriodState {
  record: PeriodRecord;
  departments: UnitDto[];
  /** each person's departments in the period (usually one; two for a mover) */
  byPerson: Map<string, Membership[]>;
  /** each department's members in the period */
  byUnit: Map<string, Membership[]>;
  ratings: Map<string, RatingLite>;
  capStatus: PeriodCapStatusDto;
  /** the cap's running tallies: a save adjusts them for the cells it changed */
  tally: CapTally;
}

/** Every membership of the period (person by person). */
export function allMemberships(state: PeriodState): Membership[] {
  return [...state.byPerson.values()].flat();
}

function indexMemberships(memberships: readonly Membership[]): Pick<PeriodState, 'byPerson' | 'byUnit'> {
  const byPerson = new Map<string, Membership[]>();
  const byUnit = new Map<string, Membership[]>();
  for (const m of memberships) {
    (byPerson.get(m.person.id) ?? byPerson.set(m.person.id, []).get(m.person.id)!).push(m);
    (byUnit.get(m.unitId) ?? byUnit.set(m.unitId, []).get(m.unitId)!).push(m);
  }
  return { byPerson, byUnit };
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
  return { record, departments, ...indexMemberships(memberships), ratings, tally, capStatus: tally.status() };
}

// Period states kept per connection, keyed by the store key (db/change-feed.ts). A commit of this
// connection or another one patches them for the rows it changed; any change the feed cannot name
// drops them.
const KEPT_PERIODS = 4;
const kept = new WeakMap<Db, Map<string, { key: string; state: PeriodState }>>();

/** The period's state, shared while the store is unchanged: callers must not modify it. */
export function periodState(db: Db, record: PeriodRecord): PeriodState {
  let byPeriod = kept.get(db);
  if (!byPeriod) kept.set(db, (byPeriod = new Map<string, { key: string; state: PeriodState }>()));
  // A job worker's or the command line's commits patch the kept states too (their seals name the rows).
  followOtherConnections(db);
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

/** Tables the state is read from that a patch cannot follow: a change to one drops every state. */
const RELOAD_ON = new Set(['unit', 'assessment_year', 'period']);
/** More changed people or ratings than this in one commit (an import): reload on next use instead. */
const PATCH_LIMIT = 2000;

onCommit({
  drop: (db) => kept.delete(db),
  holds: (db) => (kept.get(db)?.size ?? 0) > 0,
  commit: (db, commit) => {
    const byPeriod = kept.get(db);
    if (!byPeriod || byPeriod.size === 0) return;
    if (!patchable(commit)) {
      kept.delete(db);
      return;
    }
    for (const [periodId, entry] of byPeriod) {
      if (entry.key !== commit.before || !patchState(db, entry.state, commit)) byPeriod.delete(periodId);
      else entry.key = commit.after;
    }
  },
});

function patchable(commit: Commit): boolean {
  if (!commit.rows) return false;
  let n = 0;
  for (const r of commit.rows) {
    if (RELOAD_ON.has(r.table)) return false;
    if ((r.table === 'period_rating' || r.table === 'person' || r.table === 'person_move') && ++n > PATCH_LIMIT)
      return false;
  }
  return true;
}

const keyOf = (key: string) => (JSON.parse(key) as unknown[])[0] as string;

/** Applies one commit's ratings, people and moves to a kept state; false when it cannot (drop it). */
function patchState(db: Db, state: PeriodState, commit: Commit): boolean {
  const rows = commit.rows!;
  const ratingIds = rows.filter((r) => r.table === 'period_rating').map((r) => keyOf(r.key));
  const people = new Set(rows.filter((r) => r.table === 'person').map((r) => keyOf(r.key)));
  const moveIds = rows.filter((r) => r.table === 'person_move').map((r) => keyOf(r.key));
  if (moveIds.length) {
    const movers = column<string>(
      db,
      'SELECT person_id FROM person_move WHERE id IN (SELECT value FROM json_each(?))',
      JSON.stringify(moveIds),
    );
    // A deleted move names nobody any more: who it moved is unknown, so the state is read again.
    if (movers.length < new Set(moveIds).size) return false;
    for (const p of movers) people.add(p);
  }
  let changed = false;
  for (const personId of people) changed = patchPerson(db, state, personId) || changed;
  if (ratingIds.length) changed = patchRatings(db, state, ratingIds) || changed;
  if (changed) state.capStatus = state.tally.status();
  return true;
}

/** Places one person again (their row or moves changed) and moves their due count between units. */
function patchPerson(db: Db, state: PeriodState, personId: string): boolean {
  const { period } = state.record;
  const before = state.byPerson.get(personId) ?? [];
  const wanted = new Set(state.departments.map((d) => d.id));
  const after = placePerson(db, personId, period.startDate, period.endDate).filter((m) => wanted.has(m.unitId));
  if (before.length === 0 && after.length === 0) return false;
  for (const m of before) {
    const list = state.byUnit.get(m.unitId);
    if (list)
      state.byUnit.set(
        m.unitId,
        list.filter((x) => x.person.id !== personId),
      );
  }
  for (const m of after) (state.byUnit.get(m.unitId) ?? state.byUnit.set(m.unitId, []).get(m.unitId)!).push(m);
  if (after.length) state.byPerson.set(personId, after);
  else state.byPerson.delete(personId);
  const due = (list: readonly Membership[]) => list.filter((m) => m.due).map((m) => m.unitId);
  state.tally.moveDue(personId, due(before), due(after), !!state.ratings.get(personId)?.rating);
  return true;
}

/** Reads the changed ratings again and moves the tallies by the difference (a rating may also change hands: a merge). */
function patchRatings(db: Db, state: PeriodState, ids: readonly string[]): boolean {
  const periodId = state.record.period.id;
  const rows = many<RatingLite & { periodId: string }>(
    db,
    'SELECT id, period_id AS periodId, person_id AS personId, unit_id AS unitId, rating, updated_at AS updatedAt FROM period_rating WHERE id IN (SELECT value FROM json_each(?))',
    JSON.stringify(ids),
  );
  const found = new Map(rows.map((r) => [r.id, r]));
  // Whose rating an id was, built only when a row is not where the state had it (a new or moved rating).
  let owners = null as Map<string, string> | null;
  const ownerOf = (id: string) => (owners ??= new Map([...state.ratings].map(([p, r]) => [r.id, p]))).get(id);
  let changed = false;
  for (const id of new Set(ids)) {
    const r = found.get(id);
    const mine = r && r.periodId === periodId ? r : undefined;
    const holder = mine && state.ratings.get(mine.personId)?.id === id ? mine.personId : ownerOf(id);
    const before = holder ? state.ratings.get(holder) : undefined;
    if (mine && holder === mine.personId) {
      // The save already applied its own rows to the state it keeps: the same row again changes nothing.
      const same =
        before!.updatedAt === mine.updatedAt && before!.unitId === mine.unitId && before!.rating === mine.rating;
      if (same) continue;
    }
    if (holder && holder !== mine?.personId) {
      state.tally.apply(holder, before, undefined);
      state.ratings.delete(holder);
      owners?.delete(id);
      changed = true;
    }
    if (mine) {
      const after: RatingLite = {
        id,
        personId: mine.personId,
        unitId: mine.unitId,
        rating: mine.rating,
        updatedAt: mine.updatedAt,
      };
      state.tally.apply(mine.personId, state.ratings.get(mine.personId), after);
      state.ratings.set(mine.personId, after);
      owners?.set(id, mine.personId);
      changed = true;
    }
  }
  return changed;
}

/** The cap status recounted from scratch (tests compare the running tallies against it). */
export function computeCapStatus(
  record: PeriodRecord,
  departments: readonly UnitDto[],
  memberships: readonly Membership[],
  ratings: ReadonlyMap<string, RatingLite>,
): PeriodCapStatusDto {
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
  for (const d of departments) for (const p of perUnit.get(d.id)?.base ?? []) agencyBase.add(p);
  return capStatusDto(
    record,
    departments,
    (id) => {
      const u = perUnit.get(id);
      return u && { base: u.base.size, due: u.due, missing: u.missing, counts: u.counts };
    },
    { base: agencyBase.size, due: agencyDue.size, missing: agencyMissing.size },
  );
}
