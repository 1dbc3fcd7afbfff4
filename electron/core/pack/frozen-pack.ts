// The frozen copy of a decided year's pack: written once when the year is finalised, read by every
// later print of that year. The roster, department names, summaries and form options of later
// years never reach it; the one thing laid over it is a recorded 复核/申诉/补定等次 outcome, which
// prints with its basis (the redress decision's date, 文号 and reason).
import { createHash } from 'node:crypto';
import type { Grade, Outcome } from '../../../shared/domain/types';
import { consequencesOf, type Consequence, type RuleHistory } from '../../../shared/rules';
import { chineseDatesIn } from '../../../shared/sheets/format';
import type { PackConsequences, PackData } from '../../../shared/sheets/pack-data';
import { stamp, type Ctx } from '../context';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { many, one } from '../db/query';

/** Version of the stored JSON shape; a reader refuses none, it only knows how to read each. */
export const FROZEN_PACK_FORMAT = 1;

export interface FrozenPackDocument {
  pack: PackData;
  /** earlier years' grades as used at finalisation: a redress outcome's consequences need them */
  history: Record<string, RuleHistory[]>;
}

/** Decision sources that may change a final year's result (the only writes the stage lock lets through). */
export const REDRESS_SOURCES: readonly string[] = ['review', 'appeal', 'deferred_grade'];

export function packConsequences(list: readonly Consequence[]): PackConsequences {
  const codes = new Set(list.map((c) => c.code));
  return {
    commendation: codes.has('commendation'),
    meritCandidate: codes.has('merit_candidate'),
    incompetent: codes.has('demote'),
    dismissalCandidate: codes.has('dismiss_candidate'),
  };
}

export function contentHash(json: string): string {
  return createHash('sha256').update(json, 'utf8').digest('hex');
}

/** Inside the finalisation transaction: keeps the document; the table's triggers keep it unchanged. */
export function writeFrozenPack(ctx: Ctx, yearId: string, doc: FrozenPackDocument): { hash: string; bytes: number } {
  const json = JSON.stringify(doc);
  const hash = contentHash(json);
  stmt(
    ctx.db,
    'INSERT INTO yearend_frozen_pack (year_id, format, pack_json, content_hash, frozen_at, frozen_by) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(yearId, FROZEN_PACK_FORMAT, json, hash, stamp(ctx), ctx.operator.id);
  return { hash, bytes: Buffer.byteLength(json, 'utf8') };
}

export function hasFrozenPack(db: Db, yearId: string): boolean {
  return !!stmt(db, 'SELECT 1 FROM yearend_frozen_pack WHERE year_id = ?').get(yearId);
}

interface RedressDecisionRow {
  id: string;
  person_id: string;
  outcome: Outcome;
  grade: Grade | null;
  reason: string;
  approval_doc_no: string;
}

/**
 * The frozen pack of a decided year with the recorded redress outcomes laid over it, or null when
 * the year has no frozen copy (not final, or finalised by a version before the copy existed).
 */
export function readFrozenPack(db: Db, yearId: string): PackData | null {
  const row = one<{ pack_json: string }>(db, 'SELECT pack_json FROM yearend_frozen_pack WHERE year_id = ?', yearId);
  if (!row) return null;
  const doc = JSON.parse(row.pack_json) as FrozenPackDocument;
  const pack = doc.pack;
  const stage = one<{ stage: PackData['year']['stage'] }>(db, 'SELECT stage FROM assessment_year WHERE id = ?', yearId);
  if (stage) pack.year.stage = stage.stage; // final or archived: both print as decided
  const redress = many<RedressDecisionRow>(
    db,
    `SELECT id, person_id, outcome, grade, reason, approval_doc_no FROM yearend_decision
      WHERE year_id = ? AND source IN (${REDRESS_SOURCES.map(() => '?').join(', ')})`,
    yearId,
    ...REDRESS_SOURCES,
  );
  if (!redress.length) return pack;
  const byPerson = new Map(redress.map((r) => [r.person_id, r]));
  for (const p of pack.persons) {
    const r = byPerson.get(p.id);
    if (!r) continue;
    p.result = {
      ...p.result,
      outcome: r.outcome,
      finalGrade: r.outcome === 'graded' ? r.grade : null,
      // the basis: 复核决定（日期，文号）：理由 — written by the redress decision itself
      decisionReason: chineseDatesIn(r.reason),
      redressBasis: chineseDatesIn(r.reason),
      approvalDocNo: r.approval_doc_no,
      decided: true,
    };
    p.consequences = packConsequences(
      consequencesOf({
        year: pack.year.year,
        category: p.category,
        outcome: r.outcome,
        grade: r.grade,
        history: doc.history[p.id] ?? [],
      }),
    );
  }
  // the summary table's chain head: the entry that applied the latest of these outcomes
  const head = one<{ seq: number; hash: string }>(
    db,
    `SELECT seq, hash FROM audit_log WHERE action = 'yearend.redress.apply' AND entity_id IN (SELECT value FROM json_each(?))
      ORDER BY seq DESC LIMIT 1`,
    JSON.stringify(redress.map((r) => r.id)),
  );
  if (head) pack.auditHead = head;
  return pack;
}
