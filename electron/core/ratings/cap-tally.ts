// The cap standing of one period kept as running tallies, so that saving one cell adjusts the
// counts of the one or two departments it touches instead of recounting the agency. Built once
// from the period's memberships and ratings (the same rules computeCapStatus always applied):
// a department's base is the people due there plus whoever it rated; "missing" counts a due
// person with no rating anywhere; the agency's base is the union of the departments' bases.
import type { UnitDto } from '../../../shared/domain/records';
import { capStanding, emptyCounts, type RatingCounts } from '../../../shared/ratings/cap';
import type { CapStandingDto, PeriodCapStatusDto } from '../../../shared/api/years';
import type { PeriodRecord } from '../years/year-repo';
import type { Membership } from './membership';
import type { RatingLite } from './rating-lite';

interface UnitTally {
  /** person → why they are in the base: due here (1), rated here (2), both (3) */
  base: Map<string, number>;
  due: number;
  missing: number;
  counts: RatingCounts;
}

const DUE = 1;
const RATED = 2;

export class CapTally {
  private readonly units = new Map<string, UnitTally>();
  /** person → the units they are due in (usually one) */
  private readonly dueUnits = new Map<string, string[]>();
  /** person → in how many unit bases (the agency base is the people with at least one) */
  private readonly inBases = new Map<string, number>();
  private agencyMissing = 0;
  private readonly listed: Set<string>;
  /** a rating kept under a unit that is not one of the departments (it counts in no base) */
  private strays = false;

  constructor(
    private readonly record: PeriodRecord,
    private readonly departments: readonly UnitDto[],
    memberships: readonly Membership[],
    ratings: ReadonlyMap<string, RatingLite>,
  ) {
    this.listed = new Set(departments.map((d) => d.id));
    for (const m of memberships) {
      if (!m.due) continue;
      const list = this.dueUnits.get(m.person.id);
      if (list) list.push(m.unitId);
      else this.dueUnits.set(m.person.id, [m.unitId]);
      const u = this.unit(m.unitId);
      u.due++;
      this.addReason(u, m.person.id, DUE);
    }
    for (const [personId, units] of this.dueUnits) {
      if (ratings.get(personId)?.rating) continue;
      for (const id of units) this.unit(id).missing++;
      this.agencyMissing++;
    }
    for (const r of ratings.values()) {
      if (!r.rating) continue;
      const u = this.unit(r.unitId);
      u.counts[r.rating]++;
      this.addReason(u, r.personId, RATED);
    }
  }

  private unit(id: string): UnitTally {
    let u = this.units.get(id);
    if (!u) {
      this.units.set(id, (u = { base: new Map(), due: 0, missing: 0, counts: emptyCounts() }));
      if (!this.listed.has(id)) this.strays = true;
    }
    return u;
  }

  private addReason(u: UnitTally, personId: string, reason: number): void {
    const had = u.base.get(personId) ?? 0;
    if (had & reason) return;
    u.base.set(personId, had | reason);
    if (had === 0) this.inBases.set(personId, (this.inBases.get(personId) ?? 0) + 1);
  }

  private dropReason(u: UnitTally, personId: string, reason: number): void {
    const had = u.base.get(personId) ?? 0;
    if (!(had & reason)) return;
    const left = had & ~reason;
    if (left) u.base.set(personId, left);
    else {
      u.base.delete(personId);
      const n = (this.inBases.get(personId) ?? 1) - 1;
      if (n > 0) this.inBases.set(personId, n);
      else this.inBases.delete(personId);
    }
  }

  /** One person's rating went from `before` to `after` (either may be absent or unrated). */
  apply(personId: string, before: RatingLite | undefined, after: RatingLite | undefined): void {
    if (before?.rating) {
      const u = this.unit(before.unitId);
      u.counts[before.rating]--;
      this.dropReason(u, personId, RATED);
    }
    if (after?.rating) {
      const u = this.unit(after.unitId);
      u.counts[after.rating]++;
      this.addReason(u, personId, RATED);
    }
    const wasRated = !!before?.rating;
    const isRated = !!after?.rating;
    const due = this.dueUnits.get(personId);
    if (wasRated !== isRated && due) {
      const delta = isRated ? -1 : 1;
      for (const id of due) this.unit(id).missing += delta;
      this.agencyMissing += delta;
    }
  }

  /** The status the grid and the save return; costs one step per department. */
  status(): PeriodCapStatusDto {
    return capStatusDto(
      this.record,
      this.departments,
      (id) => {
        const u = this.units.get(id);
        return u ? { base: u.base.size, due: u.due, missing: u.missing, counts: u.counts } : undefined;
      },
      { base: this.agencyBase(), due: this.dueUnits.size, missing: this.agencyMissing },
    );
  }

  /**
   * A person's departments in the period changed (a move, a hire or leaving date, a new person):
   * `before` and `after` are the units they are due in; `rated` whether they have a rating.
   */
  moveDue(personId: string, before: readonly string[], after: readonly string[], rated: boolean): void {
    if (before.length) {
      for (const id of before) {
        const u = this.unit(id);
        u.due--;
        if (!rated) u.missing--;
        this.dropReason(u, personId, DUE);
      }
      if (!rated) this.agencyMissing--;
      this.dueUnits.delete(personId);
    }
    if (after.length) {
      for (const id of after) {
        const u = this.unit(id);
        u.due++;
        if (!rated) u.missing++;
        this.addReason(u, personId, DUE);
      }
      if (!rated) this.agencyMissing++;
      this.dueUnits.set(personId, [...after]);
    }
  }

  /** People in the base of at least one of the agency's departments. */
  private agencyBase(): number {
    if (!this.strays) return this.inBases.size;
    // Ratings saved under a unit that is no longer one of the departments count in no base.
    const people = new Set<string>();
    for (const [id, u] of this.units) if (this.listed.has(id)) for (const p of u.base.keys()) people.add(p);
    return people.size;
  }
}

/** One scope's figures before the cap maths: people in its base, due, due but unrated, and the counts. */
export interface ScopeFigures {
  base: number;
  due: number;
  missing: number;
  counts: RatingCounts;
}

/**
 * The cap-status DTO from each department's figures (undefined: nobody there) and the agency's:
 * the one place it is built, for the running tallies and for the recount the tests compare them with.
 */
export function capStatusDto(
  record: PeriodRecord,
  departments: readonly UnitDto[],
  figuresOf: (unitId: string) => ScopeFigures | undefined,
  agency: Omit<ScopeFigures, 'counts'>,
): PeriodCapStatusDto {
  const cap = record.year.settings.goodCap;
  const agencyCounts = emptyCounts();
  const deptStandings: CapStandingDto[] = departments.map((d) => {
    const u = figuresOf(d.id) ?? { base: 0, due: 0, missing: 0, counts: emptyCounts() };
    for (const k of Object.keys(agencyCounts) as (keyof RatingCounts)[]) agencyCounts[k] += u.counts[k];
    return {
      unitId: d.id,
      unitName: d.name,
      ...capStanding(u.base, { ...u.counts }, cap),
      due: u.due,
      missing: u.missing,
      enforced: cap.enabled && cap.scope === 'department',
    };
  });
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
      ...capStanding(agency.base, agencyCounts, cap),
      due: agency.due,
      missing: agency.missing,
      enforced: cap.enabled && cap.scope === 'agency',
    },
  };
}
