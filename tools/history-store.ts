// A store with years of audited history, for the start-up and scale benchmarks: the demo's people
// (20,000 by default) and, for each year, every quarter rated and each Q4 comment revised through
// saveRatingsBatch — one audit entry and one seal per changed row, as the window's saves write
// them — then a background walk that records a checkpoint, as a previous start would have.
// Slow to build (half an hour at 20,000 × 5 on a busy machine), so it is kept in a cache folder and
// reused while this generator stays the same; a later schema migrates it once.
//
//   npx tsx tools/history-store.ts [--people 20000] [--years 5]   prints the data folder
//   DA_BENCH_CACHE=<folder> chooses the cache (default: <tmp>/da-bench-cache)
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppCore } from '../electron/core/app-core';
import { storeFile } from '../electron/core/db/paths';
import { SYSTEM_OPERATOR, writeTx, type Ctx } from '../electron/core/context';
import { createOperator } from '../electron/core/auth/operators';
import { generateDemo } from '../electron/core/demo';
import { loadMigrations } from '../electron/core/db/migrate';
import { allMemberships, loadPeriodState } from '../electron/core/ratings/period-state';
import { saveRatingsBatch } from '../electron/core/ratings/save';
import { createYear } from '../electron/core/years/year-service';
import { listPeriods, requirePeriod } from '../electron/core/years/year-repo';
import { ratingsLockReason } from '../electron/core/years/locks';
import type { PeriodRatingValue } from '../shared/domain/types';
import { column, scalar } from '../electron/core/db/query';

/** Bump when what the generator writes changes: cached stores are rebuilt. */
const GENERATOR = 2;
const FIRST_YEAR = 2022;
/** the signed-in account the benchmarks use (the first screen is its log-in) */
export const HISTORY_OPERATOR = { username: 'jingban', password: 'Lishi#2026history' };

export function cacheRoot(): string {
  return process.env.DA_BENCH_CACHE ?? join(tmpdir(), 'da-bench-cache');
}

function storeKey(people: number, years: number): string {
  return `history-${people}x${years}-g${GENERATOR}`;
}

const RATINGS: PeriodRatingValue[] = [
  'good',
  'fair',
  'fair',
  'fair',
  'fair',
  'average',
  'fair',
  'fair',
  'fair',
  'fair',
];

/** One year of activity on every agency: four quarters rated, then the Q4 comments revised. */
function activeYear(ctx: Ctx, year: number, log: (s: string) => void): number {
  const db = ctx.db;
  let entries = 0;
  const agencies = column<string>(db, "SELECT id FROM unit WHERE kind = 'agency' ORDER BY sort_order, name");
  for (const unitId of agencies) {
    const existing = scalar<string>(db, 'SELECT id FROM assessment_year WHERE unit_id = ? AND year = ?', unitId, year);
    const yearId = existing ?? createYear(ctx, { unitId, year }).year.id;
    const record = requirePeriod(db, listPeriods(db, yearId)[0]!.id).year.dto;
    // The demo's own year has quarters already reviewed (locked): only the open ones are rated again.
    const periods = listPeriods(db, yearId).filter((p) => ratingsLockReason(record, p) === null);
    writeTx(ctx, () => {
      periods.forEach((p, q) => {
        const members = allMemberships(loadPeriodState(db, requirePeriod(db, p.id))).filter((m) => m.due);
        const rows = members.map((m, i) => ({
          periodId: p.id,
          personId: m.person.id,
          unitId: m.unitId,
          rating: RATINGS[(i + q + year) % RATINGS.length],
          workRecord: `${year}年${p.label}：完成科室交办的第${(i % 40) + 1}项重点工作，按期报送材料。`,
          comment: `${p.label}表现平稳。`,
        }));
        if (rows.length) entries += saveRatingsBatch(ctx, rows, { source: 'grid' }).changed;
        if (q === periods.length - 1 && rows.length)
          entries += saveRatingsBatch(
            ctx,
            rows.map((r) => ({
              periodId: r.periodId,
              personId: r.personId,
              comment: `${p.label}表现平稳，年度任务完成。`,
            })),
            { source: 'grid' },
          ).changed;
      });
    });
  }
  log(`  ${year}: ${entries} audited rating writes`);
  return entries;
}

async function build(dir: string, people: number, years: number, log: (s: string) => void): Promise<void> {
  const fewer = years > 1 ? await historyStore({ people, years: years - 1, log }) : null;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (fewer) cpSync(fewer, dir, { recursive: true });
  const core = new AppCore({ dataDir: dir, autoBackup: false, logError: () => undefined });
  try {
    const ctx = core.ctx(SYSTEM_OPERATOR);
    if (!fewer) {
      generateDemo(ctx, { people, year: FIRST_YEAR });
      await createOperator(ctx, {
        username: HISTORY_OPERATOR.username,
        displayName: '经办人',
        role: 'clerk',
        unitScope: [],
        password: HISTORY_OPERATOR.password,
      });
    }
    activeYear(ctx, FIRST_YEAR + years - 1, log);
  } finally {
    core.close();
  }
  await checkpointed(dir);
}

/** A start of the window walks the chain in the background and records a checkpoint. */
async function checkpointed(dir: string): Promise<void> {
  const win = new AppCore({ dataDir: dir, autoBackup: false, startup: 'background', logError: () => undefined });
  try {
    const checks = await win.startBackgroundChecks();
    if (checks.state !== 'done' || !win.auditStatus.ok)
      throw new Error(`history store fails its own check: ${win.auditStatus.problem ?? checks.state}`);
  } finally {
    win.close();
  }
  rmSync(join(dir, 'backups'), { recursive: true, force: true });
}

/** The data folder of a cached history store, built first when missing. Do not write to it: copy it. */
export async function historyStore(options: {
  people?: number;
  years?: number;
  log?: (s: string) => void;
}): Promise<string> {
  const people = options.people ?? 20_000;
  const years = options.years ?? 5;
  const log = options.log ?? ((s: string) => console.error(s));
  const dir = join(cacheRoot(), storeKey(people, years));
  if (existsSync(join(dir, 'complete'))) {
    // Built by an older schema: migrated once here (and its baseline taken), as an office's store is.
    const raw = new Database(storeFile(dir), { readonly: true });
    const version = raw.pragma('user_version', { simple: true }) as number;
    raw.close();
    if (version < loadMigrations().length) {
      log(`migrating history store ${dir} from schema ${version} …`);
      new AppCore({ dataDir: dir, autoBackup: false, logError: () => undefined }).close();
      await checkpointed(dir);
      rmSync(join(dir, 'backups'), { recursive: true, force: true });
    }
    return dir;
  }
  const started = performance.now();
  log(`building history store ${people} people × ${years} years in ${dir} …`);
  await build(dir, people, years, log);
  writeFileSync(join(dir, 'complete'), new Date().toISOString());
  log(`  built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return dir;
}

if (require.main === module) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  historyStore({ people: arg('people'), years: arg('years') }).then(
    (dir) => console.log(dir),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
