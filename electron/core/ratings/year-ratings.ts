// The one read of a year's period ratings, shared by the rule engine (yearend/gather.ts) and the pack
// (pack/pack-data.ts): the same rows (every agency's periods of the calendar year, so quarters rated
// before a transfer travel along) in the same order (period, then last updated, then id). The engine
// picks one row per period from this order and carries its id; the pack prints the texts of that id.
import type { Db } from '../db/open';
import type { PeriodRatingRow, PeriodRow } from '../db/rows';
import { many } from '../db/query';

/** A rating as the engine reads it: no texts, so a 20,000-person year stays small in memory. */
export type YearRating = Pick<PeriodRatingRow, 'id' | 'person_id' | 'rating'> &
  Pick<PeriodRow, 'code' | 'seq' | 'review_status'>;

/** A rating with the texts the pack prints (工作纪实, 评语, 评价人). */
export type YearRatingText = YearRating & Pick<PeriodRatingRow, 'work_record' | 'comment' | 'rater'>;

const BASE = `pr.id, pr.person_id, pr.rating, pe.code, pe.seq, pe.review_status`;
const FROM = `FROM period_rating pr JOIN period pe ON pe.id = pr.period_id JOIN assessment_year ay ON ay.id = pe.year_id
  WHERE ay.year = @year AND pr.person_id IN (SELECT value FROM json_each(@people))
  ORDER BY pe.seq, pr.updated_at, pr.id`;

/** Rows by their person, each list in the rows' order. */
export function groupByPerson<T extends { person_id: string }>(rows: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const list = m.get(r.person_id);
    if (list) list.push(r);
    else m.set(r.person_id, [r]);
  }
  return m;
}

/** The year's ratings of these people, by person, in period order. */
export function yearRatings(db: Db, year: number, personIds: readonly string[]): Map<string, YearRating[]> {
  const rows = many<YearRating>(db, `SELECT ${BASE} ${FROM}`, { year, people: JSON.stringify(personIds) });
  return groupByPerson(rows);
}

/** The same rows in the same order, with their texts. */
export function yearRatingTexts(db: Db, year: number, personIds: readonly string[]): Map<string, YearRatingText[]> {
  const rows = many<YearRatingText>(db, `SELECT ${BASE}, pr.work_record, pr.comment, pr.rater ${FROM}`, {
    year,
    people: JSON.stringify(personIds),
  });
  return groupByPerson(rows);
}
