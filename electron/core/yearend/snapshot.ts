// Freezing the suggestions when a year enters review, and the per-person difference between the
// frozen suggestion and what the records say now (a late evidence or rating change is never silent).
import { stamp, type Ctx } from '../context';
import type { PersonResult } from '../../../shared/rules';
import type { StoredEvaluation } from './evaluate';
import { stmt } from '../db/statements';
import type { SnapshotRecord } from './records';

export function takeSnapshot(ctx: Ctx, yearId: string, ev: StoredEvaluation): number {
  const at = stamp(ctx);
  stmt(ctx.db, 'DELETE FROM yearend_snapshot WHERE year_id = ?').run(yearId);
  const ins = stmt(
    ctx.db,
    `INSERT INTO yearend_snapshot (year_id, person_id, outcome, grade, label, rule_id, flags_json, trace_text, quota_unit_key, taken_at, taken_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of ev.evaluation.results) {
    ins.run(
      yearId,
      r.personId,
      r.suggestion.outcome,
      r.suggestion.grade,
      r.suggestion.label,
      r.suggestion.ruleId,
      JSON.stringify(r.flags),
      r.traceText,
      r.quotaUnitKey,
      at,
      ctx.operator.id,
    );
  }
  return ev.evaluation.results.length;
}

/** The trace without the unit-wide quota line, which moves whenever anyone else's candidacy does. */
function personalTrace(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('优秀名额（'))
    .join('\n');
}

export type SnapshotChange = 'none' | 'grade' | 'trace' | 'new';

/** 'grade' when the suggested outcome or grade moved, 'trace' when only the reasons did. */
export function snapshotChange(
  current: PersonResult,
  frozen: SnapshotRecord | undefined,
  snapshotTaken: boolean,
): SnapshotChange {
  if (!snapshotTaken) return 'none';
  if (!frozen) return 'new';
  if (frozen.outcome !== current.suggestion.outcome || frozen.grade !== current.suggestion.grade) return 'grade';
  if (personalTrace(frozen.traceText) !== personalTrace(current.traceText)) return 'trace';
  return 'none';
}
