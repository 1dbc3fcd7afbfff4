// Agency size: 200 / 2,000 / 8,000 / 20,000 / 50,000 people (DA_BENCH_PEOPLE=200,2000 to choose), 100 people per
// department, three quarters of them rated in Q2. Through the real dispatch: the one-cell save with the
// period's state kept (the autosave), after an evidence record, after a move and after a commit of
// another connection (the state patched by the change feed), and after a change the feed cannot name
// dropped it (its old cost after any write),
// the department grid cold and warm, the roster list (every row, as the roster page asks today, and a
// page of 100). Through CoreHost (the core in its own thread, as the app runs): the longest stall of
// the calling thread's event loop while the same saves and grids run, against the stall when the core
// runs on that thread (perf_hooks' event-loop delay histogram). Medians of 15 after a warm-up.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { tempCore, type TempCore } from '../support/temp-core';
import { makeAgency, makeYear, move } from '../support/year-fixtures';
import { GOOD_PASSWORD } from '../support/trust-fixtures';
import { dispatch } from '../../electron/core/api/dispatch';
import { createOperator } from '../../electron/core/auth/operators';
import { writeTx } from '../../electron/core/context';
import { openStore } from '../../electron/core/db/open';
import { storeFile } from '../../electron/core/db/paths';
import { CoreHost } from '../../electron/core/host/core-host';
import { ScriptedDesktop } from '../../electron/core/desktop';
import { forgetPeriodStates } from '../../electron/core/ratings/period-state';
import { saveRatingsBatch } from '../../electron/core/ratings/save';
import { createEvidence } from '../../electron/core/evidence/evidence-service';
import type { Result } from '../../shared/result';
import type { BenchRow } from './run';

const SIZES = (process.env.DA_BENCH_PEOPLE ?? '200,2000,8000,20000,50000').split(',').map(Number);
const RUNS = 15;

/** Median time of fn over `runs` after a warm-up; `before(i)` runs untimed ahead of each. */
async function median(fn: (i: number) => unknown, runs = RUNS, before?: (i: number) => unknown): Promise<number> {
  await before?.(-1);
  await fn(-1);
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.(i);
    const t0 = performance.now();
    await fn(i);
    xs.push(performance.now() - t0);
  }
  return xs.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

function must<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/**
 * Longest event-loop delay on this thread (ms) while fn runs, from perf_hooks' event-loop delay
 * histogram (1 ms resolution): what input and paint on the window's thread would wait.
 */
async function stall(fn: () => Promise<unknown>): Promise<number> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  try {
    await fn();
    // Let the loop turn once more: a block that ran to the end is counted when the loop resumes.
    await new Promise((r) => setTimeout(r, 5));
  } finally {
    h.disable();
  }
  return h.max / 1e6;
}

interface Agency {
  t: TempCore;
  q2: string;
  dept: string;
  cells: string[];
  /** people of the other departments, moved one by one between saves */
  others: string[];
  departments: string[];
}

function seed(people: number): Agency {
  const t = tempCore({ checkOutputs: false, autoBackup: false });
  const departments = Math.max(2, Math.round(people / 100));
  const names = Array.from({ length: departments }, (_, i) => `第${i + 1}科`);
  const fx = writeTx(t.ctx, () => makeAgency(t.ctx, { departments: names, perDepartment: people / departments }));
  const y = makeYear(t.ctx, fx.agencyId);
  const q2 = y.periods[1]!.id;
  const ids = Object.values(fx.people);
  const ratings = ['good', 'fair', 'fair', 'average'] as const;
  saveRatingsBatch(
    t.ctx,
    ids
      .filter((_, i) => i % 4 !== 3)
      .map((personId, i) => ({ periodId: q2, personId, rating: ratings[i % 4]!, workRecord: `第${i}号工作纪实。` })),
    { source: 'bench' },
  );
  const dept = fx.departments['第1科']!;
  return {
    t,
    q2,
    dept,
    cells: ids.slice(0, people / departments),
    others: ids.slice(people / departments),
    departments: Object.values(fx.departments),
  };
}

async function measure(people: number): Promise<BenchRow[]> {
  const seedStart = performance.now();
  const a = seed(people);
  const seedMs = performance.now() - seedStart;
  const { t, q2, dept, cells } = a;
  let host: CoreHost | undefined;
  try {
    const call = (method: string, input: unknown) => dispatch(t.core, t.session, method, input);
    let n = 0;
    const save = (c: (m: string, i: unknown) => Promise<Result<unknown>>) =>
      c('ratings.save', { periodId: q2, personId: cells[n % cells.length], unitId: dept, comment: `评语${n++}` }).then(
        must,
      );
    const warmSave = await median(() => save(call));
    // Another write on this connection first: the kept state is patched for what it changed (nothing,
    // for an evidence record; one person's departments, for a move), not read again.
    const afterEvidence = await median(
      () => save(call),
      RUNS,
      (i) =>
        createEvidence(t.ctx, {
          personId: a.others[i + 1]!,
          kind: 'commendation',
          subKind: '嘉奖',
          date: '2026-05-06',
          docNo: `区〔2026〕${i + 2}号`,
        }),
    );
    const afterMove = await median(
      () => save(call),
      RUNS,
      (i) => move(t.ctx, a.others[(i + 1) * 7]!, dept, '2026-05-20'),
    );
    // A commit by another app connection (a job worker's, the command line's): a rating of another
    // department written there; the seals it appended name the row and the kept state is patched.
    const worker = openStore(storeFile(t.dir), { skipMigrate: true, quickCheck: false });
    const workerCtx = { ...t.ctx, db: worker };
    let afterOther: number;
    try {
      afterOther = await median(
        () => save(call),
        RUNS,
        (i) =>
          saveRatingsBatch(
            workerCtx,
            [{ periodId: q2, personId: a.others[(i + 2) * 5]!, comment: `导入${i}`, rating: 'fair' }],
            { source: 'bench' },
          ),
      );
    } finally {
      worker.close();
    }
    // The kept state dropped (a commit the feed cannot name, e.g. another tool's edit): the next save
    // pays for the whole agency, as every save after any write did before the change feed.
    const coldSave = await median(async () => {
      forgetPeriodStates(t.core.db);
      await save(call);
    });
    // Floor: the same one-row UPDATE and one audit-sized INSERT in one transaction, nothing else.
    t.core.db.exec('CREATE TEMP TABLE bench_audit (seq INTEGER PRIMARY KEY, body TEXT)');
    const upd = t.core.db.prepare('UPDATE period_rating SET comment = ? WHERE period_id = ? AND person_id = ?');
    const ins = t.core.db.prepare('INSERT INTO bench_audit (body) VALUES (?)');
    const floorSave = await median((i) =>
      t.core.db
        .transaction(() => {
          upd.run(`floor${i}`, q2, cells[0]);
          ins.run(JSON.stringify({ action: 'rating.update', comment: `floor${i}`, hash: 'x'.repeat(64) }));
        })
        .immediate(),
    );
    const gridCold = await median(async () => {
      forgetPeriodStates(t.core.db);
      must(await call('ratings.grid', { periodId: q2, unitId: dept }));
    });
    const gridWarm = await median(async () => must(await call('ratings.grid', { periodId: q2, unitId: dept })));
    const gridFloor = await median(() => {
      t.core.db.prepare('SELECT * FROM person').all();
      t.core.db.prepare('SELECT * FROM period_rating WHERE period_id = ?').all(q2);
    });
    // What the roster page asks: one page of 100 (the store refuses more than 500 in one answer).
    const firstPage = must<{ rows: unknown[] }>(await call('roster.list', { status: 'all' }));
    const pageBytes = JSON.stringify(firstPage).length;
    const rosterAll = await median(async () => must(await call('roster.list', { status: 'all' })));
    const rosterPage = await median(async () =>
      must(await call('roster.list', { search: '员1', offset: 0, limit: 100 })),
    );
    const rosterFloor = await median(() =>
      t.core.db.prepare("SELECT * FROM person WHERE name LIKE '%员1%' ORDER BY person_no LIMIT 100").all(),
    );

    // The same work with the core in its own thread: this thread only waits for answers.
    await createOperator(t.ctx, {
      username: 'bench',
      displayName: '基准',
      role: 'clerk',
      unitScope: [],
      password: GOOD_PASSWORD,
    });
    host = await CoreHost.start({
      dataDir: t.dir,
      autoBackup: false,
      desktop: new ScriptedDesktop(),
      logError: () => undefined,
    });
    const h = host;
    must(await h.call('auth.login', { username: 'bench', password: GOOD_PASSWORD }));
    must(await h.call('auth.changePassword', { oldPassword: GOOD_PASSWORD, newPassword: 'Jizhun#2026x' }));
    const viaHost = (m: string, i: unknown) => h.call(m, i);
    const work = async (c: (m: string, i: unknown) => Promise<Result<unknown>>, cold: () => void) => {
      for (let i = 0; i < 5; i++) {
        cold();
        must(await c('ratings.grid', { periodId: q2, unitId: dept }));
        // The loop turns between calls, as it does between two IPC messages: the stall is the longest call.
        await new Promise((r) => setImmediate(r));
        await save(c);
        await new Promise((r) => setImmediate(r));
      }
    };
    const roster = async (c: (m: string, i: unknown) => Promise<Result<unknown>>) =>
      must(await c('roster.list', { status: 'all' }));
    // Cold grids: a commit by another connection (as a job worker's would) drops every kept state.
    t.core.db.exec('CREATE TABLE IF NOT EXISTS bench_touch (n INTEGER)');
    const touch = () => void t.core.db.prepare('INSERT INTO bench_touch VALUES (1)').run();
    await work(viaHost, touch);
    const stallHost = await stall(() => work(viaHost, touch));
    const stallInline = await stall(() => work(call, touch));
    // Main passes the core's JSON text on to the renderer without parsing it: time what main does.
    const rosterStallHost = await stall(() => h.callJson('roster.list', { status: 'all' }));
    const rosterStallInline = await stall(() => roster(call));
    // What this thread's timer shows while it does nothing at all (a loaded machine delays it too).
    const idleStall = await stall(() => new Promise((r) => setTimeout(r, 500)));
    const label = people.toLocaleString('en-US');
    return [
      {
        name: `${label} people: one-cell save, state kept (autosave)`,
        ours: warmSave,
        floor: floorSave,
        unit: 'ms',
        note: 'dispatch ratings.save; floor: bare UPDATE + audit-sized INSERT, one tx',
      },
      {
        name: `${label} people: one-cell save after an evidence record`,
        ours: afterEvidence,
        floor: floorSave,
        unit: 'ms',
        note: 'createEvidence (untimed) then ratings.save: the kept state is not touched',
      },
      {
        name: `${label} people: one-cell save after a move`,
        ours: afterMove,
        floor: floorSave,
        unit: 'ms',
        note: 'movePerson (untimed) then ratings.save: the state is patched for the one person',
      },
      {
        name: `${label} people: one-cell save after another connection's commit`,
        ours: afterOther,
        floor: floorSave,
        unit: 'ms',
        note: "a rating saved on a second connection (untimed), then ratings.save: patched from that commit's seals",
      },
      {
        name: `${label} people: one-cell save, state dropped`,
        ours: coldSave,
        floor: floorSave,
        unit: 'ms',
        note: 'reloads the agency (a change the feed cannot name; every save after any write before)',
      },
      {
        name: `${label} people: department grid, cold`,
        ours: gridCold,
        floor: gridFloor,
        unit: 'ms',
        note: 'ratings.grid; floor: SELECT * of person and the period ratings',
      },
      { name: `${label} people: department grid, warm`, ours: gridWarm, floor: gridFloor, unit: 'ms', note: '' },
      {
        name: `${label} people: roster list, first page`,
        ours: rosterAll,
        unit: 'ms',
        note: `what the roster page asks: a page of 100, ${(pageBytes / 1e3).toFixed(0)} kB of JSON`,
      },
      {
        name: `${label} people: roster search, page of 100`,
        ours: rosterPage,
        floor: rosterFloor,
        unit: 'ms',
        note: 'floor: the LIKE query alone',
      },
      {
        name: `${label} people: longest stall, 5 cold grids + saves`,
        ours: stallHost,
        floor: stallInline,
        unit: 'ms',
        note: `window thread, core in its own thread vs core on it (before); idle thread: ${idleStall.toFixed(0)} ms`,
      },
      {
        name: `${label} people: longest stall, roster page`,
        ours: rosterStallHost,
        floor: rosterStallInline,
        unit: 'ms',
        note: 'main passes the JSON text on (callJson) vs the core on it',
      },
      { name: `${label} people: seeding the store`, ours: seedMs, unit: 'ms', note: 'not a figure of the app' },
    ];
  } finally {
    await host?.close();
    t.cleanup();
  }
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const people of SIZES) {
    console.log(`  ${people} people …`);
    rows.push(...(await measure(people)));
  }
  return rows;
}
