// The kept period state and the cap's running tallies: after every save (one cell, a batch, a
// refused over-cap save that rolls back, a move between departments) the status equals a recount
// from the store. A commit of this connection or of another app connection (a job worker: its seals
// name the rows) patches the kept state for the rows it changed (a move, a hire, leaving, a rating
// written by another path) and leaves it alone for unrelated rows; a write that appended no seal (a
// connection without the capture) drops it.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { tempCore, type TempCore } from '../support/temp-core';
import { addPerson, makeAgency, makeYear, move, leave } from '../support/year-fixtures';
import { writeTx } from '../../electron/core/context';
import { createEvidence } from '../../electron/core/evidence/evidence-service';
import { reinstatePerson } from '../../electron/core/roster';
import { saveRatingsBatch } from '../../electron/core/ratings/save';
import {
  allMemberships,
  computeCapStatus,
  loadPeriodState,
  periodState,
} from '../../electron/core/ratings/period-state';
import { requirePeriod, requireYear } from '../../electron/core/years/year-repo';
import { updateSettings } from '../../electron/core/years/settings-service';
import { storeFile } from '../../electron/core/db/paths';
import { openStore, type Db } from '../../electron/core/db/open';
import { AppError } from '../../shared/result';
import type { PeriodRatingValue } from '../../shared/domain/types';

let t: TempCore | undefined;
const closeAfter: Db[] = [];
afterEach(() => {
  for (const db of closeAfter.splice(0)) db.close();
  t?.cleanup();
});

/** A small deterministic generator, so a failure replays. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** The original whole-agency recount (computeCapStatus), independent of the tallies' code. */
function recount(t: TempCore, periodId: string) {
  const s = loadPeriodState(t.core.db, requirePeriod(t.core.db, periodId));
  return computeCapStatus(s.record, s.departments, allMemberships(s), s.ratings);
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

  it('is dropped when another connection commits, and follows a move made on this one', () => {
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

describe('kept state patched by the commits of this connection and of others', () => {
  /** Members of each department as the grid lists them, fresh from the store vs kept. */
  const members = (s: ReturnType<typeof loadPeriodState>) =>
    Object.fromEntries(
      s.departments.map((d) => [
        d.id,
        (s.byUnit.get(d.id) ?? []).map((m) => `${m.person.id}:${m.person.name}:${m.due}:${m.note}`).sort(),
      ]),
    );

  for (const writer of ['this connection', 'another connection (a job worker)'] as const)
    it(`follows moves, hires, leaving and ratings written by other paths on ${writer}, and stays the same object`, () => {
      t = tempCore();
      // Another app connection to the same store (as a job worker opens): its commits reach this
      // connection's kept state through the seals they append, not through this connection's feed.
      let w = t.ctx;
      if (writer !== 'this connection') {
        const db = openStore(storeFile(t.dir), { skipMigrate: true, quickCheck: false });
        closeAfter.push(db);
        w = { ...t.ctx, db };
      }
      const fx = makeAgency(t.ctx, { departments: ['办公室', '规划科', '财务科'], perDepartment: 6 });
      const ids = Object.values(fx.people);
      const depts = Object.values(fx.departments);
      const y = makeYear(t.ctx, fx.agencyId);
      const q2 = y.periods[1]!.id;
      const rnd = prng(5);
      const values: (PeriodRatingValue | null)[] = ['good', 'fair', 'average', 'poor', null];
      saveRatingsBatch(
        t.ctx,
        ids.slice(0, 10).map((personId, i) => ({ periodId: q2, personId, rating: values[i % 4]! })),
      );
      const kept = () => periodState(t!.core.db, requirePeriod(t!.core.db, q2));
      let first = kept();
      let hires = 0;
      const steps: string[] = [];
      for (let i = 0; i < 120; i++) {
        const personId = ids[Math.floor(rnd() * ids.length)]!;
        const r = rnd();
        const left = t.core.db.prepare('SELECT status FROM person WHERE id = ?').pluck().get(personId) === 'left';
        if (r < 0.25) {
          steps.push('save');
          try {
            saveRatingsBatch(w, [{ periodId: q2, personId, rating: values[Math.floor(rnd() * values.length)]! }]);
          } catch (e) {
            // Someone hired after the quarter, or gone before it: refused, and a refused save drops the state.
            if (!(e instanceof AppError)) throw e;
            first = kept();
          }
        } else if (r < 0.4 && !left) {
          steps.push('move');
          const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
          const month = ['04', '05', '06', '07'][Math.floor(rnd() * 4)]!;
          try {
            move(w, personId, depts[Math.floor(rnd() * depts.length)]!, `2026-${month}-${day}`);
          } catch (e) {
            if (!(e instanceof AppError)) throw e; // same department, or before the last move: refused
          }
        } else if (r < 0.5) {
          steps.push('leave/reinstate');
          try {
            if (left) reinstatePerson(w, { id: personId, reason: '返回' });
            else leave(w, personId, `2026-0${4 + Math.floor(rnd() * 3)}-15`);
          } catch (e) {
            if (!(e instanceof AppError)) throw e; // leaving before the hire date: refused, nothing changed
          }
        } else if (r < 0.6) {
          steps.push('hire');
          const id = addPerson(w, fx, `N${++hires}`, `新员${hires}`, '规划科', `2026-0${4 + Math.floor(rnd() * 4)}-10`);
          ids.push(id);
        } else if (r < 0.75) {
          // A rating written outside the save (as a merge or a repair would): the feed patches the tallies.
          steps.push('sql rating');
          writeTx(w, () =>
            w.db
              .prepare(
                'UPDATE period_rating SET rating = ?, updated_at = updated_at || ? WHERE period_id = ? AND person_id = ?',
              )
              .run(values[Math.floor(rnd() * 4)]!, 'x', q2, personId),
          );
        } else {
          steps.push('evidence');
          createEvidence(w, { personId, kind: 'leave', subKind: '事假', date: '2026-05-06', endDate: '2026-05-07' });
        }
        const state = kept();
        expect(state, `step ${i} (${steps.at(-1)}) reloaded the state`).toBe(first);
        const fresh = loadPeriodState(t.core.db, requirePeriod(t.core.db, q2));
        expect(state.capStatus, `step ${i} (${steps.at(-1)})`).toEqual(
          computeCapStatus(fresh.record, fresh.departments, allMemberships(fresh), fresh.ratings),
        );
        expect(members(state), `step ${i} (${steps.at(-1)})`).toEqual(members(fresh));
      }
      expect(new Set(steps).size).toBe(6);
    });
});
