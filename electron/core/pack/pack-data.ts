// Builds PackData from the store: the year's results (year-end view: suggestions of record and
// decisions, with the settings the year was decided under), the roster, the period texts and
// evidence, the stored summary drafts and the audit chain's head.
import { isoToday, yearOf } from '../../../shared/domain/dates';
import { consequencesOf, type PersonResult } from '../../../shared/rules';
import type { PackData, PackPerson, PackRating, SummarySentence } from '../../../shared/sheets/pack-data';
import { AppError } from '../../../shared/result';
import { auditHead } from '../audit/audit-log';
import type { Ctx } from '../context';
import type { Db } from '../db/open';
import { loadYearView, suggestionOfRecord, type PersonView } from '../yearend/view';
import { summaryDraftsOf } from './summary-store';

/** People attached to the agency itself (its leaders) rather than to a department. */
export const AGENCY_OWN_LABEL = '单位领导';

interface RatingTextRow {
  id: string;
  work_record: string;
  comment: string;
  rater: string;
}

function ratingTexts(db: Db, ids: string[]): Map<string, RatingTextRow> {
  const out = new Map<string, RatingTextRow>();
  if (!ids.length) return out;
  const rows = db.prepare('SELECT id, work_record, comment, rater FROM period_rating WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as RatingTextRow[];
  for (const r of rows) out.set(r.id, r);
  return out;
}

/** Why a person has no grade or a capped one, in the rules' own words. */
function reasonsOf(result: PersonResult): string[] {
  return result.eligibility.fired.filter((f) => f.effect !== 'info').map((f) => f.label + (f.note ? `（${f.note}）` : ''));
}

function packPerson(p: PersonView, agencyId: string, year: number, periodIdByCode: Map<string, string>, texts: Map<string, RatingTextRow>, drafts: Map<string, SummarySentence[]>): PackPerson {
  const s = suggestionOfRecord(p);
  const d = p.decision;
  const outcome = d ? d.outcome : s.outcome;
  const finalGrade = d && d.outcome === 'graded' ? d.grade : null;
  const ratings: PackRating[] = [];
  for (const r of p.input.ratings) {
    const periodId = periodIdByCode.get(r.periodCode);
    if (!periodId) continue;
    const t = r.id ? texts.get(r.id) : undefined;
    ratings.push({ id: r.id ?? `${p.dto.id}:${r.periodCode}`, periodId, rating: r.rating, workRecord: t?.work_record ?? '', comment: t?.comment ?? '', rater: t?.rater ?? '' });
  }
  const codes = new Set(consequencesOf({ year, category: p.dto.category, outcome, grade: finalGrade ?? (outcome === 'graded' ? s.grade : null), history: p.input.history }).map((c) => c.code));
  return {
    id: p.dto.id,
    personNo: p.dto.personNo,
    name: p.dto.name,
    gender: p.dto.gender,
    birthMonth: p.dto.birthMonth,
    politicalStatus: p.dto.politicalStatus,
    education: p.dto.education,
    departmentId: p.dto.unitId,
    departmentName: p.dto.unitId === agencyId ? AGENCY_OWN_LABEL : p.dto.unitName,
    agencyLevel: p.dto.unitId === agencyId,
    position: p.dto.position,
    positionSince: p.dto.positionSince,
    category: p.dto.category,
    duties: p.dto.duties,
    ratings,
    evidence: p.input.evidence
      .filter((e) => yearOf(e.date) === year)
      .map((e) => ({ id: e.id, kind: e.kind, subKind: e.subKind, date: e.date, description: e.description ?? '', docNo: e.docNo ?? '', days: e.days })),
    result: {
      outcome,
      suggestedGrade: s.outcome === 'graded' ? s.grade : null,
      finalGrade,
      reasons: reasonsOf(p.result),
      trace: p.frozen?.traceText ?? p.result.traceText,
      decisionReason: d?.reason ?? '',
    },
    consequences: {
      commendation: codes.has('commendation'),
      meritCandidate: codes.has('merit_candidate'),
      incompetent: codes.has('demote'),
      dismissalCandidate: codes.has('dismiss_candidate'),
    },
    summary: drafts.get(p.dto.id) ?? null,
  };
}

export function loadPackData(ctx: Pick<Ctx, 'db' | 'now'>, yearId: string): PackData {
  let view;
  try {
    view = loadYearView(ctx, yearId);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('NOT_FOUND', '找不到该考核年度，请刷新后重新选择。');
  }
  const year = view.ev.year.dto;
  const periodIdByCode = new Map(view.ev.periods.map((p) => [p.code, p.id]));
  const ids = view.people.flatMap((p) => p.input.ratings.map((r) => r.id).filter((x): x is string => !!x));
  const texts = ratingTexts(ctx.db, ids);
  const drafts = summaryDraftsOf(ctx.db, yearId);
  return {
    unit: { id: year.unitId, name: year.unitName },
    year: { id: year.id, year: year.year, stage: year.stage, noticeStart: year.noticeStart, settings: view.ev.settings },
    departments: [...view.ev.departments.entries()].map(([id, d]) => ({ id, name: id === year.unitId ? AGENCY_OWN_LABEL : d.name, sortOrder: id === year.unitId ? -1 : d.sortOrder })),
    periods: view.ev.periods.map((p) => ({ id: p.id, code: p.code, label: p.label, seq: p.seq })),
    persons: view.people.map((p) => packPerson(p, year.unitId, year.year, periodIdByCode, texts, drafts)),
    auditHead: auditHead(ctx.db),
    today: isoToday(ctx.now()),
  };
}
