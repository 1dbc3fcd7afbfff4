// Benchmark of the ratings grid on a large agency: 2,000 people in 20 departments (5% moved mid-year),
// grid load per department, cap status, one-cell autosave, a pasted column, and a 2,000-row batch.
// Run: npx tsx test/bench/ratings.ts
import { performance } from 'node:perf_hooks';
import { tempCore } from '../support/temp-core';
import { makeAgency, makeYear, move } from '../support/year-fixtures';
import { ratingsGrid } from '../../electron/core/ratings/grid';
import { saveRatingsBatch } from '../../electron/core/ratings/save';
import { loadPeriodState } from '../../electron/core/ratings/period-state';
import { requirePeriod } from '../../electron/core/years/year-repo';
import type { PeriodRatingValue } from '../../shared/domain/types';

function time<T>(label: string, fn: () => T, runs = 1): T {
  let out!: T;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) out = fn();
  const ms = (performance.now() - t0) / runs;
  console.log(`${label.padEnd(52)} ${ms.toFixed(1).padStart(8)} ms${runs > 1 ? `（${runs} 次平均）` : ''}`);
  return out;
}

const t = tempCore();
try {
  const names = Array.from({ length: 20 }, (_, i) => `第${i + 1}科`);
  const fx = time('setup: 20 departments × 100 people (roster services)', () => makeAgency(t.ctx, { departments: names, perDepartment: 100 }));
  const ids = Object.values(fx.people);
  time('setup: 100 mid-year moves', () => ids.slice(0, 100).forEach((id, i) => move(t.ctx, id, fx.departments[names[(i % 19) + 1]!]!, '2026-05-15')));
  const y = makeYear(t.ctx, fx.agencyId);
  const q2 = y.periods[1]!.id;
  const dept = fx.departments['第1科']!;
  const ratings: PeriodRatingValue[] = ['good', 'fair', 'fair', 'average'];
  time('grid load, one department (empty period)', () => ratingsGrid(t.ctx, { periodId: q2, unitId: dept }), 20);
  const all = ids.map((personId, i) => ({ periodId: q2, personId, rating: ratings[i % 4]!, workRecord: `第${i}号工作纪实：完成本季度重点任务`.repeat(3) }));
  time('batch save 2,000 rows (one transaction, audited)', () => saveRatingsBatch(t.ctx, all, { source: 'bench' }));
  time('same 2,000 rows again (idempotent, no writes)', () => saveRatingsBatch(t.ctx, all, { source: 'bench' }));
  time('grid load, one department (rated period)', () => ratingsGrid(t.ctx, { periodId: q2, unitId: dept }), 20);
  time('cap status, whole agency', () => loadPeriodState(t.ctx.db, requirePeriod(t.ctx.db, q2)).capStatus, 20);
  const g = ratingsGrid(t.ctx, { periodId: q2, unitId: dept });
  let flip = 0;
  time(
    'autosave one cell (optimistic check + cap + audit)',
    () => {
      const row = g.rows[flip % g.rows.length]!;
      const r = saveRatingsBatch(t.ctx, [{ periodId: q2, personId: row.personId, unitId: dept, comment: `评语${flip++}` }]);
      return r;
    },
    50,
  );
  const column = g.rows.map((r) => ({ periodId: q2, personId: r.personId, unitId: dept, rating: 'fair' as const }));
  time(`paste a column of ${column.length} ratings`, () => saveRatingsBatch(t.ctx, column));
} finally {
  t.cleanup();
}
