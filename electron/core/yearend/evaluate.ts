// Runs the rule engine over a stored year, with the year's settings (as decided, once final).
// The result is cached per connection and kept up to date by the change feed: a commit that wrote a
// rating, evidence (a sanction, a leave…), a move, a person or an earlier year's grade marks those
// people (a commit of another connection as well: a job worker's import, the command line); the
// next call re-reads only them and evaluates only them again (each person's own result is
// memoised), and passes again only the quota units whose members or places changed (the points
// ranking and quota lines of the rest are kept: shared/rules/engine.ts, YearMemo). A change to the year, its periods, the unit tree, the year state or
// any table this file does not know of — or a commit the feed cannot name — drops the cache.
import { isoToday } from '../../../shared/domain/dates';
import type { PersonDto } from '../../../shared/domain/records';
import { evaluateYear, newYearMemo, type PersonInput, type YearEvaluation, type YearMemo } from '../../../shared/rules';
import { yearSettings, type YearSettings } from '../../../shared/settings/year-settings';
import type { Ctx } from '../context';
import type { Db } from '../db/open';
import { gatherYearInputs, type YearInputs } from './gather';
import { readYearState } from './year-state';
import { followOtherConnections, onCommit, storeKey, type ChangedRow } from '../db/change-feed';
import { many, one, the } from '../db/query';

export interface StoredEvaluation extends YearInputs {
  settings: YearSettings;
  /** settings are the ones kept at finalisation */
  settingsAsDecided: boolean;
  today: string;
  evaluation: YearEvaluation;
}

interface CacheEntry {
  /** the store key the value is up to date with */
  key: string;
  value: StoredEvaluation;
  /** the settings the inputs were gathered with (the decided ones may differ from the year's) */
  gatherSettings: YearSettings | undefined;
  memo: YearMemo;
  /** people whose rows changed since the value was computed */
  dirty: Set<string>;
}

const cache = new WeakMap<Db, Map<string, CacheEntry>>();

/**
 * How many evaluations ran from scratch and how many re-read only changed people; of the latter,
 * how many quota units were passed again and how many results remade (tests, bench).
 */
export const evaluationRuns = { full: 0, partial: 0, unitsPassed: 0, resultsRemade: 0 };

const ignored = new WeakMap<Db, number>();

function totalChanges(db: Db): number {
  return the<{ n: number }>(db, 'SELECT total_changes() AS n').n;
}

/** Changes whenever another connection commits, or this one writes anything the engine reads. */
export function dataVersion(db: Db): string {
  const dv = db.pragma('data_version', { simple: true }) as number;
  return `${dv}:${totalChanges(db) - (ignored.get(db) ?? 0)}`;
}

/**
 * Runs year-end writes the engine never reads (decisions of an open year, bulk accepts, objections)
 * without invalidating the cached evaluation: at 20,000 people a committee click then costs the
 * decision, not a full recomputation. Redress and stage changes are not wrapped: they can change
 * what the engine reads (a final year's decisions are history; the stage pins the evaluation day).
 */
export function withoutInvalidating<T>(db: Db, fn: () => T): T {
  const before = totalChanges(db);
  const result = fn();
  ignored.set(db, (ignored.get(db) ?? 0) + totalChanges(db) - before);
  return result;
}

/** The settings a year is evaluated under: as decided when final/archived, else its current ones. */
export function settingsInForce(
  db: Db,
  yearId: string,
  current: YearSettings,
): { settings: YearSettings; asDecided: boolean } {
  const state = readYearState(db, yearId);
  if (state?.decidedSettingsJson)
    return { settings: yearSettings.parse(JSON.parse(state.decidedSettingsJson)), asDecided: true };
  return { settings: current, asDecided: false };
}

export function evaluateStoredYear(
  ctx: Pick<Ctx, 'db' | 'now'>,
  yearId: string,
  override?: YearSettings,
  /** evaluate as of this day (a 复核/申诉 or 补定等次 decision day) instead of the stage's own day */
  asOf?: string,
): StoredEvaluation {
  const db = ctx.db;
  const key0 = one<{ stage: string; finalized_at: string | null }>(
    db,
    'SELECT stage, finalized_at FROM assessment_year WHERE id = ?',
    yearId,
  );
  // a decided year is evaluated as of the day it was finalised, so it re-opens exactly as decided
  const today = asOf
    ? asOf
    : key0?.finalized_at && (key0.stage === 'final' || key0.stage === 'archived')
      ? isoToday(new Date(key0.finalized_at))
      : isoToday(ctx.now());
  const key = `${yearId}|${today}|${override ? JSON.stringify(override) : ''}`;
  // Another connection's commits (a worker's import) mark their people too, as this one's do.
  followOtherConnections(db);
  const now = storeKey(db);
  let m = cache.get(db);
  if (!m) {
    m = new Map();
    cache.set(db, m);
  }
  const hit = m.get(key);
  if (hit && hit.key === now) {
    if (hit.dirty.size) refresh(db, yearId, hit);
    return hit.value;
  }
  const probe = gatherYearInputs(db, yearId, override);
  let settings = override ?? probe.year.settings;
  let asDecided = false;
  if (!override) {
    const s = settingsInForce(db, yearId, probe.year.settings);
    settings = s.settings;
    asDecided = s.asDecided;
  }
  // re-gather only when the decided settings change what counts (only-reviewed periods)
  const same = settings.onlyReviewedPeriodsCount === probe.year.settings.onlyReviewedPeriodsCount || !!override;
  const gatherSettings = same ? override : settings;
  const inputs = same ? probe : gatherYearInputs(db, yearId, settings);
  evaluationRuns.full++;
  const memo = newYearMemo();
  const evaluation = evaluateYear({ year: inputs.year.dto.year, today, settings, people: inputs.inputs }, memo);
  const value: StoredEvaluation = { ...inputs, settings, settingsAsDecided: asDecided, today, evaluation };
  if (m.size > 4) m.clear();
  m.set(key, { key: now, value, gatherSettings, memo, dirty: new Set() });
  return value;
}

/**
 * Re-reads the marked people, puts them where the year's order has them, and evaluates again (the
 * memo keeps everyone else's result and every quota unit they did not change).
 */
function refresh(db: Db, yearId: string, entry: CacheEntry): void {
  evaluationRuns.partial++;
  const ids = [...entry.dirty];
  entry.dirty.clear();
  const old = entry.value;
  const fresh = gatherYearInputs(db, yearId, entry.gatherSettings, ids);
  const gone = new Set(ids);
  const people: PersonDto[] = [];
  const inputs: PersonInput[] = [];
  old.people.forEach((p, i) => {
    if (gone.has(p.id)) return;
    people.push(p);
    inputs.push(old.inputs[i]!);
  });
  for (const id of ids) entry.memo.people.delete(id);
  // The gatherer's order: the unit's sort order, the unit's name, 人员编号 (SQLite compares text by
  // code point). The others are in that order already; each re-read person goes in after their equals.
  const sortOf = (p: PersonDto) => fresh.departments.get(p.unitId)?.sortOrder ?? 0;
  const before = (x: PersonDto, y: PersonDto) =>
    sortOf(x) - sortOf(y) || byCodePoint(x.unitName, y.unitName) || byCodePoint(x.personNo, y.personNo);
  fresh.people.forEach((p, i) => {
    let lo = 0;
    let hi = people.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(p, people[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    people.splice(lo, 0, p);
    inputs.splice(lo, 0, fresh.inputs[i]!);
  });
  const evaluation = evaluateYear(
    { year: old.year.dto.year, today: old.today, settings: old.settings, people: inputs },
    entry.memo,
  );
  evaluationRuns.unitsPassed += entry.memo.last.units;
  evaluationRuns.resultsRemade += entry.memo.last.people;
  entry.value = { ...old, people, inputs, evaluation };
}

function byCodePoint(a: string, b: string): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d) return d;
  }
  return x.length - y.length;
}

/** Tables whose rows name the people they concern (column person_id): those people are re-read. */
const BY_PERSON = new Set(['period_rating', 'evidence', 'person_move', 'history_grade']);
/** Tables the engine's inputs never read (the year-end's own workflow, packs, exchange, accounts…). */
const UNREAD = new Set([
  'operator',
  'import_batch',
  'cap_override',
  'department_review',
  'yearend_snapshot',
  'yearend_objection',
  'yearend_redress',
  'yearend_unlock',
  'pack_summary_draft',
  'yearend_frozen_pack',
  'calendar_year',
  'calendar_day',
  'yearend_signoff',
  'person_distinct',
  'exchange_sender',
  'exchange_bundle',
  'exchange_baseline',
  'evidence_attachment',
  'pack_comment_draft',
  'appraisal_tally',
  'period_deadline',
]);
/** More people than this touched in one commit (an import): evaluate from scratch on next use. */
const PATCH_LIMIT = 2000;

onCommit({
  drop: (db) => cache.delete(db),
  holds: (db) => (cache.get(db)?.size ?? 0) > 0,
  commit: (db, commit) => {
    const m = cache.get(db);
    if (!m || m.size === 0) return;
    const touched = commit.rows ? peopleTouched(db, commit.rows) : null;
    for (const [key, entry] of m) {
      if (entry.key !== commit.before || !touched || entry.dirty.size + touched.size > PATCH_LIMIT) {
        m.delete(key);
        continue;
      }
      for (const id of touched) entry.dirty.add(id);
      entry.key = commit.after;
    }
  },
});

/** The people a commit's rows concern, or null when it changed something that needs a full evaluation. */
function peopleTouched(db: Db, rows: readonly ChangedRow[]): Set<string> | null {
  const people = new Set<string>();
  const byTable = new Map<string, string[]>();
  for (const r of rows) {
    if (UNREAD.has(r.table)) continue;
    if (r.table === 'person') {
      people.add((JSON.parse(r.key) as string[])[0]!);
      continue;
    }
    if (!BY_PERSON.has(r.table) && r.table !== 'yearend_decision') return null;
    const list = byTable.get(r.table) ?? [];
    list.push((JSON.parse(r.key) as string[])[0]!);
    byTable.set(r.table, list);
  }
  if (byTable.size + people.size > PATCH_LIMIT || rows.length > PATCH_LIMIT * 4) return null;
  for (const [table, ids] of byTable) {
    if (ids.length > PATCH_LIMIT) return null;
    // A decision counts as an earlier year's grade only once its year is final (redress may change it then).
    const sql =
      table === 'yearend_decision'
        ? `SELECT d.id, d.person_id, ay.stage IN ('final', 'archived') AS history FROM yearend_decision d
             JOIN assessment_year ay ON ay.id = d.year_id WHERE d.id IN (SELECT value FROM json_each(?))`
        : `SELECT id, person_id, 1 AS history FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`;
    const found = many<{ id: string; person_id: string; history: number }>(db, sql, JSON.stringify(ids));
    // A deleted row no longer says whose it was: evaluate from scratch.
    if (found.length < new Set(ids).size) return null;
    for (const f of found) if (f.history) people.add(f.person_id);
  }
  return people;
}
