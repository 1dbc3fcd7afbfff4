// The year dashboard, the missing list and its xlsx export on 20,000 people (40 departments,
// 4 quarters, 3 rated at 90%, 30,000 evidence items). Floors: one bare grouped SQL count over the
// same person × period join (SQLite's own speed), and exceljs streaming the same rows unstyled.
// The export runs as a worker job: the main thread's longest stall meanwhile is measured too.
// Run alone: npm run bench -- dashboard
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { tempCore } from '../support/temp-core';
import { insertPerson, insertRating, insertUnit, insertYear } from '../support/evidence-fixtures';
import { createEvidenceBatch } from '../../electron/core/evidence/evidence-service';
import { yearDashboard } from '../../electron/core/progress/dashboard';
import { missingRows } from '../../electron/core/progress/missing';
import { resolveYear } from '../../electron/core/progress/year-scope';
import { writeMissingXlsx } from '../../electron/core/progress/missing-export';
import { listEvidence } from '../../electron/core/evidence/evidence-query';
import type { BenchRow } from './run';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 20_000);
const NOW = new Date('2026-11-25T02:00:00Z');

function best(fn: () => unknown, runs = 5): number {
  fn(); // warm: statements prepared, pages cached
  let b = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    b = Math.min(b, performance.now() - t0);
  }
  return b;
}

export async function bench(): Promise<BenchRow[]> {
  const t = tempCore({ checkOutputs: false, now: () => NOW });
  const db = t.core.db;
  try {
    const agency = insertUnit(db, '基准局', null);
    const depts = Array.from({ length: 40 }, (_, i) => insertUnit(db, `第${i + 1}科`, agency, i));
    const year = insertYear(db, agency, 2026);
    const ids: string[] = [];
    db.transaction(() => {
      for (let i = 0; i < PEOPLE; i++) {
        const unit = depts[i % depts.length]!;
        const id = insertPerson(db, { personNo: `P${String(i).padStart(6, '0')}`, name: `人员${i}`, unitId: unit });
        ids.push(id);
        for (let q = 0; q < 3; q++)
          if ((i + q) % 10 !== 0)
            insertRating(
              db,
              year.periodIds[q]!,
              id,
              unit,
              (['good', 'fair', 'fair', 'average'] as const)[(i + q) % 4]!,
            );
      }
    })();
    const kinds = [
      (p: string, i: number) => ({
        personId: p,
        kind: 'leave',
        subKind: '病假',
        date: '2026-01-05',
        endDate: `2026-0${1 + (i % 6)}-2${i % 9}`,
      }),
      (p: string) => ({ personId: p, kind: 'work', subKind: '重点任务', date: '2026-04-01', description: '完成' }),
      (p: string) => ({ personId: p, kind: 'commendation', subKind: '嘉奖', date: '2026-03-01', docNo: '奖' }),
      (p: string, i: number) => ({
        personId: p,
        kind: 'sanction',
        subKind: '警告',
        date: `2026-0${1 + (i % 9)}-01`,
        docNo: '纪',
      }),
      (p: string) => ({ personId: p, kind: 'investigation', subKind: '立案审查调查', date: '2026-06-01' }),
    ];
    const items = Array.from({ length: Math.round(PEOPLE * 1.5) }, (_, i) =>
      kinds[i % kinds.length]!(ids[(i * 7) % ids.length]!, i),
    );
    const b0 = performance.now();
    createEvidenceBatch(t.ctx, items, { audit: 'batch', reason: 'bench' });
    const batchMs = performance.now() - b0;

    const dash = best(() => yearDashboard(db, year.yearId, NOW));
    const floorSql = db.prepare(
      `SELECT p.unit_id, pr.id, COUNT(*), COUNT(r.rating) FROM period pr JOIN person p LEFT JOIN period_rating r ON r.period_id = pr.id AND r.person_id = p.id
       WHERE pr.year_id = ? GROUP BY p.unit_id, pr.id`,
    );
    const floor = best(() => floorSql.all(year.yearId));
    const scope = resolveYear(db, year.yearId, NOW)!;
    const rows = missingRows(db, scope);
    const missingMs = best(() => missingRows(db, scope), 3);
    const listMs = best(() => listEvidence(db, { year: 2026, limit: 100 }, NOW));
    const searchMs = best(() => listEvidence(db, { year: 2026, search: '人员1999', limit: 100 }, NOW));

    const file = join(t.dir, 'missing.xlsx');
    const e0 = performance.now();
    await writeMissingXlsx(db, scope, file);
    const exportMs = performance.now() - e0;
    const f0 = performance.now();
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(t.dir, 'floor.xlsx') });
    const ws = wb.addWorksheet('x');
    rows.forEach((r, i) =>
      ws.addRow([i + 1, r.unitName, r.personNo, r.name, `${r.periodCode} ${r.periodLabel}`, '未评定']).commit(),
    );
    ws.commit();
    await wb.commit();
    const exportFloor = performance.now() - f0;

    // The same export as the window runs it: a worker job, while the main thread ticks every 5 ms.
    let last = performance.now();
    let stall = 0;
    const tick = setInterval(() => {
      const now = performance.now();
      stall = Math.max(stall, now - last - 5);
      last = now;
    }, 5);
    const j0 = performance.now();
    await t.core.jobs.run(
      'progress.exportMissing',
      { yearId: year.yearId, path: join(t.dir, 'job.xlsx') },
      t.ctx.operator,
    );
    const jobMs = performance.now() - j0;
    clearInterval(tick);

    return [
      {
        name: `createEvidenceBatch ${items.length} items (one tx)`,
        ours: items.length / (batchMs / 1000),
        unit: 'rows/s',
        note: 'validated per kind, year lock checked, one audit entry',
      },
      {
        name: `progress.dashboard ${PEOPLE} people`,
        ours: dash,
        floor,
        unit: 'ms',
        note: 'best of 5; floor = one bare grouped COUNT over person × period ⋈ rating',
      },
      {
        name: `missing list (${rows.length} rows)`,
        ours: missingMs,
        unit: 'ms',
        note: 'all rows, department → period → 人员编号',
      },
      {
        name: 'evidence.list page of 100 (year)',
        ours: listMs,
        unit: 'ms',
        note: 'with computed periods and leave totals',
      },
      { name: 'evidence.list search by name', ours: searchMs, unit: 'ms', note: 'LIKE on name / 人员编号' },
      {
        name: `missing xlsx export (${rows.length} rows)`,
        ours: exportMs,
        floor: exportFloor,
        unit: 'ms',
        note: 'styled, title, per-department sheet; floor = exceljs streaming the same rows unstyled',
      },
      {
        name: 'missing xlsx as a worker job',
        ours: jobMs,
        unit: 'ms',
        note: `main thread's longest stall meanwhile ${stall.toFixed(0)} ms`,
      },
    ];
  } finally {
    t.cleanup();
  }
}
