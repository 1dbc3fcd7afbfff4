// Merging two records of one person (人员合并): the absorbed record's ratings, evidence, history,
// decisions, moves and every other row that names it move to the record kept, in one transaction with
// one audit entry; then the absorbed record is deleted. The handler takes a backup first, so a merge
// is undone by restoring it (系统管理 → 备份).
//
// Refused, with nothing written: two records with different 身份证号 (two people); decisions in the
// same year on both (one person has one result a year); any absorbed row in a year already decided
// (定档: its printed pack is frozen) or evidence that would land in one. A period or year both hold
// differently (a rating, a history grade) needs the clerk's choice of whose row stays.
import { AppError } from '../../../shared/result';
import { gradeLabel, OUTCOME_LABEL, RATING_LABEL } from '../../../shared/domain/labels';
import type { Grade, Outcome, PeriodRatingValue } from '../../../shared/domain/types';
import type { MergeChoice, MergeConflictDto, MergeCounts, MergePreviewDto } from '../../../shared/api/people';
import { maskIdCard } from '../../../shared/domain/idcard';
import { recordAudit } from '../audit/audit-log';
import { writeTx, type Ctx } from '../context';
import type { Db } from '../db/open';
import { nextStamp } from '../stamps';
import { getPerson, requirePersonRow } from './people';
import { toPersonDto, type PersonRow } from './person-row';
import { agencyOf } from './units';
import { invalid } from './validate';
import { many, the } from '../db/query';

interface RatingRow {
  id: string;
  period_id: string;
  code: string;
  stage: string;
  rating: PeriodRatingValue | null;
  work_record: string;
  comment: string;
}
interface HistoryRow {
  id: string;
  year: number;
  outcome: Outcome;
  grade: Grade | null;
}
interface DecisionRow {
  year_id: string;
  year: number;
  stage: string;
  outcome: Outcome;
  grade: Grade | null;
}

/** Tables whose rows name a person in a column person_id (read from the schema: new ones are included). */
function personTables(db: Db): string[] {
  const tables = many<{ name: string }>(
    db,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
  );
  return tables
    .map((t) => t.name)
    .filter(
      (t) =>
        t !== 'person' &&
        many<{ name: string }>(db, 'SELECT name FROM pragma_table_info(?)', t).some((c) => c.name === 'person_id'),
    );
}

const ratings = (db: Db, personId: string) =>
  many<RatingRow>(
    db,
    `SELECT r.id, r.period_id, p.code, y.stage, r.rating, r.work_record, r.comment
       FROM period_rating r JOIN period p ON p.id = r.period_id JOIN assessment_year y ON y.id = p.year_id
       WHERE r.person_id = ? ORDER BY p.start_date`,
    personId,
  );
const history = (db: Db, personId: string) =>
  many<HistoryRow>(
    db,
    'SELECT id, year, outcome, grade FROM history_grade WHERE person_id = ? ORDER BY year',
    personId,
  );
const decisions = (db: Db, personId: string) =>
  many<DecisionRow>(
    db,
    `SELECT d.year_id, y.year, y.stage, d.outcome, d.grade FROM yearend_decision d
       JOIN assessment_year y ON y.id = d.year_id WHERE d.person_id = ? ORDER BY y.year`,
    personId,
  );

const FINAL = new Set(['final', 'archived']);
const emptyRating = (r: RatingRow) => r.rating === null && !r.work_record.trim() && !r.comment.trim();
const sameRating = (a: RatingRow, b: RatingRow) =>
  a.rating === b.rating && a.work_record.trim() === b.work_record.trim() && a.comment.trim() === b.comment.trim();
const ratingText = (r: RatingRow) =>
  (r.rating ? RATING_LABEL[r.rating] : '未评') +
  (r.work_record.trim() ? `，纪实“${r.work_record.trim().slice(0, 30)}”` : '');
const resultText = (row: PersonRow, o: Outcome, g: Grade | null) =>
  g ? gradeLabel(g, row.category) : OUTCOME_LABEL[o];
const who = (p: PersonRow) => `${p.name}（${p.person_no}）`;

interface MergePlan extends MergePreviewDto {
  /** rating rows (by id) and history rows of either side that the merge deletes, each with its side */
  drop: { table: 'period_rating' | 'history_grade'; id: string }[];
}

/** Years (as numbers) decided in the agencies of both records: evidence dated in them cannot move. */
function decidedYears(db: Db, a: PersonRow, b: PersonRow): Set<number> {
  const agencies = [...new Set([agencyOf(db, a.unit_id).id, agencyOf(db, b.unit_id).id])];
  const rows = many<{ year: number }>(
    db,
    `SELECT year FROM assessment_year WHERE stage IN ('final', 'archived') AND unit_id IN (SELECT value FROM json_each(?))`,
    JSON.stringify(agencies),
  );
  return new Set(rows.map((r) => r.year));
}

function countRows(db: Db, table: string, personId: string): number {
  return the<{ n: number }>(db, `SELECT COUNT(*) AS n FROM "${table}" WHERE person_id = ?`, personId).n;
}

export function planMerge(db: Db, keptId: string, absorbedId: string, choices: MergeChoice[] = []): MergePlan {
  if (keptId === absorbedId) throw invalid([{ field: 'absorbedId', message: '请选择两条不同的人员记录' }]);
  const kept = requirePersonRow(db, keptId);
  const absorbed = requirePersonRow(db, absorbedId);
  const blockers: string[] = [];
  const conflicts: MergeConflictDto[] = [];
  const drop: MergePlan['drop'] = [];
  const choice = new Map(choices.map((c) => [c.key, c.keep]));

  if (kept.id_card && absorbed.id_card && kept.id_card !== absorbed.id_card)
    blockers.push(
      `两条记录的身份证号不同（${maskIdCard(kept.id_card)}、${maskIdCard(absorbed.id_card)}），是两个人，不能合并。如其中一个号码录错，请先更正`,
    );

  const keptDecisions = new Map(decisions(db, kept.id).map((d) => [d.year_id, d]));
  const absorbedDecisions = decisions(db, absorbed.id);
  for (const d of absorbedDecisions) {
    const k = keptDecisions.get(d.year_id);
    if (k)
      blockers.push(
        `两人在 ${d.year} 年度都已有考核决定（${who(kept)}：${resultText(kept, k.outcome, k.grade)}；${who(absorbed)}：${resultText(absorbed, d.outcome, d.grade)}），同一人一年只能有一个考核结果，不能合并。请先核对哪条记录有误`,
      );
    else if (FINAL.has(d.stage))
      blockers.push(
        `${who(absorbed)}在已定档的 ${d.year} 年度有考核决定，定档后的记录不能转移。可改为保留这条记录、合并另一条`,
      );
  }

  const keptRatings = new Map(ratings(db, kept.id).map((r) => [r.period_id, r]));
  const finalPeriods: string[] = [];
  let ratingMoves = 0;
  for (const r of ratings(db, absorbed.id)) {
    const k = keptRatings.get(r.period_id);
    if (FINAL.has(r.stage)) {
      finalPeriods.push(r.code);
      continue;
    }
    if (!k) {
      ratingMoves++;
      continue;
    }
    if (emptyRating(r) || sameRating(k, r)) drop.push({ table: 'period_rating', id: r.id });
    else if (emptyRating(k)) {
      drop.push({ table: 'period_rating', id: k.id });
      ratingMoves++;
    } else {
      const key = `rating:${r.period_id}`;
      const keep = choice.get(key);
      if (keep === 'kept') drop.push({ table: 'period_rating', id: r.id });
      else if (keep === 'absorbed') {
        drop.push({ table: 'period_rating', id: k.id });
        ratingMoves++;
      } else conflicts.push({ key, subject: `${r.code} 平时考核`, kept: ratingText(k), absorbed: ratingText(r) });
    }
  }
  if (finalPeriods.length)
    blockers.push(
      `${who(absorbed)}在已定档年度有平时考核记录（${finalPeriods.join('、')}），定档后的记录不能转移。可改为保留这条记录、合并另一条`,
    );

  const keptHistory = new Map(history(db, kept.id).map((h) => [h.year, h]));
  let historyMoves = 0;
  for (const h of history(db, absorbed.id)) {
    const k = keptHistory.get(h.year);
    if (!k) historyMoves++;
    else if (k.outcome === h.outcome && k.grade === h.grade) drop.push({ table: 'history_grade', id: h.id });
    else {
      const key = `history:${h.year}`;
      const keep = choice.get(key);
      if (keep === 'kept') drop.push({ table: 'history_grade', id: h.id });
      else if (keep === 'absorbed') {
        drop.push({ table: 'history_grade', id: k.id });
        historyMoves++;
      } else
        conflicts.push({
          key,
          subject: `${h.year} 年度往年等次`,
          kept: resultText(kept, k.outcome, k.grade),
          absorbed: resultText(absorbed, h.outcome, h.grade),
        });
    }
  }

  const decided = decidedYears(db, kept, absorbed);
  const lockedEvidence = many<{ y: number }>(
    db,
    'SELECT DISTINCT CAST(substr(date, 1, 4) AS INTEGER) AS y FROM evidence WHERE person_id = ?',
    absorbed.id,
  )
    .map((r) => r.y)
    .filter((y) => decided.has(y));
  if (lockedEvidence.length)
    blockers.push(
      `${who(absorbed)}有已定档年度（${lockedEvidence.join('、')}）的事件记录，定档后的记录不能转移。可改为保留这条记录、合并另一条`,
    );
  const lockedSnapshots = many<{ year: number }>(
    db,
    `SELECT y.year FROM yearend_snapshot s JOIN assessment_year y ON y.id = s.year_id
         WHERE s.person_id = ? AND y.stage IN ('final', 'archived')`,
    absorbed.id,
  ).map((r) => r.year);
  if (lockedSnapshots.length && !absorbedDecisions.some((d) => FINAL.has(d.stage)))
    blockers.push(`${who(absorbed)}在已定档的 ${lockedSnapshots.join('、')} 年度有等次建议，定档后的记录不能转移`);

  const known = new Set(['period_rating', 'evidence', 'history_grade', 'yearend_decision', 'person_move']);
  const other = personTables(db)
    .filter((t) => !known.has(t))
    .reduce((n, t) => n + countRows(db, t, absorbed.id), 0);
  const moving: MergeCounts = {
    ratings: ratingMoves,
    evidence: countRows(db, 'evidence', absorbed.id),
    history: historyMoves,
    decisions: absorbedDecisions.length,
    moves: countRows(db, 'person_move', absorbed.id),
    other,
  };
  return {
    kept: toPersonDto(kept),
    absorbed: toPersonDto(absorbed),
    moving,
    conflicts,
    blockers: [...new Set(blockers)],
    drop,
  };
}

export function mergePreview(db: Db, keptId: string, absorbedId: string): MergePreviewDto {
  const { drop: _drop, ...preview } = planMerge(db, keptId, absorbedId);
  return preview;
}

/** Throws the plan's refusal (nothing written): a blocker, or a conflict without the clerk's choice. */
export function assertMergeable(plan: MergePlan): void {
  if (plan.blockers.length)
    throw new AppError('CONFLICT', `不能合并：${plan.blockers.join('；')}。`, { blockers: plan.blockers });
  if (plan.conflicts.length)
    throw new AppError(
      'CONFLICT',
      `两条记录有 ${plan.conflicts.length} 处不一致（${plan.conflicts.map((c) => c.subject).join('、')}），请逐项选择保留哪一方后再合并。`,
      { conflicts: plan.conflicts },
    );
}

/** Fields of the kept record that are blank take the absorbed record's value (nothing is overwritten). */
const FILLABLE = [
  'gender',
  'birth_month',
  'political_status',
  'education',
  'position',
  'position_since',
  'duties',
  'hire_date',
  'probation_end',
  'id_card',
] as const;

export function mergePeople(
  ctx: Ctx,
  input: { keptId: string; absorbedId: string; reason: string; choices?: MergeChoice[] },
): { kept: ReturnType<typeof toPersonDto>; moved: MergeCounts } {
  const reason = input.reason.trim();
  if (!reason) throw invalid([{ field: 'reason', message: '请填写合并原因' }]);
  return writeTx(ctx, () => {
    const db = ctx.db;
    const plan = planMerge(db, input.keptId, input.absorbedId, input.choices ?? []);
    assertMergeable(plan);
    const kept = requirePersonRow(db, input.keptId);
    const absorbed = requirePersonRow(db, input.absorbedId);
    for (const d of plan.drop) db.prepare(`DELETE FROM ${d.table} WHERE id = ?`).run(d.id);
    // One year's suggestion, summary draft and sign-off per person: the kept record's stays.
    for (const t of ['yearend_snapshot', 'pack_summary_draft', 'pack_comment_draft', 'yearend_signoff'])
      db.prepare(
        `DELETE FROM ${t} WHERE person_id = @absorbed AND year_id IN (SELECT year_id FROM ${t} WHERE person_id = @kept)`,
      ).run({ absorbed: absorbed.id, kept: kept.id });
    // The clerk's "two different people" judgements about the absorbed record end with it.
    db.prepare('DELETE FROM person_distinct WHERE person_a = @a OR person_b = @a').run({ a: absorbed.id });
    for (const t of personTables(db)) {
      try {
        db.prepare(`UPDATE "${t}" SET person_id = ? WHERE person_id = ?`).run(kept.id, absorbed.id);
      } catch (e) {
        // A table keyed one row per person (and year) that both records fill: refuse rather than guess.
        if (
          (e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
          (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE'
        )
          throw new AppError(
            'CONFLICT',
            `两条记录在“${t}”中有同一年度（或期间）的记录，无法自动合并，本次未做任何修改。`,
          );
        throw e;
      }
    }
    // 超比例 approvals list people by id
    const overrides = many<{ rid: number; person_ids_json: string }>(
      db,
      'SELECT rowid AS rid, person_ids_json FROM cap_override WHERE person_ids_json LIKE ?',
      `%${absorbed.id}%`,
    );
    for (const o of overrides) {
      const ids = [
        ...new Set((JSON.parse(o.person_ids_json) as string[]).map((x) => (x === absorbed.id ? kept.id : x))),
      ];
      db.prepare('UPDATE cap_override SET person_ids_json = ? WHERE rowid = ?').run(JSON.stringify(ids), o.rid);
    }
    const fill = FILLABLE.filter((k) => kept[k] === null && absorbed[k] !== null);
    const before = { kept: toPersonDto(kept), absorbed: toPersonDto(absorbed) };
    db.prepare('DELETE FROM person WHERE id = ?').run(absorbed.id);
    if (fill.length)
      db.prepare(
        `UPDATE person SET ${fill.map((k) => `${k} = @${k}`).join(', ')}, updated_at = @at, updated_by = @by WHERE id = @id`,
      ).run({
        ...Object.fromEntries(fill.map((k) => [k, absorbed[k]])),
        at: nextStamp(ctx, kept.updated_at),
        by: ctx.operator.id,
        id: kept.id,
      });
    const after = getPerson(db, kept.id)!;
    recordAudit(ctx, {
      action: 'person.merge',
      entity: 'person',
      entityId: kept.id,
      before,
      after: { kept: after, moved: plan.moving, filled: fill, choices: input.choices ?? [] },
      reason,
    });
    return { kept: after, moved: plan.moving };
  });
}
