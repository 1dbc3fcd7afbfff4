// The pack for 5,000 and 20,000 people (BENCH_PACK_PEOPLE=5000,20000): our build-and-write (SheetModels →
// streaming writer) beside a baseline that writes the same cells (values, styles, heights, merges,
// breaks) with exceljs's streaming writer directly; each in its own process for a clean peak memory.
// Then the window thread's longest stall while the export job runs (core thread, worker) on a real
// store of as many people.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { writeWorkbook } from '../../electron/core/pack/writer/write-workbook';
import { excelStyle } from '../../electron/core/pack/writer/write-sheet';
import { createOperator } from '../../electron/core/auth/operators';
import { CoreHost } from '../../electron/core/host/core-host';
import { ScriptedDesktop } from '../../electron/core/desktop';
import type { JobState } from '../../electron/core/jobs/runner';
import type { Result } from '../../shared/result';
import { GOOD_PASSWORD } from '../support/trust-fixtures';
import { buildPackModels, packScopes, PACK_SHEET_KINDS } from '../../shared/sheets/pack-sheets';
import type { SheetModel } from '../../shared/sheets/model';
import { packFixture } from '../support/pack-fixtures';
import { tempCore, tempDir } from '../support/temp-core';
import { seedLargeYear } from '../support/yearend-fixtures';
import type { BenchRow } from './run';

const SIZES = (process.env.BENCH_PACK_PEOPLE ?? '5000,20000').split(',').map(Number);
/** a child's size (runChild passes it) */
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? SIZES[0]);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** above this many people one run of each (a 20,000-person pack takes minutes on a shared machine) */
const ONE_RUN_ABOVE = 5_000;

function models(n: number): SheetModel[] {
  const data = packFixture({ persons: n });
  return buildPackModels(data, packScopes(data, { kind: 'unit' })[0]!, PACK_SHEET_KINDS);
}

/** The baseline: the same cells written by hand with the streaming writer's public API. */
async function writeBaseline(file: string, ms: SheetModel[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  for (const m of ms) {
    const inch = (cm: number) => cm / 2.54;
    const ws = wb.addWorksheet(m.name, {
      pageSetup: {
        paperSize: 9,
        orientation: m.print.orientation,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        margins: {
          left: inch(m.print.margins.left),
          right: inch(m.print.margins.right),
          top: inch(m.print.margins.top),
          bottom: inch(m.print.margins.bottom),
          header: 0.3,
          footer: 0.3,
        },
      },
    });
    ws.columns = m.columns.map((c) => ({ width: c.width }));
    const styles = new Map(Object.entries(m.styles).map(([k, s]) => [k, excelStyle(s)]));
    const breaks = new Set(m.breaks);
    m.rows.forEach((row, r) => {
      const xr = ws.getRow(r + 1);
      xr.height = row.height;
      for (const c of row.cells) {
        const xc = xr.getCell(c.c + 1);
        if (c.v !== null && c.v !== '') xc.value = c.v;
        xc.style = styles.get(c.s)!;
        if ((c.rs ?? 1) > 1 || (c.cs ?? 1) > 1) ws.mergeCells(r + 1, c.c + 1, r + (c.rs ?? 1), c.c + (c.cs ?? 1));
      }
      if (breaks.has(r)) xr.addPageBreak();
      xr.commit();
    });
    ws.commit();
  }
  await wb.commit();
}

/** The model with every merge replaced by the covered cells, each with the anchor's style. */
function coverMerges(m: SheetModel): SheetModel {
  const rows: SheetModel['rows'] = m.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, rs: 1, cs: 1 })) }));
  m.rows.forEach((r, ri) =>
    r.cells.forEach((c) => {
      for (let i = ri; i < ri + (c.rs ?? 1); i++)
        for (let j = c.c; j < c.c + (c.cs ?? 1); j++)
          if (i !== ri || j !== c.c) rows[i]!.cells.push({ c: j, v: null, s: c.s });
    }),
  );
  return { ...m, rows };
}

/** Child process: one measured run; prints JSON. */
async function child(mode: string): Promise<void> {
  const dir = tempDir('da-pack-bench-');
  const file = join(dir, 'pack.xlsx');
  let result: Record<string, number | string>;
  if (mode === 'seed') {
    const t = tempCore({ checkOutputs: false });
    const y = seedLargeYear(t.ctx, PEOPLE);
    // the clerk who exports through the core thread, as in the window
    await createOperator(t.ctx, {
      username: 'bench',
      displayName: '基准',
      role: 'clerk',
      unitScope: [],
      password: GOOD_PASSWORD,
    });
    t.core.close();
    rmSync(dir, { recursive: true, force: true });
    process.stdout.write(`@@${JSON.stringify({ dataDir: t.dir, yearId: y.yearId })}\n`);
    return;
  }
  if (mode === 'ours') {
    const t0 = performance.now();
    const ms = models(PEOPLE);
    const t1 = performance.now();
    const out = await writeWorkbook(file, ms);
    const t2 = performance.now();
    result = {
      ms: t2 - t0,
      buildMs: t1 - t0,
      pages: out.pages,
      cells: ms.reduce((a, m) => a + m.rows.reduce((b, r) => b + r.cells.length, 0), 0),
    };
  } else {
    const ms = models(PEOPLE); // the cells to write, made before the clock starts
    const merges = ms.reduce(
      (a, m) => a + m.rows.reduce((b, r) => b + r.cells.filter((c) => (c.rs ?? 1) > 1 || (c.cs ?? 1) > 1).length, 0),
      0,
    );
    const t0 = performance.now();
    // without merge records, the cells a merge covers are written as plain cells with the anchor's style
    await writeBaseline(file, mode === 'baseline' ? ms : ms.map(coverMerges));
    result = { ms: performance.now() - t0, merges };
  }
  result.maxRssMb = process.resourceUsage().maxRSS / 1024;
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`@@${JSON.stringify(result)}\n`);
}

function runChild(mode: string, people = PEOPLE): Record<string, number> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', __filename], {
    env: { ...process.env, PACK_BENCH_CHILD: mode, BENCH_PEOPLE: String(people) },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    timeout: 30 * 60_000,
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('@@'));
  if (!line) throw new Error(`bench child ${mode} failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(line.slice(2)) as Record<string, number>;
}

/** CPU time (ms) of the main thread alone, from Linux's per-thread accounting (the main thread's tid = pid). */
function mainThreadCpuMs(): number {
  try {
    const f = readFileSync(`/proc/${process.pid}/task/${process.pid}/stat`, 'utf8');
    const fields = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in 1/100 s ticks
  } catch {
    return NaN;
  }
}

/** A 5 ms timer on the main thread: the longest gap beyond 5 ms while `until` is pending. */
async function probe(
  until: Promise<unknown>,
): Promise<{ maxStallMs: number; p99: number; elu: number; maxBusyMs: number; maxBusyAt: number; cpuMs: number }> {
  const cpu0 = mainThreadCpuMs();
  const h = monitorEventLoopDelay({ resolution: 5 });
  const elu0 = performance.eventLoopUtilization();
  let last = performance.now();
  let maxStall = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    maxStall = Math.max(maxStall, now - last - 5);
    last = now;
  }, 5);
  // the main thread's own work, measured apart from the OS's scheduling: busy time per 100 ms window
  let win = performance.eventLoopUtilization();
  let maxBusy = 0;
  let maxBusyAt = 0;
  const p0 = performance.now();
  const windows = setInterval(() => {
    const d = performance.eventLoopUtilization(win);
    win = performance.eventLoopUtilization();
    if (d.active > maxBusy) [maxBusy, maxBusyAt] = [d.active, performance.now() - p0];
  }, 100);
  h.enable();
  await until;
  clearInterval(tick);
  clearInterval(windows);
  h.disable();
  return {
    maxStallMs: maxStall,
    p99: h.percentile(99) / 1e6,
    elu: performance.eventLoopUtilization(elu0).utilization,
    maxBusyMs: maxBusy,
    maxBusyAt,
    cpuMs: mainThreadCpuMs() - cpu0,
  };
}

/**
 * The export job on a real store, started through CoreHost as the window starts it (the core in its
 * own thread, the job in a worker), while this thread — the one that owns the windows — keeps a 5 ms
 * timer: its longest stall, and the same probe with no job for as long (on a shared 2-core machine
 * the OS's scheduling alone delays timers; the difference is what the job costs this thread).
 */
async function mainThreadStall(people: number): Promise<{
  jobMs: number;
  job: Awaited<ReturnType<typeof probe>>;
  idle: Awaited<ReturnType<typeof probe>>;
}> {
  // the store is seeded in a child process, so this process's heap holds no seeding garbage whose
  // collection would be mistaken for the job's cost
  const seeded = runChild('seed', people);
  const dataDir = String(seeded.dataDir);
  const yearId = String(seeded.yearId);
  const out = tempDir('da-pack-bench-out-');
  // The app's arrangement: the core (store, jobs) in its own thread; this thread owns the windows.
  const desktop = new ScriptedDesktop([], [], [out]);
  const host = await CoreHost.start({
    dataDir,
    fixedNowIso: '2026-11-25T02:00:00Z',
    autoBackup: false,
    desktop,
    logError: () => undefined,
  });
  const must = <T>(r: Result<unknown>): T => {
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value as T;
  };
  try {
    must(await host.call('auth.login', { username: 'bench', password: GOOD_PASSWORD }));
    must(await host.call('auth.changePassword', { oldPassword: GOOD_PASSWORD, newPassword: 'Jizhun#2026x' }));
    must(await host.call('desktop.pickFolder', { title: '选择保存位置' }));
    await new Promise((r) => setTimeout(r, 500));
    const t0 = performance.now();
    let ended: Promise<unknown> = Promise.resolve();
    const job = probe(
      (ended = (async () => {
        const started = must<JobState>(
          await host.call('pack.export', {
            yearId,
            scope: 'unit',
            departmentIds: [],
            sheets: [...PACK_SHEET_KINDS],
            folder: out,
          }),
        );
        // its end as the window learns it: pushed on the job channel, not polled
        const state = await new Promise<JobState>((resolve) => {
          const stop = host.onJob((s) => {
            if (s.id === started.id && s.status !== 'running') {
              stop();
              resolve(s);
            }
          });
        });
        if (state.status !== 'done') throw new Error(`export job ${state.status}: ${state.error?.message}`);
      })()),
    );
    const jobResult = await job;
    await ended;
    const jobMs = performance.now() - t0;
    const idle = await probe(new Promise((r) => setTimeout(r, jobMs)));
    return { jobMs, job: jobResult, idle };
  } finally {
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

async function benchSize(people: number, first: boolean): Promise<BenchRow[]> {
  const runs = people > ONE_RUN_ABOVE ? 1 : RUNS;
  // ours and the floor alternate, three runs each; the fastest run of each is compared (on a shared
  // machine the other processes only ever add time)
  const oursRuns: Record<string, number>[] = [];
  const baseRuns: Record<string, number>[] = [];
  for (let i = 0; i < runs; i++) {
    oursRuns.push(runChild('ours', people));
    baseRuns.push(runChild('baseline-nomerge', people));
  }
  const fastest = (rs: Record<string, number>[]) => rs.reduce((a, b) => (b.ms! < a.ms! ? b : a));
  const ours: Record<string, number> = {
    ...fastest(oursRuns),
    maxRssMb: Math.max(...oursRuns.map((r) => r.maxRssMb!)),
  };
  const base: Record<string, number> = {
    ...fastest(baseRuns),
    maxRssMb: Math.max(...baseRuns.map((r) => r.maxRssMb!)),
  };
  // exceljs's public mergeCells checks each merge against every earlier one (quadratic); measured on
  // a tenth of the people to show why the writer records merges itself
  const tenth = Math.max(50, Math.floor(people / 10));
  const baseMerge = first ? runChild('baseline', tenth) : null;
  const oursTenth = first ? runChild('ours', tenth) : null;
  const stall = await mainThreadStall(people);
  const rows: BenchRow[] = [
    {
      name: `pack of ${people} people, all sheets (build + write)`,
      ours: ours.ms!,
      floor: base.ms,
      unit: 'ms',
      note: `fastest of ${runs}; ${ours.pages} pages, ${ours.cells} cells; build ${Math.round(ours.buildMs!)} ms; floor = same cells (merge-covered ones included), styles, heights, breaks via exceljs streaming writer, no merge records`,
    },
    {
      name: `peak memory, ${people} people`,
      ours: ours.maxRssMb!,
      floor: base.maxRssMb,
      unit: 'MB',
      note: `max RSS of the process over ${runs} run(s)${people <= ONE_RUN_ABOVE ? ' (target < 400 MB)' : ' (reported; the 400 MB target is for 5,000)'}`,
    },
    {
      name: `window thread longest stall during export job (${people} people)`,
      ours: stall.job.maxStallMs,
      floor: stall.idle.maxStallMs,
      unit: 'ms',
      note: `core in its own thread (CoreHost), as the app runs; timer gaps (OS scheduling included); floor = same probe, no job; job ${Math.round(stall.jobMs)} ms in a worker; delay p99 ${stall.job.p99.toFixed(1)} vs ${stall.idle.p99.toFixed(1)} ms`,
    },
    {
      name: `window thread busiest 100 ms window during export job (${people} people)`,
      ours: stall.job.maxBusyMs,
      floor: stall.idle.maxBusyMs,
      unit: 'ms',
      note: `event-loop utilisation per window (inflated when the OS deschedules the process), target < 50 ms; busiest window ended ${Math.round(stall.job.maxBusyAt)} ms after the job started; whole job: main busy ${(stall.job.elu * 100).toFixed(1)}% (idle probe ${(stall.idle.elu * 100).toFixed(1)}%)`,
    },
    {
      name: `window thread CPU time during the whole export job (${people} people)`,
      ours: stall.job.cpuMs,
      floor: stall.idle.cpuMs,
      unit: 'ms',
      note: `Linux per-thread CPU of the main thread (the probes' own timers included); floor = the same probe with no job, as long; all of the job's work is in the worker`,
    },
  ];
  if (baseMerge && oursTenth)
    rows.push({
      name: `pack of ${tenth} people vs exceljs public mergeCells`,
      ours: oursTenth.ms!,
      floor: baseMerge.ms,
      unit: 'ms',
      note: `${baseMerge.merges} merges through ws.mergeCells (quadratic check)`,
    });
  return rows;
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [i, people] of SIZES.entries()) {
    console.log(`  pack, ${people} people …`);
    rows.push(...(await benchSize(people, i === 0)));
  }
  return rows;
}

if (process.env.PACK_BENCH_CHILD) {
  void child(process.env.PACK_BENCH_CHILD).then(() => process.exit(0));
} else if (require.main === module) {
  void bench().then((rows) => {
    for (const r of rows)
      console.log(
        `${r.name}: ${r.ours.toFixed(1)} ${r.unit}${r.floor ? ` (floor ${r.floor.toFixed(1)}, ${(r.ours / r.floor).toFixed(2)}×)` : ''} — ${r.note}`,
      );
  });
}
