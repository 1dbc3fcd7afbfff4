// Runs the rule engine over a stored year, with the year's settings (as decided, once final).
// The result is cached per connection until any write lands (data_version + total_changes).
import { isoToday } from '../../../shared/domain/dates';
import { evaluateYear, type YearEvaluation } from '../../../shared/rules';
import { yearSettings, type YearSettings } from '../../../shared/settings/year-settings';
import type { Ctx } from '../context';
import type { Db } from '../db/open';
import { gatherYearInputs, type YearInputs } from './gather';
import { stmt } from '../db/statements';
import { readYearState } from './year-state';

export interface StoredEvaluation extends YearInputs {
  settings: YearSettings;
  /** settings are the ones kept at finalisation */
  settingsAsDecided: boolean;
  today: string;
  evaluation: YearEvaluation;
}

const cache = new WeakMap<Db, Map<string, { version: string; value: StoredEvaluation }>>();

const ignored = new WeakMap<Db, number>();

function totalChanges(db: Db): number {
  return (stmt(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
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
  const key0 = stmt(db, 'SELECT stage, finalized_at FROM assessment_year WHERE id = ?').get(yearId) as
    { stage: string; finalized_at: string | null } | undefined;
  // a decided year is evaluated as of the day it was finalised, so it re-opens exactly as decided
  const today = asOf
    ? asOf
    : key0?.finalized_at && (key0.stage === 'final' || key0.stage === 'archived')
      ? isoToday(new Date(key0.finalized_at))
      : isoToday(ctx.now());
  const key = `${yearId}|${today}|${override ? JSON.stringify(override) : ''}`;
  const version = dataVersion(db);
  let m = cache.get(db);
  if (!m) {
    m = new Map();
    cache.set(db, m);
  }
  const hit = m.get(key);
  if (hit && hit.version === version) return hit.value;
  const probe = gatherYearInputs(db, yearId, override);
  let settings = override ?? probe.year.settings;
  let asDecided = false;
  if (!override) {
    const s = settingsInForce(db, yearId, probe.year.settings);
    settings = s.settings;
    asDecided = s.asDecided;
  }
  // re-gather only when the decided settings change what counts (only-reviewed periods)
  const inputs =
    settings.onlyReviewedPeriodsCount === probe.year.settings.onlyReviewedPeriodsCount || override
      ? probe
      : gatherYearInputs(db, yearId, settings);
  const evaluation = evaluateYear({ year: inputs.year.dto.year, today, settings, people: inputs.inputs });
  const value: StoredEvaluation = { ...inputs, settings, settingsAsDecided: asDecided, today, evaluation };
  if (m.size > 4) m.clear();
  m.set(key, { version, value });
  return value;
}
