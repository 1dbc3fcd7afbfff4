// Year end at 20,000 people in one agency: reading the year's records (raw SQL = the floor), the
// engine's suggestions + traces + quotas, both modes, the workbench call and loadYearResults.
import { dispatch } from '../../electron/core/api/dispatch';
import { evaluateStoredYear } from '../../electron/core/yearend/evaluate';
import { writeTx } from '../../electron/core/context';
import { openStore } from '../../electron/core/db/open';
import { storeFile } from '../../electron/core/db/paths';
import { createEvidence } from '../../electron/core/evidence/evidence-service';
import { gatherYearInputs } from '../../electron/core/yearend/gather';
import { loadYearResults } from '../../electron/core/yearend/results';
import { evaluateYear } from '../../shared/rules';
import { tempCore } from '../support/temp-core';
import { seedLargeYear } from '../support/yearend-fixtures';
import type { BenchRow } from './run';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 20_000);
const REPEAT = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timeIt(fn: () => unknown, warm = true): Promise<number> {
  if (warm) await fn();
  const xs: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

export async function bench(): Promise<BenchRow[]> {
  const t = tempCore({ checkOutputs: false });
  try {
    const t0 = performance.now();
    const y = seedLargeYear(t.ctx, PEOPLE);
    const seedMs = performance.now() - t0;
    const db = t.core.db;
    const agency = y.agencyId;
    // the floor: the same rows the gatherer reads, fetched by bare SELECTs with no processing
    const tree = `WITH RECURSIVE tree(id) AS (SELECT ? UNION ALL SELECT u.id FROM unit u JOIN tree t ON u.parent_id = t.id)`;
    const raw = [
      db.prepare(
        `${tree} SELECT p.*, u.name FROM person p JOIN unit u ON u.id = p.unit_id JOIN tree t ON t.id = p.unit_id`,
      ),
      db.prepare(
        `${tree} SELECT pr.id, pr.person_id, pe.code, pe.seq, pe.review_status, pr.rating FROM period_rating pr JOIN person p ON p.id = pr.person_id JOIN tree t ON t.id = p.unit_id JOIN period pe ON pe.id = pr.period_id`,
      ),
      db.prepare(
        `${tree} SELECT e.* FROM evidence e JOIN person p ON p.id = e.person_id JOIN tree t ON t.id = p.unit_id WHERE e.status = 'active'`,
      ),
      db.prepare(
        `${tree} SELECT h.* FROM history_grade h JOIN person p ON p.id = h.person_id JOIN tree t ON t.id = p.unit_id`,
      ),
    ];
    const floor = await timeIt(() => raw.map((s) => s.all(agency)));
    const gather = await timeIt(() => gatherYearInputs(db, y.yearId));
    const inputs = gatherYearInputs(db, y.yearId);
    const settings = inputs.year.settings;
    const engine = await timeIt(() =>
      evaluateYear({ year: 2026, today: '2026-11-25', settings, people: inputs.inputs }),
    );
    const points = { ...settings, suggestion: { ...settings.suggestion, mode: 'points' as const } };
    const engineP = await timeIt(() =>
      evaluateYear({ year: 2026, today: '2026-11-25', settings: points, people: inputs.inputs }),
    );
    // cold = a write just happened, so the per-connection cache is invalid
    const bump = () => db.prepare(`UPDATE app_meta SET value = value WHERE key = 'nothing'`).run();
    const stored = await timeIt(() => {
      db.prepare(`INSERT OR REPLACE INTO app_meta (key, value) VALUES ('bench-bump', ?)`).run(String(Math.random()));
      return evaluateStoredYear(t.ctx, y.yearId);
    });
    bump();
    // warm, then one change through writeTx: the change feed marks that person, the next call
    // re-reads and re-evaluates only them (the quota and points passes still run over the year)
    evaluateStoredYear(t.ctx, y.yearId);
    const someone = db.prepare('SELECT id FROM person ORDER BY person_no LIMIT 60').pluck().all() as string[];
    let c = 0;
    const afterRating = await timeIt(() => {
      writeTx(t.ctx, () =>
        db
          .prepare(
            "UPDATE period_rating SET rating = CASE rating WHEN 'good' THEN 'fair' ELSE 'good' END, updated_at = ? WHERE person_id = ? AND rating IS NOT NULL",
          )
          .run(`b${c}`, someone[c++ % someone.length]),
      );
      return evaluateStoredYear(t.ctx, y.yearId);
    });
    const afterSanction = await timeIt(() => {
      createEvidence(t.ctx, {
        personId: someone[c++ % someone.length],
        kind: 'sanction',
        subKind: '警告',
        date: '2026-06-01',
        docNo: `纪〔2026〕${c}号`,
      });
      return evaluateStoredYear(t.ctx, y.yearId);
    });
    // A job worker's import on its own connection: 100 people's ratings in one commit. The seals it
    // appended name the rows, so this connection re-reads those 100 people, not the year.
    const worker = openStore(storeFile(t.dir), { skipMigrate: true, quickCheck: false });
    const hundred = db
      .prepare('SELECT id FROM person ORDER BY person_no LIMIT 100 OFFSET 100')
      .pluck()
      .all() as string[];
    let afterImport: number;
    try {
      const xs: number[] = [];
      for (let i = 0; i <= REPEAT; i++) {
        writeTx({ ...t.ctx, db: worker }, () => {
          const upd = worker.prepare(
            "UPDATE period_rating SET rating = CASE rating WHEN 'good' THEN 'fair' ELSE 'good' END, updated_at = ? WHERE person_id = ? AND rating IS NOT NULL",
          );
          for (const id of hundred) upd.run(`w${i}`, id);
        });
        const t2 = performance.now();
        evaluateStoredYear(t.ctx, y.yearId);
        if (i > 0) xs.push(performance.now() - t2);
      }
      afterImport = median(xs);
    } finally {
      worker.close();
    }
    const session = t.session;
    const wbCold = await timeIt(async () => {
      db.prepare(`INSERT OR REPLACE INTO app_meta (key, value) VALUES ('bench-bump', ?)`).run(String(Math.random()));
      const r = await dispatch(t.core, session, 'yearend.workbench', { yearId: y.yearId, limit: 50 });
      if (!r.ok) throw new Error(r.error.message);
    });
    const wbWarm = await timeIt(async () => {
      const r = await dispatch(t.core, session, 'yearend.workbench', { yearId: y.yearId, limit: 50, flag: '警告' });
      if (!r.ok) throw new Error(r.error.message);
    });
    const results = await timeIt(() => loadYearResults(db, y.yearId, new Date('2026-11-25T02:00:00Z')));
    // the committee at work: freeze, then one decision and the page refresh that follows it
    const t1 = performance.now();
    const rv = await dispatch(t.core, session, 'yearend.transition', { yearId: y.yearId, to: 'review' });
    if (!rv.ok) throw new Error(rv.error.message);
    const reviewMs = performance.now() - t1;
    const people = db.prepare('SELECT id FROM person ORDER BY person_no LIMIT 40').all() as { id: string }[];
    let k = 0;
    const decideMs = await timeIt(async () => {
      const personId = people[k++ % people.length]!.id;
      const d = await dispatch(t.core, session, 'yearend.decide', {
        yearId: y.yearId,
        personId,
        outcome: 'graded',
        grade: 'basic',
        reason: '基准测试',
      });
      if (!d.ok) throw new Error(d.error.message);
      const w = await dispatch(t.core, session, 'yearend.workbench', { yearId: y.yearId, limit: 50 });
      if (!w.ok) throw new Error(w.error.message);
    });
    const ev = evaluateStoredYear(t.ctx, y.yearId).evaluation;
    const traceChars = ev.results.reduce((s, r) => s + r.traceText.length, 0);
    return [
      {
        name: `seed ${PEOPLE} people (one agency, 40 departments)`,
        ours: seedMs,
        unit: 'ms',
        note: 'fixture, one transaction',
      },
      {
        name: 'raw SQL read of the year (people, ratings, evidence, history)',
        ours: floor,
        unit: 'ms',
        note: 'the floor',
      },
      {
        name: 'gather engine inputs (grouped queries + shaping)',
        ours: gather,
        floor,
        unit: 'ms',
        note: 'vs raw SQL read',
      },
      {
        name: 'engine: eligibility + suggestions + traces + quotas (rules mode)',
        ours: engine,
        floor,
        unit: 'ms',
        note: `${ev.results.length} people, ${ev.units.length} quota units, ${Math.round(traceChars / 1000)}k trace chars`,
      },
      { name: 'engine, points mode (ranking within quota units)', ours: engineP, floor, unit: 'ms', note: '' },
      { name: 'stored year evaluated cold (gather + engine)', ours: stored, floor, unit: 'ms', note: 'after a write' },
      {
        name: 'stored year after one rating changed',
        ours: afterRating,
        floor: stored,
        unit: 'ms',
        note: 'change feed: one person re-read and re-evaluated; floor = the cold evaluation',
      },
      {
        name: 'stored year after a sanction recorded',
        ours: afterSanction,
        floor: stored,
        unit: 'ms',
        note: 'createEvidence then the evaluation (both timed); floor = the cold evaluation',
      },
      {
        name: "stored year after another connection's import (100 people's ratings)",
        ours: afterImport,
        floor: stored,
        unit: 'ms',
        note: 'a worker connection commits (untimed), then the evaluation: the 100 re-read from its seals; floor = cold',
      },
      {
        name: 'yearend.workbench via dispatcher, cold, first page of 50',
        ours: wbCold,
        floor,
        unit: 'ms',
        note: 'evaluation + decisions + snapshot + guards',
      },
      {
        name: 'yearend.workbench via dispatcher, cached, flag filter',
        ours: wbWarm,
        unit: 'ms',
        note: 'no write since last call',
      },
      { name: 'loadYearResults (the pack’s input), cached evaluation', ours: results, unit: 'ms', note: '' },
      {
        name: 'enter review: evaluate + freeze 20,000 suggestions',
        ours: reviewMs,
        unit: 'ms',
        note: 'one transaction, audited',
      },
      {
        name: 'yearend.decide + workbench refresh (one committee click)',
        ours: decideMs,
        unit: 'ms',
        note: 'decisions do not invalidate the evaluation',
      },
    ];
  } finally {
    t.cleanup();
  }
}
