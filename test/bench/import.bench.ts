// Imports at scale, through the same worker jobs the window uses: (a) a 20,000-person roster,
// (b) a 50,000-row evidence workbook. Each beside exceljs's own read of the same file (the floor),
// with the process's peak memory (main + worker threads share one process) and the main thread's
// longest event-loop stall while the import runs (target < 50 ms).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { rmSync, statSync } from 'node:fs';
import { tempCore } from '../support/temp-core';
import { createUnit } from '../../electron/core/roster';
import { SYSTEM_OPERATOR } from '../../electron/core/context';
import { newId } from '../../electron/core/ids';
import { IMPORT_HEAP_MB } from '../../electron/core/api/handlers/imports';
import type { ImportPreview, ImportResult } from '../../shared/import/types';
import type { ImportKind } from '../../shared/import/columns';
import type { AppCore } from '../../electron/core/app-core';
import { DEPTS, exceljsReadCells, exceljsStreamCells, writeEvidenceFile, writeRosterFile } from './bench-files';
import type { BenchRow } from './run';
import { GOOD_PASSWORD } from '../support/trust-fixtures';
import { createOperator } from '../../electron/core/auth/operators';
import { CoreHost } from '../../electron/core/host/core-host';
import { ScriptedDesktop } from '../../electron/core/desktop';
import type { JobState } from '../../electron/core/jobs/runner';
import type { Result } from '../../shared/result';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 20_000);
const EVIDENCE_ROWS = Number(process.env.BENCH_EVIDENCE ?? 50_000);

async function exceljsRead(path: string): Promise<number> {
  const t0 = performance.now();
  await exceljsReadCells(path);
  return performance.now() - t0;
}

async function exceljsStream(path: string): Promise<number> {
  const t0 = performance.now();
  await exceljsStreamCells(path);
  return performance.now() - t0;
}

interface Measured {
  previewMs: number;
  applyMs: number;
  result: ImportResult;
  preview: ImportPreview;
  peakRssMb: number;
  peakMainHeapMb: number;
  maxStallMs: number;
}

/** Preview + apply as the window runs them, watching memory and the main event loop meanwhile. */
async function measureImport(core: AppCore, kind: ImportKind, path: string): Promise<Measured> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  let peakRss = 0;
  let peakHeap = 0;
  let maxGap = 0;
  let last = performance.now();
  const sampler = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last - 20);
    last = now;
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  loop.enable();
  try {
    const request = { kind, path, unitId: null, periodId: null };
    const t0 = performance.now();
    const preview = await core.jobs.run<ImportPreview>(
      'imports.preview',
      { ...request, previewId: newId() },
      SYSTEM_OPERATOR,
      { maxHeapMb: IMPORT_HEAP_MB },
    );
    const t1 = performance.now();
    if (preview.issueTotal)
      throw new Error(`bench file has ${preview.issueTotal} issues: ${JSON.stringify(preview.issues.slice(0, 3))}`);
    const result = await core.jobs.run<ImportResult>(
      'imports.apply',
      { ...request, mode: 'all', expectedSha256: preview.sha256 },
      SYSTEM_OPERATOR,
      { maxHeapMb: IMPORT_HEAP_MB },
    );
    const t2 = performance.now();
    return {
      previewMs: t1 - t0,
      applyMs: t2 - t1,
      result,
      preview,
      peakRssMb: peakRss / 2 ** 20,
      peakMainHeapMb: peakHeap / 2 ** 20,
      maxStallMs: Math.max(loop.max / 1e6, maxGap),
    };
  } finally {
    loop.disable();
    clearInterval(sampler);
  }
}

function must<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/**
 * The import as the desktop runs it: the core in its own thread (CoreHost), the file chosen in a
 * (scripted) dialog, preview and apply as jobs whose ends arrive pushed. This thread is the one that
 * owns the windows: its longest event-loop delay is what input and paint would wait.
 */
async function importViaHost(
  host: CoreHost,
  desktop: ScriptedDesktop,
  kind: ImportKind,
  path: string,
): Promise<{ ms: number; stallMs: number; added: number }> {
  const end = (id: string) =>
    new Promise<JobState>((resolve) => {
      const stop = host.onJob((s) => {
        if (s.id === id && s.status !== 'running') {
          stop();
          resolve(s);
        }
      });
    });
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const t0 = performance.now();
  try {
    desktop.nextOpen.push(path);
    must(await host.call('desktop.pickOpenFile', { title: '选择文件', filters: [] }));
    const started = must<JobState>(await host.call('imports.preview', { kind, path }));
    const previewed = await end(started.id);
    if (previewed.status !== 'done') throw new Error(`preview ${previewed.status}: ${previewed.error?.message}`);
    const { previewId } = previewed.value as ImportPreview;
    const applying = must<JobState>(await host.call('imports.apply', { previewId, mode: 'all' }));
    const applied = await end(applying.id);
    if (applied.status !== 'done') throw new Error(`apply ${applied.status}: ${applied.error?.message}`);
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 5));
    return { ms, stallMs: loop.max / 1e6, added: (applied.value as ImportResult).added };
  } finally {
    loop.disable();
  }
}

/** The same stall measure with nothing running: what the machine's load alone costs the loop. */
async function idleStall(ms: number): Promise<number> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  await new Promise((r) => setTimeout(r, ms));
  loop.disable();
  return loop.max / 1e6;
}

export async function bench(): Promise<BenchRow[]> {
  const t = tempCore({ checkOutputs: false });
  const rows: BenchRow[] = [];
  try {
    const agency = createUnit(t.ctx, { parentId: null, name: '某市发改委' });
    for (const d of DEPTS) createUnit(t.ctx, { parentId: agency.id, name: d });

    // (a) roster of 20,000 people
    const roster = join(t.dir, 'roster-20k.xlsx');
    await writeRosterFile(roster, PEOPLE, true);
    // Ours first: the floor's in-memory read leaves garbage in this (main) heap whose collection
    // would otherwise be counted as a main-thread stall of the import.
    global.gc?.(); // run with NODE_OPTIONS=--expose-gc: the files' generation garbage is not the import's stall
    const a = await measureImport(t.core, 'roster', roster);
    const floorA = await exceljsRead(roster);
    const oursA = a.previewMs + a.applyMs;
    if (a.result.added !== PEOPLE) throw new Error(`roster bench added ${a.result.added}`);
    rows.push({
      name: `roster import ${PEOPLE} people (preview+apply)`,
      ours: oursA,
      floor: floorA,
      unit: 'ms',
      note: `preview ${a.previewMs.toFixed(0)} ms + apply ${a.applyMs.toFixed(0)} ms; floor = exceljs Workbook.readFile of the same ${(statSync(roster).size / 2 ** 20).toFixed(1)} MB file`,
    });
    rows.push({
      name: 'roster import rate',
      ours: PEOPLE / (oursA / 1000),
      floor: PEOPLE / (floorA / 1000),
      unit: 'rows/s',
      ratio: floorA / oursA,
      note: 'ratio = our rate / exceljs read rate',
    });

    // (b) 50,000-row evidence workbook for those people
    const evidence = join(t.dir, 'evidence-50k.xlsx');
    await writeEvidenceFile(evidence, EVIDENCE_ROWS, PEOPLE);
    global.gc?.();
    const b = await measureImport(t.core, 'evidence', evidence);
    const floorB = await exceljsRead(evidence);
    const oursB = b.previewMs + b.applyMs;
    if (b.result.added !== EVIDENCE_ROWS) throw new Error(`evidence bench added ${b.result.added}`);
    rows.push({
      name: `evidence import ${EVIDENCE_ROWS} rows (preview+apply)`,
      ours: oursB,
      floor: floorB,
      unit: 'ms',
      note: `preview ${b.previewMs.toFixed(0)} ms + apply ${b.applyMs.toFixed(0)} ms; ${(statSync(evidence).size / 2 ** 20).toFixed(1)} MB file`,
    });
    rows.push({
      name: 'evidence import rate',
      ours: EVIDENCE_ROWS / (oursB / 1000),
      floor: EVIDENCE_ROWS / (floorB / 1000),
      unit: 'rows/s',
      ratio: floorB / oursB,
      note: 'ratio = our rate / exceljs read rate',
    });
    // the issue's floor: exceljs's streaming reader, the one the import reads with (goal ≥ 0.8× for reading)
    const streamB = await exceljsStream(evidence);
    rows.push({
      name: `evidence import ${EVIDENCE_ROWS} rows vs exceljs streaming reader`,
      ours: EVIDENCE_ROWS / (oursB / 1000),
      floor: EVIDENCE_ROWS / (streamB / 1000),
      unit: 'rows/s',
      ratio: streamB / oursB,
      note: `whole import (read, parse, validate, write, audit) against the stream read alone (${streamB.toFixed(0)} ms); the parts apart: npm run bench -- import-parts`,
    });
    rows.push({
      name: 'evidence import peak RSS (main + worker)',
      ours: b.peakRssMb,
      unit: 'MB',
      note: `worker heap limit ${IMPORT_HEAP_MB} MB; main heap peak ${b.peakMainHeapMb.toFixed(0)} MB`,
    });
    const idle = await idleStall(3000);
    rows.push({
      name: 'main thread longest stall during evidence import',
      ours: b.maxStallMs,
      floor: idle,
      unit: 'ms',
      note: `evidence ${EVIDENCE_ROWS} rows; target < 50 ms; floor = longest stall of an idle main loop over 3 s now (CPU contention on this machine)`,
    });
    rows.push({
      name: `main thread longest stall during roster import (${PEOPLE} people)`,
      ours: a.maxStallMs,
      floor: idle,
      unit: 'ms',
      note: 'target < 50 ms; floor as above',
    });
    // The same two files again through the core thread, into a fresh store: the window thread's stall.
    rows.push(...(await throughCoreThread(roster, evidence, idle)));
  } finally {
    t.cleanup();
  }
  return rows;
}

async function throughCoreThread(roster: string, evidence: string, idle: number): Promise<BenchRow[]> {
  const t = tempCore({ checkOutputs: false, autoBackup: false });
  const agency = createUnit(t.ctx, { parentId: null, name: '某市发改委' });
  for (const d of DEPTS) createUnit(t.ctx, { parentId: agency.id, name: d });
  await createOperator(t.ctx, {
    username: 'bench',
    displayName: '基准',
    role: 'clerk',
    unitScope: [],
    password: GOOD_PASSWORD,
  });
  t.core.close();
  const desktop = new ScriptedDesktop();
  const host = await CoreHost.start({ dataDir: t.dir, autoBackup: false, desktop, logError: () => undefined });
  try {
    must(await host.call('auth.login', { username: 'bench', password: GOOD_PASSWORD }));
    must(await host.call('auth.changePassword', { oldPassword: GOOD_PASSWORD, newPassword: 'Jizhun#2026x' }));
    global.gc?.();
    const r = await importViaHost(host, desktop, 'roster', roster);
    global.gc?.();
    const e = await importViaHost(host, desktop, 'evidence', evidence);
    if (r.added !== PEOPLE || e.added !== EVIDENCE_ROWS) throw new Error(`host imports added ${r.added}, ${e.added}`);
    return [
      {
        name: `window thread longest stall, roster import ${PEOPLE} (core thread)`,
        ours: r.stallMs,
        floor: idle,
        unit: 'ms',
        note: `as the app runs it: CoreHost, dialog, preview + apply jobs pushed; ${(r.ms / 1000).toFixed(1)} s in all; goal ≤ 50 ms; floor = idle loop`,
      },
      {
        name: `window thread longest stall, evidence import ${EVIDENCE_ROWS} (core thread)`,
        ours: e.stallMs,
        floor: idle,
        unit: 'ms',
        note: `as above; ${(e.ms / 1000).toFixed(1)} s in all`,
      },
    ];
  } finally {
    await host.close();
    rmSync(t.dir, { recursive: true, force: true });
  }
}
