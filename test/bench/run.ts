// Runs every test/bench/*.bench.ts in turn (each exports `bench(): Promise<BenchRow[]>`) and prints
// one table: our figure, the floor it is measured against (a dependency's own speed), the ratio.
// Usage: npm run bench [-- NAME_FILTER]
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchRow {
  name: string;
  /** our figure */
  ours: number;
  /** the same work done by the dependency alone (raw SQL, exceljs read…), when there is one */
  floor?: number;
  unit: string; // 'ms', 'rows/s', 'MB'…
  /** ours / floor unless given (for rates, floor / ours reads better: say so in the note) */
  ratio?: number;
  note: string;
}

type BenchModule = { bench?: () => Promise<BenchRow[]> };

const fmt = (n: number | undefined) =>
  n === undefined ? '' : n >= 1000 ? Math.round(n).toLocaleString('en-US') : n >= 10 ? n.toFixed(1) : n.toFixed(2);

function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1; // CJK is double width in a terminal
  return w;
}
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s;

export function printTable(rows: (BenchRow & { file: string })[], out: (l: string) => void = console.log): void {
  const head = ['file', 'benchmark', 'ours', 'floor', 'unit', 'ratio', 'note'];
  const cells = rows.map((r) => {
    const ratio = r.ratio ?? (r.floor ? r.ours / r.floor : undefined);
    return [
      r.file,
      r.name,
      fmt(r.ours),
      fmt(r.floor),
      r.unit,
      ratio === undefined ? '' : `${ratio.toFixed(2)}×`,
      r.note,
    ];
  });
  const widths = head.map((h, i) => Math.max(width(h), ...cells.map((c) => width(c[i]!))));
  const line = (c: string[]) =>
    c.map((x, i) => (i >= 2 && i <= 5 && i !== 4 ? padStart(x, widths[i]!) : pad(x, widths[i]!))).join('  ');
  out(line(head));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) out(line(c));
}

export async function runBenches(filter?: string): Promise<number> {
  // Time the worker the app ships (built by `npm run bench`), not tsx compiling it on each start.
  process.env.DA_WORKER_SCRIPT ??= join(__dirname, '../../out/main/worker.js');
  process.env.DA_CORE_SCRIPT ??= join(__dirname, '../../out/main/core.js');
  const dir = __dirname;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
    .sort();
  const rows: (BenchRow & { file: string })[] = [];
  let failed = 0;
  for (const f of files) {
    const started = performance.now();
    console.log(`▶ ${f} …`);
    try {
      const mod = (await import(join(dir, f))) as BenchModule;
      if (typeof mod.bench !== 'function') throw new Error('exports no bench()');
      for (const r of await mod.bench()) rows.push({ ...r, file: f.replace(/\.bench\.ts$/, '') });
      console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (e) {
      failed++;
      console.error(`  基准测试失败 / bench failed: ${f}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
  console.log('');
  printTable(rows);
  return failed ? 1 : 0;
}

if (require.main === module) {
  void runBenches(process.argv[2]).then((code) => process.exit(code));
}
