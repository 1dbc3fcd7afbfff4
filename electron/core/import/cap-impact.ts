// What a ratings import does to the cap on 好, told before and after it is applied: the planned rows
// are laid over a fresh copy of each period's tallies (the same CapTally the save moves), and every
// enforced scope whose 好 the file raises past its cap is named with the engine's own message.
import { capMessage } from '../../../shared/ratings/cap';
import type { Db } from '../db/open';
import { loadPeriodState } from '../ratings/period-state';
import { requirePeriod } from '../years/year-repo';
import type { RatingRecord } from './kind-ratings';

export interface CapImpact {
  /** one line per scope the file pushes over its cap */
  messages: string[];
  /** the year's settings refuse a save over the cap (the import will be refused as a whole) */
  blocks: boolean;
}

export function capImpactOf(db: Db, records: readonly RatingRecord[]): CapImpact {
  const byPeriod = new Map<string, RatingRecord[]>();
  for (const r of records) (byPeriod.get(r.periodId) ?? byPeriod.set(r.periodId, []).get(r.periodId)!).push(r);
  const messages: string[] = [];
  let blocks = false;
  for (const [periodId, rows] of byPeriod) {
    // A fresh state: the kept one is shared and must not see rows that are not saved.
    const state = loadPeriodState(db, requirePeriod(db, periodId));
    const cap = state.record.year.settings.goodCap;
    if (!cap.enabled) continue;
    const before = state.tally.status();
    for (const r of rows) {
      const old = state.ratings.get(r.personId);
      // the save rates a person in the department they are due in this period, as here
      const unitId = state.byPerson.get(r.personId)?.find((m) => m.due)?.unitId ?? r.unitId;
      state.tally.apply(r.personId, old, {
        id: old?.id ?? '',
        personId: r.personId,
        unitId,
        rating: r.rating,
        updatedAt: '',
      });
    }
    const after = state.tally.status();
    const label = state.record.period.label;
    const pushed =
      after.scope === 'agency'
        ? after.agency.over && after.agency.good > before.agency.good
          ? [after.agency]
          : []
        : after.departments.filter((d, i) => d.over && d.good > before.departments[i]!.good);
    for (const s of pushed) messages.push(`${label}　${capMessage(s.unitName, s, cap)}`);
    if (pushed.length && cap.enforcement !== 'warn') blocks = true;
  }
  return { messages, blocks };
}
