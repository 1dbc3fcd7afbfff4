// The ratings grid on a 2,000-person agency (20 departments, 100 people moved mid-year): grid load and
// cap status against a bare SQL read of the same rows, a 2,000-row audited batch against a raw insert,
// one-cell autosave, a pasted column. Medians of 7 runs after a warm-up.
import { performance } from 'node:perf_hooks';
import { tempCore } from '../support/temp-core';
import { makeAgency, makeYear, move } from '../support/year-fixtures';
import { ratingsGrid } from '../../electron/core/ratings/grid';
import { saveRatingsBatch } from '../../electron/core/ratings/save';
import { loadPeriodState } from '../../electron/core/ratings/period-state';
import { requirePeriod } from '../../electron/core/years/year-repo';
import { newId } from '../../electron/core/ids';
import type { PeriodRatingValue } from '../../shared/domain/types';
import type { BenchRow } from './run';

function median(fn: () => unknown, runs = 7): number {
  fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  return xs.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export async function bench(): Promise<BenchRow[]> {
  const t = tempCore({ checkOutputs: false });
  try {
    const names = Array.from({ length: 20 }, (_, i) => `第${i + 1}科`);
    const fx = makeAgency(t.ctx, { departments: names, perDepartment: 100 });
    const ids = Object.values(fx.people);
    ids.slice(0, 100).forEach((id, i) => move(t.ctx, id, fx.departments[names[(i % 19) + 1]!]!, '2026-05-15'));
    const y = makeYear(t.ctx, fx.agencyId);
    const q2 = y.periods[1]!.id;
    const q3 = y.periods[2]!.id;
    const dept = fx.departments['第1科']!;
    const ratings: PeriodRatingValue[] = ['good', 'fair', 'fair', 'average'];
    const all = ids.map((personId, i) => ({
      periodId: q2,
      personId,
      rating: ratings[i % 4],
      workRecord: `第${i}号工作纪实：完成本季度重点任务。`.repeat(3),
    }));

    let t0 = performance.now();
    saveRatingsBatch(t.ctx, all, { source: 'bench' });
    const batchMs = performance.now() - t0;
    // Floor: the same 2,000 rows by a bare prepared INSERT in one transaction (no checks, no audit).
    const ins = t.core.db.prepare(
      `INSERT INTO period_rating (id, period_id, person_id, unit_id, work_record, rating, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, 'x', 'x', 'x', 'x')`,
    );
    const unitOf = new Map(
      (t.core.db.prepare('SELECT id, unit_id FROM person').all() as { id: string; unit_id: string }[]).map((r) => [
        r.id,
        r.unit_id,
      ]),
    );
    t0 = performance.now();
    t.core.db.transaction(() =>
      all.forEach((r) => ins.run(newId(), q3, r.personId, unitOf.get(r.personId), r.workRecord, r.rating)),
    )();
    const rawMs = performance.now() - t0;
    t0 = performance.now();
    saveRatingsBatch(t.ctx, all, { source: 'bench' });
    const againMs = performance.now() - t0;

    const gridMs = median(() => ratingsGrid(t.ctx, { periodId: q2, unitId: dept }));
    const sqlMs = median(() => {
      t.core.db.prepare('SELECT * FROM person').all();
      t.core.db.prepare('SELECT * FROM person_move').all();
      t.core.db.prepare('SELECT * FROM period_rating WHERE period_id = ?').all(q2);
    });
    const capMs = median(() => loadPeriodState(t.ctx.db, requirePeriod(t.ctx.db, q2)).capStatus);
    const g = ratingsGrid(t.ctx, { periodId: q2, unitId: dept });
    let n = 0;
    const cellMs = median(
      () =>
        saveRatingsBatch(t.ctx, [
          { periodId: q2, personId: g.rows[n % g.rows.length]!.personId, unitId: dept, comment: `评语${n++}` },
        ]),
      21,
    );
    const column = g.rows.map((r, i) => ({
      periodId: q2,
      personId: r.personId,
      unitId: dept,
      rating: i % 2 ? ('fair' as const) : ('average' as const),
    }));
    const pasteMs = median(() => {
      column.forEach((c) => (c.rating = c.rating === 'fair' ? 'average' : 'fair'));
      saveRatingsBatch(t.ctx, column);
    });
    return [
      {
        name: 'ratings.grid, one department of a 2,000-person agency',
        ours: gridMs,
        floor: sqlMs,
        unit: 'ms',
        note: 'floor: SELECT * of person, person_move and the period ratings',
      },
      {
        name: 'cap status, whole agency (20 departments)',
        ours: capMs,
        floor: sqlMs,
        unit: 'ms',
        note: 'membership from person_move + cap maths',
      },
      {
        name: 'saveRatingsBatch 2,000 rows (checked, audited, one tx)',
        ours: batchMs,
        floor: rawMs,
        unit: 'ms',
        note: 'floor: bare prepared INSERT of the same rows in one tx',
      },
      {
        name: 'same 2,000 rows again (idempotent: no writes)',
        ours: againMs,
        unit: 'ms',
        note: 'every row compared, nothing written',
      },
      {
        name: 'autosave one cell (optimistic check + cap + audit)',
        ours: cellMs,
        unit: 'ms',
        note: 'recomputes the whole agency cap each save',
      },
      {
        name: `paste a column of ${column.length} ratings`,
        ours: pasteMs,
        unit: 'ms',
        note: 'one transaction, one audit row per changed cell',
      },
    ];
  } finally {
    t.cleanup();
  }
}
