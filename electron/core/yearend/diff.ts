// The per-person difference between the suggestions frozen at review and what the records say now.
import type { Ctx } from '../context';
import { readYearState } from './year-state';
import type { SnapshotChange } from './snapshot';
import { loadYearView, outcomeLabel } from './view';

export function snapshotDiff(ctx: Pick<Ctx, 'db' | 'now'>, yearId: string) {
  const view = loadYearView(ctx, yearId);
  const rows: {
    personId: string;
    personNo: string;
    name: string;
    departmentName: string;
    change: SnapshotChange;
    before: { label: string; traceText: string } | null;
    after: { label: string; traceText: string };
    decisionLabel: string | null;
  }[] = [];
  for (const p of view.people) {
    const change = p.change;
    if (change === 'none') continue;
    rows.push({
      personId: p.dto.id,
      personNo: p.dto.personNo,
      name: p.dto.name,
      departmentName: p.dto.unitName,
      change,
      before: p.frozen ? { label: p.frozen.label, traceText: p.frozen.traceText } : null,
      after: { label: p.result.suggestion.label, traceText: p.result.traceText },
      decisionLabel: p.decision ? outcomeLabel(p.decision.outcome, p.decision.grade, p.dto.category) : null,
    });
  }
  return { snapshotAt: readYearState(ctx.db, yearId)?.snapshotAt ?? null, rows };
}
