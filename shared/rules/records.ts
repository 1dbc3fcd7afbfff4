// How the records a rule read are named in the trace: short, dated, in a clerk's words.
// Also the virtual records the engine derives from person facts (probation end, left the unit).
import { RATING_LABEL } from '../domain/labels';
import type { RecordRef, RuleEvidence, RulePerson, RuleRating } from './types';

export function evidenceRef(e: RuleEvidence): RecordRef {
  const end = e.endDate ? `至${e.endDate}` : '';
  const days = e.days != null && e.kind === 'leave' ? ` ${e.days}天` : '';
  const doc = e.docNo ? `（${e.docNo}）` : '';
  const type = e.id.startsWith('person:') ? 'person' : 'evidence';
  return {
    type,
    id: e.id,
    date: e.date,
    kind: e.kind,
    subKind: e.subKind,
    text: `${e.date}${end} ${e.subKind}${days}${doc}`,
  };
}

/** 2026Q1 → Q1, 2026H2 → H2, 2026M03 → M03: the year is implied by the assessed year. */
export function shortPeriod(code: string): string {
  return code.replace(/^\d{4}/, '') || code;
}

export function ratingRef(r: RuleRating): RecordRef {
  const value = r.rating ? RATING_LABEL[r.rating] : '未评';
  return {
    type: 'rating',
    id: r.id ?? `rating:${r.periodCode}`,
    date: null,
    kind: 'rating',
    subKind: r.rating,
    text: `${shortPeriod(r.periodCode)} ${value}`,
  };
}

/**
 * Person facts become virtual evidence so the rule table treats them like recorded events:
 * a probation end date on the roster is a 试用期 record, a 'left' status a 离开单位 record.
 */
export function virtualEvidence(p: RulePerson): RuleEvidence[] {
  const out: RuleEvidence[] = [];
  if (p.probationEnd) {
    out.push({
      id: `person:${p.id}:probation`,
      kind: 'probation',
      subKind: '试用期',
      date: p.hireDate ?? p.probationEnd,
      endDate: p.probationEnd,
      days: null,
      details: { source: 'roster' },
      docNo: '名册',
    });
  }
  if (p.status === 'left' && p.leftDate) {
    out.push({
      id: `person:${p.id}:left`,
      kind: 'not_assessed',
      subKind: '离开单位',
      date: p.leftDate,
      endDate: null,
      days: null,
      details: { source: 'roster' },
      docNo: '名册',
    });
  }
  return out;
}
