// How an evidence input maps to the evidence table's columns and back: the common columns hold
// dates, days and 文号; the kind's own fields go to details_json. Pure, shared by core and renderer.
import { addDays, addMonths } from '../domain/dates';
import type { EvidenceDto } from '../domain/records';
import type { EvidenceInput } from './fields';
import { leaveSpanDays } from './leave';

export interface EvidenceColumns {
  kind: EvidenceInput['kind'];
  subKind: string;
  date: string;
  endDate: string | null;
  days: number | null;
  description: string;
  docNo: string;
  details: Record<string, unknown>;
}

/** Columns to store for a validated input (computed leave days and 留党察看 term end included). */
export function evidenceColumns(input: EvidenceInput): EvidenceColumns {
  const base = {
    kind: input.kind,
    subKind: input.subKind,
    date: input.date,
    description: input.description,
    docNo: input.docNo,
  };
  switch (input.kind) {
    case 'leave':
      return {
        ...base,
        endDate: input.endDate,
        days: input.days ?? leaveSpanDays(input.date, input.endDate),
        details: { daysGiven: input.days !== null },
      };
    case 'party_discipline':
      return {
        ...base,
        // the term's last day, so "the following year(s) of its term" can be read from the row
        endDate: input.termYears === null ? null : addDays(addMonths(input.date, 12 * input.termYears), -1),
        days: null,
        details: input.termYears === null ? {} : { termYears: input.termYears },
      };
    case 'investigation':
      return {
        ...base,
        endDate: input.endDate,
        days: null,
        details: { closingOutcome: input.closingOutcome, linkedEvidenceId: input.linkedEvidenceId },
      };
    case 'probation':
      return { ...base, endDate: input.endDate, days: null, details: {} };
    case 'transfer':
      return { ...base, endDate: input.endDate, days: null, details: { otherUnit: input.otherUnit } };
    case 'work':
      return { ...base, endDate: null, days: input.hours, details: {} };
    case 'negative_list':
      return { ...base, endDate: null, days: null, details: { item: input.item } };
    case 'role_veto':
      return { ...base, endDate: null, days: null, details: { role: input.role } };
    case 'commendation':
    case 'sanction':
    case 'org_handling':
    case 'not_assessed':
      return { ...base, endDate: null, days: null, details: {} };
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The editable input of a stored item (the edit form starts from it). */
export function evidenceInputOf(
  e: Pick<
    EvidenceDto,
    'personId' | 'kind' | 'subKind' | 'date' | 'endDate' | 'days' | 'description' | 'docNo' | 'details'
  >,
): Record<string, unknown> {
  const base = {
    personId: e.personId,
    kind: e.kind,
    subKind: e.subKind,
    date: e.date,
    description: e.description,
    docNo: e.docNo,
  };
  const d = e.details;
  switch (e.kind) {
    case 'leave':
      return { ...base, endDate: e.endDate, days: d.daysGiven === false ? null : e.days };
    case 'party_discipline':
      return { ...base, termYears: d.termYears === 1 || d.termYears === 2 ? d.termYears : null };
    case 'investigation':
      return {
        ...base,
        endDate: e.endDate,
        closingOutcome: d.closingOutcome ?? null,
        linkedEvidenceId: d.linkedEvidenceId ?? null,
      };
    case 'probation':
      return { ...base, endDate: e.endDate };
    case 'transfer':
      return { ...base, endDate: e.endDate, otherUnit: str(d.otherUnit) };
    case 'work':
      return { ...base, hours: e.days };
    case 'negative_list':
      return { ...base, item: str(d.item) };
    case 'role_veto':
      return { ...base, role: str(d.role) };
    case 'commendation':
    case 'sanction':
    case 'org_handling':
    case 'not_assessed':
      return base;
  }
}
