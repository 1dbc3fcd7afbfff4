// The imports taken apart, in this thread (no worker, so each part is timed alone): 50,000 evidence
// rows and 20,000 ratings, each file read by exceljs's streaming reader and by Workbook.readFile (the
// floors), then ours: the reader (file checks: size, kind, zip directory and every entry's inflated
// size), the parse into plain rows, the validation (table, every row planned against the store:
// people by set lookups, duplicates, the evidence schema) and the write (one transaction, one audit
// row per record). Ratios are rates: the floor's time / ours, so 1.0× is exceljs's own speed.
// BENCH_EVIDENCE / BENCH_RATINGS choose the row counts.
import { join } from 'node:path';
import { statSync } from 'node:fs';
import { tempCore } from '../support/temp-core';
import { createUnit } from '../../electron/core/roster';
import { SYSTEM_OPERATOR } from '../../electron/core/context';
import { analyzeImport, type Progress } from '../../electron/core/import/analyze';
import { applyAnalysis } from '../../electron/core/import/apply';
import { readWorkbook } from '../../electron/core/import/read-workbook';
import { inspectSpreadsheet, verifyEntries } from '../../electron/core/excel/safety/inspect';
import { makeYear } from '../support/year-fixtures';
import type { ImportKind } from '../../shared/import/columns';
import type { AppCore } from '../../electron/core/app-core';
import { RATINGS_HEADER } from '../support/xlsx-fixtures';
import {
  DEPTS,
  exceljsReadCells,
  exceljsStreamCells,
  nameOf,
  noOf,
  writeEvidenceFile,
  writeRosterFile,
  writeRows,
} from './bench-files';
import type { BenchRow } from './run';

const EVIDENCE_ROWS = Number(process.env.BENCH_EVIDENCE ?? 50_000);
const RATING_ROWS = Number(process.env.BENCH_RATINGS ?? 20_000);
const PEOPLE = Math.max(RATING_ROWS, 1000);
const quiet: Progress = { progress: () => undefined, cancelled: () => false };

/** Wall time, the value, and this process's CPU time (all threads): on a machine shared by many, the
 * CPU time is the steadier figure, so both are printed. */
async function time<T>(fn: () => Promise<T> | T): Promise<[number, T, number]> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const v = await fn();
  const c = process.cpuUsage(c0);
  return [performance.now() - t0, v, (c.user + c.system) / 1000];
}

async function floor(read: (path: string) => Promise<number>, path: string): Promise<Floor> {
  const [ms, , cpu] = await time(() => read(path));
  return { ms, cpu };
}
const exceljsStream = (path: string) => floor(exceljsStreamCells, path);
const exceljsReadFile = (path: string) => floor(exceljsReadCells, path);

interface Floor {
  ms: number;
  cpu: number;
}

interface Parts {
  readerMs: number;
  parseMs: number;
  /** CPU time of reader + parse */
  readCpu: number;
  validateMs: number;
  writeMs: number;
  added: number;
}

async function ours(core: AppCore, kind: ImportKind, path: string, periodId: string | null = null): Promise<Parts> {
  const [readerMs, inspected, readerCpu] = await time(async () => {
    const f = await inspectSpreadsheet(path);
    await verifyEntries(f.bytes, f.fileName);
    return f;
  });
  const [parseMs, sheets, parseCpu] = await time(() => readWorkbook(inspected.bytes, inspected.fileName));
  const request = { kind, path, unitId: null, periodId };
  // The parsed rows handed over as the preview's cache would: this part times the plan alone
  // (its own file check reads the bytes again; subtracted).
  const cache = { load: () => sheets, save: () => undefined };
  const [analyzeMs, a] = await time(() => analyzeImport(core.db, SYSTEM_OPERATOR, request, '2026-11-25', quiet, cache));
  const [inspectAgain] = await time(() => inspectSpreadsheet(path));
  if (a.rows.some((r) => r.issues.length))
    throw new Error(`bench file has issues: ${JSON.stringify(a.rows.find((r) => r.issues.length)?.issues)}`);
  const [writeMs, result] = await time(() => applyAnalysis(core.ctx(SYSTEM_OPERATOR), a, 'all', quiet));
  return {
    readerMs,
    parseMs,
    readCpu: readerCpu + parseCpu,
    validateMs: Math.max(0, analyzeMs - inspectAgain),
    writeMs,
    added: result.added,
  };
}

function partRows(label: string, rows: number, file: string, p: Parts, s: Floor, f: Floor): BenchRow[] {
  const read = p.readerMs + p.parseMs;
  const stream = s.ms;
  const readFile = f.ms;
  const mb = (statSync(file).size / 2 ** 20).toFixed(1);
  return [
    {
      name: `${label}: reader + parse`,
      ours: read,
      floor: stream,
      unit: 'ms',
      ratio: stream / read,
      note: `reader ${p.readerMs.toFixed(0)} ms (file checks) + parse ${p.parseMs.toFixed(0)} ms; floor: exceljs streaming reader, ${mb} MB; ratio = floor / ours (goal ≥ 0.8×); CPU time ${p.readCpu.toFixed(0)} vs ${s.cpu.toFixed(0)} ms = ${(s.cpu / p.readCpu).toFixed(2)}×`,
    },
    {
      name: `${label}: reader + parse vs readFile`,
      ours: read,
      floor: readFile,
      unit: 'ms',
      ratio: readFile / read,
      note: `floor: exceljs Workbook.readFile of the same file; CPU time ${p.readCpu.toFixed(0)} vs ${f.cpu.toFixed(0)} ms = ${(f.cpu / p.readCpu).toFixed(2)}×`,
    },
    {
      name: `${label}: validation`,
      ours: p.validateMs,
      unit: 'ms',
      note: 'table, every row planned against the store',
    },
    {
      name: `${label}: write`,
      ours: p.writeMs,
      unit: 'ms',
      note: `${p.added} records, one transaction, one audit row each; ${((p.added / p.writeMs) * 1000).toFixed(0)} rows/s`,
    },
    {
      name: `${label}: whole import vs exceljs stream`,
      ours: read + p.validateMs + p.writeMs,
      floor: stream,
      unit: 'ms',
      ratio: stream / (read + p.validateMs + p.writeMs),
      note: `${rows} rows`,
    },
  ];
}

export async function bench(): Promise<BenchRow[]> {
  const t = tempCore({ checkOutputs: false, autoBackup: false });
  const rows: BenchRow[] = [];
  try {
    const agency = createUnit(t.ctx, { parentId: null, name: '某市发改委' });
    for (const d of DEPTS) createUnit(t.ctx, { parentId: agency.id, name: d });
    const roster = join(t.dir, 'roster.xlsx');
    await writeRosterFile(roster, PEOPLE);
    const r = await ours(t.core, 'roster', roster);
    rows.push(
      ...partRows(`roster ${PEOPLE}`, PEOPLE, roster, r, await exceljsStream(roster), await exceljsReadFile(roster)),
    );

    const evidence = join(t.dir, 'evidence.xlsx');
    await writeEvidenceFile(evidence, EVIDENCE_ROWS, PEOPLE);
    global.gc?.();
    const e = await ours(t.core, 'evidence', evidence);
    rows.push(
      ...partRows(
        `evidence ${EVIDENCE_ROWS}`,
        EVIDENCE_ROWS,
        evidence,
        e,
        await exceljsStream(evidence),
        await exceljsReadFile(evidence),
      ),
    );

    const year = makeYear(t.ctx, agency.id);
    const q2 = year.periods[1]!;
    const ratings = join(t.dir, 'ratings.xlsx');
    const values = ['好', '较好', '较好', '较好', '一般'];
    await writeRows(ratings, '平时考核', RATINGS_HEADER, RATING_ROWS, (i) => [
      noOf(i),
      nameOf(i),
      q2.code,
      `第二季度完成第 ${i % 40} 项重点工作，按期报送材料。`,
      values[i % values.length],
      '表现平稳',
      '科长',
    ]);
    global.gc?.();
    const g = await ours(t.core, 'ratings', ratings, q2.id);
    rows.push(
      ...partRows(
        `ratings ${RATING_ROWS}`,
        RATING_ROWS,
        ratings,
        g,
        await exceljsStream(ratings),
        await exceljsReadFile(ratings),
      ),
    );
  } finally {
    t.cleanup();
  }
  return rows;
}
