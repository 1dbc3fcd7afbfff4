// Gathers everything the rule engine needs for one assessment year in one pass of grouped queries:
// the agency's people, the year's ratings (earlier units' quarters included), evidence, history.
import { yearEnd, yearStart } from '../../../shared/domain/dates';
import type { PersonDto, PeriodDto } from '../../../shared/domain/records';
import type { Grade, Outcome } from '../../../shared/domain/types';
import type { PersonInput, RuleEvidence, RuleHistory, RuleRating } from '../../../shared/rules';
import type { YearSettings } from '../../../shared/settings/year-settings';
import type { Db } from '../db/open';
import { PERSON_COLUMNS, PERSON_FROM, toPersonDto, type PersonRow } from '../roster/person-row';
import { listPeriods, requireYear, type YearRecord } from '../years/year-repo';
import { groupByPerson, yearRatings } from '../ratings/year-ratings';
import type { EvidenceRow as EvidenceTableRow } from '../db/rows';
import { parseDetails } from '../evidence/evidence-row';
import { many } from '../db/query';

export interface YearInputs {
  year: YearRecord;
  periods: PeriodDto[];
  /** departments of the agency (id → name, sort order) */
  departments: Map<string, { name: string; sortOrder: number }>;
  people: PersonDto[];
  inputs: PersonInput[];
}

const TREE = `WITH RECURSIVE tree(id) AS (SELECT @agency UNION ALL SELECT u.id FROM unit u JOIN tree t ON u.parent_id = t.id)`;

type EvidenceRow = Pick<
  EvidenceTableRow,
  'id' | 'person_id' | 'kind' | 'sub_kind' | 'date' | 'end_date' | 'days' | 'details_json' | 'doc_no' | 'description'
>;
interface HistoryRow {
  person_id: string;
  year: number;
  outcome: Outcome;
  grade: Grade | null;
}
interface MoveRow {
  id: string;
  person_id: string;
  move_date: string;
  from_name: string;
  to_name: string;
}

/**
 * The people of a year: in the agency's unit tree now, hired by 31 Dec, and not gone before 1 Jan.
 * `settings` overrides the year's own (settings impact, and a final year's settings as decided).
 * `only`: gather these people alone (the cached evaluation re-reads the people a change touched);
 * one of them not returned is no longer among the year's people.
 */
export function gatherYearInputs(
  db: Db,
  yearId: string,
  settings?: YearSettings,
  only?: readonly string[],
): YearInputs {
  const year = requireYear(db, yearId);
  const effective = settings ?? year.settings;
  const y = year.dto.year;
  const ys = yearStart(y);
  const ye = yearEnd(y);
  const agencyId = year.dto.unitId;
  const periods = listPeriods(db, yearId);

  const units = many<{ id: string; name: string; sort_order: number }>(
    db,
    `${TREE} SELECT u.id, u.name, u.sort_order FROM unit u JOIN tree t ON t.id = u.id`,
    {
      agency: agencyId,
    },
  );
  const departments = new Map(units.map((u) => [u.id, { name: u.name, sortOrder: u.sort_order }]));

  const some = only ? ' AND p.id IN (SELECT value FROM json_each(@only))' : '';
  const inTree = `${TREE}, people(id) AS (SELECT p.id FROM person p JOIN tree t ON t.id = p.unit_id
      WHERE (p.hire_date IS NULL OR p.hire_date <= @ye) AND (p.status = 'active' OR p.left_date IS NULL OR p.left_date >= @ys)${some})`;
  const params = { ys, ye, year: y, ...(only ? { only: JSON.stringify(only) } : {}) };
  const personRows = many<PersonRow>(
    db,
    `${TREE} SELECT ${PERSON_COLUMNS} FROM ${PERSON_FROM} JOIN tree t ON t.id = p.unit_id
      WHERE (p.hire_date IS NULL OR p.hire_date <= @ye) AND (p.status = 'active' OR p.left_date IS NULL OR p.left_date >= @ys)${some}
      ORDER BY u.sort_order, u.name, p.person_no`,
    { ...params, agency: agencyId },
  );

  /** A query over the people in the tree (the CTE `people`), typed by its caller. */
  const q = <R>(sql: string, params: Record<string, unknown>) => many<R>(db, `${inTree} ${sql}`, params);
  // the one read of the year's ratings, shared with the pack (same rows, same order)
  const ratings = yearRatings(
    db,
    y,
    personRows.map((r) => r.id),
  );
  // (evidence and moves in the order they were recorded, whichever plan SQLite picks: one person
  // re-read alone lists them as the whole year's read does)
  // evidence from ten years back (the longest offset a rule may use) to the end of next year
  // (a sanction linked to an investigation that closed after year end)
  const evidence = groupByPerson(
    q<EvidenceRow>(
      `SELECT e.id, e.person_id, e.kind, e.sub_kind, e.date, e.end_date, e.days, e.details_json, e.doc_no, e.description
         FROM evidence e JOIN people pp ON pp.id = e.person_id
        WHERE e.status = 'active' AND e.date >= @from AND e.date <= @to ORDER BY e.rowid`,
      {
        ...params,
        agency: agencyId,
        from: yearStart(y - 10),
        to: yearEnd(y + 1),
      },
    ),
  );
  const moves = groupByPerson(
    q<MoveRow>(
      `SELECT m.id, m.person_id, m.move_date, f.name AS from_name, t2.name AS to_name
         FROM person_move m JOIN people pp ON pp.id = m.person_id JOIN unit f ON f.id = m.from_unit_id JOIN unit t2 ON t2.id = m.to_unit_id
        WHERE m.move_date >= @ys AND m.move_date <= @ye ORDER BY m.rowid`,
      {
        ...params,
        agency: agencyId,
      },
    ),
  );
  // earlier years: imported history, overridden by this store's own final decisions of those years
  const history = groupByPerson(
    q<HistoryRow>(
      `SELECT h.person_id, h.year, h.outcome, h.grade FROM history_grade h JOIN people pp ON pp.id = h.person_id WHERE h.year < @year
       UNION ALL
       SELECT d.person_id, ay.year, d.outcome, d.grade FROM yearend_decision d JOIN people pp ON pp.id = d.person_id
         JOIN assessment_year ay ON ay.id = d.year_id WHERE ay.year < @year AND ay.stage IN ('final', 'archived')`,
      { ...params, agency: agencyId },
    ),
  );

  const onlyReviewed = effective.onlyReviewedPeriodsCount;
  const people: PersonDto[] = [];
  const inputs: PersonInput[] = [];
  for (const row of personRows) {
    const dto = toPersonDto(row);
    people.push(dto);
    const own = ratings.get(row.id) ?? [];
    // One row per period code: where a transfer left two (one per agency), the later-updated one, the
    // same row the pack prints its texts from (it follows the id the engine carries).
    const byCode = new Map(own.map((r) => [r.code, r]));
    const list: RuleRating[] = periods.map((p) => {
      const r = byCode.get(p.code);
      byCode.delete(p.code);
      const reviewed = (r?.review_status ?? p.reviewStatus) === 'reviewed';
      return {
        periodCode: p.code,
        seq: p.seq,
        rating: r?.rating ?? null,
        counts: !onlyReviewed || reviewed,
        id: r?.id ?? null,
      };
    });
    for (const r of byCode.values())
      list.push({
        periodCode: r.code,
        seq: r.seq,
        rating: r.rating,
        counts: !onlyReviewed || r.review_status === 'reviewed',
        id: r.id,
      });
    const ev: RuleEvidence[] = (evidence.get(row.id) ?? []).map((e) => ({
      id: e.id,
      kind: e.kind,
      subKind: e.sub_kind,
      date: e.date,
      endDate: e.end_date,
      days: e.days,
      details: parseDetails(e.details_json),
      description: e.description,
      docNo: e.doc_no,
    }));
    // a department move recorded on the roster is a transfer the rules can name
    for (const m of moves.get(row.id) ?? []) {
      ev.push({
        id: `person:move:${m.id}`,
        kind: 'transfer',
        subKind: '调入',
        date: m.move_date,
        endDate: null,
        days: null,
        details: { from: m.from_name, to: m.to_name },
        docNo: `名册：由${m.from_name}调入${m.to_name}`,
      });
    }
    const hist = new Map<number, RuleHistory>();
    for (const h of history.get(row.id) ?? []) hist.set(h.year, { year: h.year, outcome: h.outcome, grade: h.grade });
    inputs.push({
      person: {
        id: row.id,
        personNo: row.person_no,
        name: row.name,
        category: row.category,
        agencyId,
        departmentId: row.unit_id,
        departmentName: row.unit_name,
        hireDate: row.hire_date,
        probationEnd: row.probation_end,
        superiorAssessed: row.superior_assessed === 1,
        status: row.status,
        leftDate: row.left_date,
      },
      ratings: list,
      evidence: ev,
      history: [...hist.values()].sort((a, b) => b.year - a.year),
    });
  }
  return { year, periods, departments, people, inputs };
}
