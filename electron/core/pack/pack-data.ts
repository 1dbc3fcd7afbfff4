// Builds PackData from the store: the year's results from the year-end capability
// (loadYearResults: suggestion of record, decision, consequences, notice, settings as decided),
// plus what the pack prints beyond them — period texts, the year's evidence, departments, the
// stored summary drafts and the audit chain's head. A decided year prints from its frozen copy
// (frozen-pack.ts), taken here at finalisation.
import { talliesOf } from '../yearend/tally';
import { isoToday, yearEnd, yearStart } from '../../../shared/domain/dates';
import type {
  PackData,
  PackEvidence,
  PackPerson,
  PackRating,
  PackSignoff,
  SummarySentence,
} from '../../../shared/sheets/pack-data';
import { AppError } from '../../../shared/result';
import { chineseDatesIn } from '../../../shared/sheets/format';
import { auditHead } from '../audit/audit-log';
import type { Ctx } from '../context';
import type { Db } from '../db/open';
import { loadYearResults, type YearResultPerson, type YearResults } from '../yearend/results';
import { departmentsOf } from '../years/year-repo';
import { draftSummary } from '../../../shared/sheets/summary/draft';
import { summaryBoxFor } from '../../../shared/sheets/registration-form';
import { summaryDraftsOf, SUPERVISOR_BOX } from './summary-store';
import { readFormOptions } from './form-options';
import { groupByPerson, yearRatingTexts, type YearRatingText } from '../ratings/year-ratings';
import type { EvidenceRow as EvidenceTableRow } from '../db/rows';
import { packConsequences, readFrozenPack, REDRESS_SOURCES, writeFrozenPack } from './frozen-pack';
import { many } from '../db/query';

/** People attached to the agency itself (its leaders) rather than to a department. */
export const AGENCY_OWN_LABEL = '单位领导';

type EvidenceRow = Pick<
  EvidenceTableRow,
  'id' | 'person_id' | 'kind' | 'sub_kind' | 'date' | 'description' | 'doc_no' | 'days'
>;

function yearEvidence(db: Db, personIds: string, year: number): Map<string, EvidenceRow[]> {
  const rows = many<EvidenceRow>(
    db,
    `SELECT id, person_id, kind, sub_kind, date, description, doc_no, days FROM evidence
       WHERE status = 'active' AND date BETWEEN ? AND ? AND person_id IN (SELECT value FROM json_each(?)) ORDER BY date, id`,
    yearStart(year),
    yearEnd(year),
    personIds,
  );
  return groupByPerson(rows);
}

function packPerson(
  p: YearResultPerson,
  agencyId: string,
  texts: YearRatingText[],
  evidence: EvidenceRow[],
  periodIdByCode: Map<string, string>,
  draft: SummarySentence[] | undefined,
): PackPerson {
  // The texts of the very row the engine graded from (its id), never another row of the same period.
  const textById = new Map(texts.map((t) => [t.id, t]));
  const ratings: PackRating[] = [];
  for (const r of p.ratings) {
    const periodId = periodIdByCode.get(r.periodCode);
    const t = r.ratingId ? textById.get(r.ratingId) : undefined;
    if (!periodId || (!t && r.rating === null)) continue;
    ratings.push({
      id: t?.id ?? `${p.person.id}:${r.periodCode}`,
      periodId,
      rating: r.rating,
      workRecord: t?.work_record ?? '',
      comment: t?.comment ?? '',
      rater: t?.rater ?? '',
    });
  }
  const d = p.decision;
  const agencyLevel = p.person.unitId === agencyId;
  return {
    id: p.person.id,
    personNo: p.person.personNo,
    name: p.person.name,
    gender: p.person.gender,
    birthMonth: p.person.birthMonth,
    politicalStatus: p.person.politicalStatus,
    education: p.person.education,
    departmentId: p.person.unitId,
    departmentName: agencyLevel ? AGENCY_OWN_LABEL : p.person.unitName,
    agencyLevel,
    position: p.person.position,
    positionSince: p.person.positionSince,
    category: p.person.category,
    superiorAssessed: p.person.superiorAssessed,
    duties: p.person.duties,
    ratings,
    evidence: evidence.map((e): PackEvidence => ({
      id: e.id,
      kind: e.kind,
      subKind: e.sub_kind,
      date: e.date,
      description: e.description,
      docNo: e.doc_no,
      days: e.days,
    })),
    result: {
      outcome: p.final.outcome,
      suggestedGrade: p.suggestion.outcome === 'graded' ? p.suggestion.grade : null,
      finalGrade: d && d.outcome === 'graded' ? d.grade : null,
      reasons: p.eligibility.fired
        .filter((f) => f.effect !== 'info')
        // generated remarks print dates as the forms do (2027年2月28日), not as ISO
        .map((f) => chineseDatesIn(f.label + (f.note ? `（${f.note}）` : ''))),
      trace: p.traceText,
      decisionReason: chineseDatesIn(d?.reason ?? ''),
      redressBasis: d && REDRESS_SOURCES.includes(d.source) ? chineseDatesIn(d.reason) : null,
      approvalDocNo: d?.approvalDocNo ?? '',
      decided: !!d,
    },
    consequences: packConsequences(p.consequences),
    summary: draft ?? null,
  };
}

export interface LoadPackOptions {
  /** whose period texts and evidence to load: everyone (exports) or the persons a preview shows */
  detailFor?: 'all' | readonly string[];
  /** keep only the persons of `detailFor` (a one-person form preview or summary draft) */
  onlyDetailed?: boolean;
}

/** 送达与签收 as recorded now: it comes after the decision, so a decided year reads it live too. */
function signoffsOf(db: Db, yearId: string): Record<string, PackSignoff> {
  const rows = many<{
    person_id: string;
    delivered_on: string;
    opinion: PackSignoff['opinion'];
    opinion_text: string;
    witness_note: string;
    signed_on: string | null;
  }>(
    db,
    'SELECT person_id, delivered_on, opinion, opinion_text, witness_note, signed_on FROM yearend_signoff WHERE year_id = ?',
    yearId,
  );
  return Object.fromEntries(
    rows.map((r) => [
      r.person_id,
      {
        deliveredOn: r.delivered_on,
        opinion: r.opinion,
        opinionText: r.opinion_text,
        witnessNote: r.witness_note,
        signedOn: r.signed_on,
      },
    ]),
  );
}

/**
 * PackData of a year; previews in the main process ask for as little as they print, to stay quick.
 * A decided year with a frozen copy prints from it, whatever the roster says now.
 */
export function loadPackData(ctx: Pick<Ctx, 'db' | 'now'>, yearId: string, options: LoadPackOptions = {}): PackData {
  const frozen = readFrozenPack(ctx.db, yearId);
  if (frozen) {
    const only = options.onlyDetailed && options.detailFor && options.detailFor !== 'all' ? options.detailFor : null;
    const data = only ? { ...frozen, persons: frozen.persons.filter((p) => only.includes(p.id)) } : frozen;
    return { ...data, signoffs: signoffsOf(ctx.db, yearId) };
  }
  return { ...loadLivePackData(ctx, yearId, options).data, signoffs: signoffsOf(ctx.db, yearId) };
}

/**
 * Inside the finalisation transaction, once the year is final and its stage change audited: keeps
 * everything the pack prints with the year. Summaries never edited are drafted now and kept as text,
 * so a later release's drafting cannot change a filed form; the chain head printed is the
 * finalisation's own entry.
 */
export function freezePackData(ctx: Ctx, yearId: string): { persons: number; hash: string; bytes: number } {
  const { data, results } = loadLivePackData(ctx, yearId, {});
  for (const p of data.persons) {
    p.summary ??= draftSummary(
      { ...p, summary: null },
      data.periods,
      data.year.year,
      summaryBoxFor(p, data, data.formOptions),
    );
    // the 主管领导评语 box likewise: kept as text, drafted now if never edited
    p.supervisorComment ??= SUPERVISOR_BOX.draft(p, data);
  }
  const history = Object.fromEntries(results.people.map((p) => [p.person.id, p.history]));
  const written = writeFrozenPack(ctx, yearId, { pack: data, history });
  return { persons: data.persons.length, ...written };
}

/** The pack as the records say now, never the frozen copy (freezing, and checks against it). */
export function loadLivePackData(
  ctx: Pick<Ctx, 'db' | 'now'>,
  yearId: string,
  options: LoadPackOptions,
): { data: PackData; results: YearResults } {
  const detailFor = options.detailFor ?? 'all';
  let results;
  try {
    results = loadYearResults(ctx.db, yearId, ctx.now(), { live: true });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('NOT_FOUND', '找不到该考核年度，请刷新后重新选择。');
  }
  const people = detailFor === 'all' ? results.people.map((p) => p.person.id) : detailFor;
  const ids = JSON.stringify(people);
  // the engine's own read of the ratings (ratings/year-ratings), with the texts
  const texts = yearRatingTexts(ctx.db, results.year, people);
  const evidence = yearEvidence(ctx.db, ids, results.year);
  const drafts = summaryDraftsOf(ctx.db, yearId);
  const comments = summaryDraftsOf(ctx.db, yearId, SUPERVISOR_BOX);
  const periodIdByCode = new Map(results.periods.map((p) => [p.code, p.id]));
  const departments = [
    { id: results.agencyId, name: AGENCY_OWN_LABEL, sortOrder: -1 },
    ...departmentsOf(ctx.db, results.agencyId).map((d) => ({ id: d.id, name: d.name, sortOrder: d.sortOrder })),
  ];
  // 民主测评 votes travel with the pack only where the year's settings enable the step
  const tallies = results.settings.democraticAppraisal ? talliesOf(ctx.db, yearId) : null;
  const data: PackData = {
    unit: { id: results.agencyId, name: results.agencyName },
    year: {
      id: yearId,
      year: results.year,
      stage: results.stage,
      noticeStart: results.notice.start,
      noticeEnd: results.notice.end,
      noticePlace: results.notice.place,
      settings: results.settings,
    },
    departments,
    periods: results.periods.map((p) => ({ id: p.id, code: p.code, label: p.label, seq: p.seq })),
    persons: (options.onlyDetailed && detailFor !== 'all'
      ? results.people.filter((p) => detailFor.includes(p.person.id))
      : results.people
    ).map((p) => ({
      ...packPerson(
        p,
        results.agencyId,
        texts.get(p.person.id) ?? [],
        evidence.get(p.person.id) ?? [],
        periodIdByCode,
        drafts.get(p.person.id),
      ),
      tally: tallies?.get(p.person.id) ?? null,
    })),
    auditHead: auditHead(ctx.db),
    today: isoToday(ctx.now()),
    formOptions: readFormOptions(ctx.db, yearId),
  };
  for (const p of data.persons) p.supervisorComment = comments.get(p.id) ?? null;
  return { data, results };
}
