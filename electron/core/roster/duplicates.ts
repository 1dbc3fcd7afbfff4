// The roster's probable duplicates, as the clerk sees them beside the roster: two records with the
// same 身份证号 (only a store from before 0012-person-identity.sql can hold them: the store refuses a
// new one), and records with the same 姓名 + 性别 + 出生年月 under different 人员编号, unless both carry
// different valid 身份证号 (two people) or the clerk has confirmed they are two people (确认不是同一人).
import type { DuplicateGroupDto } from '../../../shared/api/people';
import { maskIdCard } from '../../../shared/domain/idcard';
import { AppError } from '../../../shared/result';
import { recordAudit } from '../audit/audit-log';
import { stamp, writeTx, type Ctx } from '../context';
import type { Db } from '../db/open';
import { PERSON_COLUMNS, PERSON_FROM, toPersonDto, type PersonRow } from './person-row';
import { requirePersonRow } from './people';
import { invalid } from './validate';
import { many } from '../db/query';

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function listDuplicates(db: Db, restrictTo: ReadonlySet<string> | null): DuplicateGroupDto[] {
  const visible = (p: PersonRow) => !restrictTo || restrictTo.has(p.unit_id);
  const groups: DuplicateGroupDto[] = [];

  const sameCard = many<PersonRow>(
    db,
    `SELECT ${PERSON_COLUMNS} FROM ${PERSON_FROM} WHERE p.id_card IN
         (SELECT id_card FROM person WHERE id_card IS NOT NULL GROUP BY id_card HAVING COUNT(*) > 1)
       ORDER BY p.id_card, p.person_no`,
  );
  for (const [card, rows] of groupBy(sameCard, (p) => p.id_card!)) {
    const shown = rows.filter(visible);
    if (shown.length > 1)
      groups.push({ kind: 'idCard', label: `身份证号 ${maskIdCard(card)}`, people: shown.map(toPersonDto) });
  }

  const distinct = new Set(
    many<{ person_a: string; person_b: string }>(db, 'SELECT person_a, person_b FROM person_distinct').map(
      (d) => `${d.person_a}|${d.person_b}`,
    ),
  );
  const sameIdentity = many<PersonRow>(
    db,
    `SELECT ${PERSON_COLUMNS} FROM ${PERSON_FROM} WHERE (p.name, p.gender, p.birth_month) IN
         (SELECT name, gender, birth_month FROM person WHERE gender IS NOT NULL AND birth_month IS NOT NULL
          GROUP BY name, gender, birth_month HAVING COUNT(*) > 1)
       ORDER BY p.name, p.birth_month, p.person_no`,
  );
  for (const [, rows] of groupBy(sameIdentity, (p) => `${p.name}|${p.gender}|${p.birth_month}`)) {
    const shown = rows.filter(visible);
    // A person belongs to the group if at least one other member could be the same person.
    const linked = shown.filter((p) =>
      shown.some(
        (q) =>
          q.id !== p.id &&
          !distinct.has(pairKey(p.id, q.id)) &&
          !(p.id_card && q.id_card && p.id_card !== q.id_card) &&
          // the same number is already its own group above
          !(p.id_card && p.id_card === q.id_card),
      ),
    );
    if (linked.length > 1)
      groups.push({
        kind: 'identity',
        label: `${linked[0]!.name} · ${linked[0]!.gender} · ${linked[0]!.birth_month}`,
        people: linked.map(toPersonDto),
      });
  }
  return groups;
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
}

/** 确认不是同一人: the pair is no longer flagged; the audit keeps who judged so and why. */
export function markDistinct(ctx: Ctx, input: { personIds: [string, string]; reason: string }): void {
  const [x, y] = input.personIds;
  if (x === y) throw invalid([{ field: 'personIds', message: '请选择两条不同的人员记录' }]);
  const reason = input.reason.trim();
  if (!reason) throw invalid([{ field: 'reason', message: '请填写理由' }]);
  writeTx(ctx, () => {
    const a = requirePersonRow(ctx.db, x < y ? x : y);
    const b = requirePersonRow(ctx.db, x < y ? y : x);
    if (a.id_card && a.id_card === b.id_card)
      throw new AppError(
        'CONFLICT',
        `${a.name}（${a.person_no}）与 ${b.name}（${b.person_no}）的身份证号相同，是同一人，不能确认为两个人。请合并这两条记录，或更正录错的号码。`,
      );
    const done = ctx.db.prepare('SELECT 1 FROM person_distinct WHERE person_a = ? AND person_b = ?').get(a.id, b.id);
    if (done) return;
    ctx.db
      .prepare(
        'INSERT INTO person_distinct (person_a, person_b, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
      )
      .run(a.id, b.id, reason, stamp(ctx), ctx.operator.id);
    recordAudit(ctx, {
      action: 'person.markDistinct',
      entity: 'person',
      entityId: a.id,
      after: { people: [toPersonDto(a), toPersonDto(b)] },
      reason,
    });
  });
}
