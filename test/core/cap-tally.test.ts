// The kept period state and the cap's running tallies: after every save (one cell, a batch, a
// refused over-cap save that rolls back, a move between departments) the status equals a recount
// from the store; a write by another connection or any other write on this one drops the kept state.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { tempCore, type TempCore } from '../support/temp-core';
import { makeAgency, makeYear, move, leave } from '../support/year-fixtures';
import { saveRatingsBatch } from '../../electron/core/ratings/save';
import { computeCapStatus, loadPeriodState, periodState } from '../../electron/core/ratings/period-state';
import { requirePeriod, requireYear } from '../../electron/core/years/year-repo';
import { updateSettings } from '../../electron/core/years/settings-service';
import { storeFile } from '../../electron/core/db/paths';
import { AppError } from '../../shared/result';
import type { PeriodRatingValue } from '../../shared/domain/types';

let t: TempCore | undefined;
afterEach(() => t?.cleanup());

/** A small deterministic generator, so a failure replays. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** The original whole-agency recount (computeCapStatus), independent of the tallies' code. */
function recount(t: TempCore, periodId: string) {
  const s = loadPeriodState(t.core.db, requirePeriod(t.core.db, periodId));
  return computeCapStatus(s.record, s.departments, s.memberships, s.ratings);
}

describe('cap tallies kept between saves', () => {
  for (const scope of ['department', 'agency'] as const) {
    it(`equal a recount after each of 300 random saves (${scope} cap, blocking)`, () => {
      t = tempCore();
      const fx = makeAgency(t.ctx, { departments: ['办公室', '规划科', '财务科'], perDepartment: 8 });
      const ids = Object.values(fx.people);
      const depts = Object.values(fx.departments);
      // Movers and a leaver inside Q2, so people belong to two departments and some are not due.
      move(t.ctx, ids[0]!, depts[1]!, '2026-05-10');
      move(t.ctx, ids[9]!, depts[2]!, '2026-06-01');
      leave(t.ctx, ids[17]!, '2026-05-20');
      const y = makeYear(t.ctx, fx.agencyId);
      const s = requireYear(t.core.db, y.year.id).settings;
      updateSettings(t.ctx, {
        yearId: y.year.id,
        settings: { ...s, goodCap: { ...s.goodCap, scope, enforcement: 'block' } },
      });
      const q2 = y.periods[1]!.id;
      const rnd = prng(scope === 'department' ? 7 : 11);
      const values: (PeriodRatingValue | null)[] = ['good', 'good', 'fair', 'average', 'poor', null];
      let refused = 0;
      for (let i = 0; i < 300; i++) {
        const personId = ids[Math.floor(rnd() * ids.length)]!;
        const rating = values[Math.floor(rnd() * values.length)]!;
        // Now and then a movers' rating is saved in their earlier department, or a batch of three.
        const unitId = personId === ids[0] && rnd() < 0.5 ? depts[0] : undefined;
        const rows =
          rnd() < 0.1
            ? [0, 1, 2].map((k) => ({ periodId: q2, personId: ids[(i + k) % ids.length]!, rating }))
            : [{ periodId: q2, personId, rating, ...(unitId ? { unitId } : {}) }];
        try {
          const r = saveRatingsBatch(t.ctx, rows);
          expect(r.capStatus).toEqual(recount(t, q2));
        } catch (e) {
          if (!(e instanceof AppError) || e.code !== 'QUOTA') throw e;
          refused++;
        }
        expect(periodState(t.core.db, requirePeriod(t.core.db, q2)).capStatus).toEqual(recount(t, q2));
      }
      expect(refused).toBeGreaterThan(0);
    });
  }

  it('is kept across saves: the next save and the grid reuse it, not a reload of the agency', () => {
    t = tempCore();
    const fx = makeAgency(t.ctx, { departments: ['办公室', '规划科'], perDepartment: 4 });
    const y = makeYear(t.ctx, fx.agencyId);
    const q1 = y.periods[0]!.id;
    const [a, b] = Object.values(fx.people);
    saveRatingsBatch(t.ctx, [{ periodId: q1, personId: a!, rating: 'good' }]);
    const first = periodState(t.core.db, requirePeriod(t.core.db, q1));
    // The commit also seals the changed rows into the audit chain: the state must survive that.
    saveRatingsBatch(t.ctx, [{ periodId: q1, personId: b!, rating: 'fair' }]);
    const second = periodState(t.core.db, requirePeriod(t.core.db, q1));
    expect(second).toBe(first);
    expect(second.capStatus).toEqual(recount(t, q1));
  });

  it('is dropped when another connection commits, or this one writes anything else', () => {
    t = tempCore();
    const fx = makeAgency(t.ctx, { departments: ['办公室', '规划科'], perDepartment: 4 });
    const y = makeYear(t.ctx, fx.agencyId);
    const q1 = y.periods[0]!.id;
    const [a, b] = Object.values(fx.people);
    saveRatingsBatch(t.ctx, [{ periodId: q1, personId: a!, rating: 'good' }]);
    const kept = () => periodState(t!.core.db, requirePeriod(t!.core.db, q1));
    expect(kept().capStatus.agency.good).toBe(1);
    // A job worker (its own connection) rates b: the kept state must not hide it.
    const other = new Database(storeFile(t.dir));
    try {
      other.prepare("UPDATE period_rating SET rating = 'fair' WHERE person_id = ?").run(a);
    } finally {
      other.close();
    }
    expect(kept().capStatus.agency.good).toBe(0);
    expect(kept().capStatus.agency.counts.fair).toBe(1);
    // A move on this connection (not a ratings save) changes who is due where.
    const before = kept().capStatus.departments.map((d) => d.due);
    move(t.ctx, b!, fx.departments['规划科']!, '2026-02-01');
    expect(kept().capStatus.departments.map((d) => d.due)).not.toEqual(before);
    expect(kept().capStatus).toEqual(recount(t, q1));
  });
});
