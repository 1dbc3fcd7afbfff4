// Benchmark: the year dashboard, the missing list and its xlsx export on 20,000 people
// (40 departments, 4 quarters, 3 of them rated at 90%, 30,000 evidence items).
// Run: npx tsx test/bench/dashboard-bench.ts
import { join } from 'node:path';
import { statSync } from 'node:fs';
import { tempCore } from '../support/temp-core';
import { insertPerson, insertRating, insertUnit, insertYear } from '../support/evidence-fixtures';
import { createEvidenceBatch } from '../../electron/core/evidence/evidence-service';
import { yearDashboard } from '../../electron/core/progress/dashboard';
import { missingRows } from '../../electron/core/progress/missing';
import { resolveYear } from '../../electron/core/progress/year-scope';
import { writeMissingXlsx } from '../../electron/core/progress/missing-export';
import { listEvidence } from '../../electron/core/evidence/evidence-query';

export async function benchDashboard(people = 20_000): Promise<Record<string, string>> {
  const t = tempCore();
  const db = t.core.db;
  const NOW = new Date('2026-11-25T02:00:00Z');
  try {
    const seedStart = performance.now();
    const agency = insertUnit(db, '基准局', null);
    const depts = Array.from({ length: 40 }, (_, i) => insertUnit(db, `第${i + 1}科`, agency, i));
    const year = insertYear(db, agency, 2026);
    const ids: string[] = [];
    db.transaction(() => {
      for (let i = 0; i < people; i++) {
        const unit = depts[i % depts.length]!;
        const id = insertPerson(db, { personNo: `P${String(i).padStart(6, '0')}`, name: `人员${i}`, unitId: unit });
        ids.push(id);
        for (let q = 0; q < 3; q++) if ((i + q) % 10 !== 0) insertRating(db, year.periodIds[q]!, id, unit, (['good', 'fair', 'fair', 'average'] as const)[(i + q) % 4]);
      }
    })();
    const kinds = [
      (p: string, i: number) => ({ personId: p, kind: 'leave', subKind: '病假', date: '2026-01-05', endDate: `2026-0${1 + (i % 6)}-2${i % 9}` }),
      (p: string) => ({ personId: p, kind: 'work', subKind: '重点任务', date: '2026-04-01', description: '完成' }),
      (p: string) => ({ personId: p, kind: 'commendation', subKind: '嘉奖', date: '2026-03-01', docNo: '奖' }),
      (p: string, i: number) => ({ personId: p, kind: 'sanction', subKind: '警告', date: `2026-0${1 + (i % 9)}-01`, docNo: '纪' }),
      (p: string) => ({ personId: p, kind: 'investigation', subKind: '立案审查调查', date: '2026-06-01' }),
    ];
    const items = Array.from({ length: Math.round(people * 1.5) }, (_, i) => kinds[i % kinds.length]!(ids[(i * 7) % ids.length]!, i));
    createEvidenceBatch(t.ctx, items, { audit: 'batch', reason: 'bench' });
    const seedMs = performance.now() - seedStart;

    const time = <T>(fn: () => T): [T, number] => {
      const s = performance.now();
      const v = fn();
      return [v, performance.now() - s];
    };
    yearDashboard(db, year.yearId, NOW); // warm the statement cache
    const runs = [0, 1, 2].map(() => time(() => yearDashboard(db, year.yearId, NOW))[1]);
    const [d] = time(() => yearDashboard(db, year.yearId, NOW));
    const scope = resolveYear(db, year.yearId, NOW)!;
    const [rows, missingMs] = time(() => missingRows(db, scope));
    const [, listMs] = time(() => listEvidence(db, { year: 2026, limit: 100 }, NOW));
    const [, searchMs] = time(() => listEvidence(db, { year: 2026, search: '人员1999', limit: 100 }, NOW));
    const file = join(t.dir, 'missing.xlsx');
    const s = performance.now();
    await writeMissingXlsx(db, scope, file);
    const exportMs = performance.now() - s;
    return {
      people: String(people),
      'evidence items': String(items.length),
      'seed (s)': (seedMs / 1000).toFixed(1),
      'dashboard (ms, best of 3)': Math.min(...runs).toFixed(0),
      'dashboard flags': String(d.flags.length),
      'missing rows': String(rows.length),
      'missing list query (ms)': missingMs.toFixed(0),
      'evidence list page of 100 (ms)': listMs.toFixed(0),
      'evidence search by name (ms)': searchMs.toFixed(0),
      'missing xlsx export (ms)': exportMs.toFixed(0),
      'missing xlsx size (KB)': (statSync(file).size / 1024).toFixed(0),
    };
  } finally {
    t.cleanup();
  }
}

if (require.main === module) {
  void benchDashboard(Number(process.argv[2] ?? 20_000)).then((r) => {
    for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(34)} ${v}`);
  });
}
