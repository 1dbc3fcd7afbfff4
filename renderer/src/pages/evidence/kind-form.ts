// What the "记录事件" form shows for each kind: the labels of its dates, which extra fields it has,
// and how the form's values become the contract's input (checked by the same zod union as main).
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { EvidenceKind } from '@shared/domain/types';
import type { EvidenceView } from '@shared/api/evidence';
import { evidenceInputOf } from '@shared/evidence/storage';
import { SUB_KIND } from '@shared/evidence/sub-kinds';
import type { MessageKey } from '../../i18n/zh';

export type ExtraField =
  'endDate' | 'days' | 'termYears' | 'closingOutcome' | 'linkedEvidenceId' | 'otherUnit' | 'hours' | 'item' | 'role';

export const FORM_FIELDS = [
  'personId',
  'kind',
  'subKind',
  'date',
  'docNo',
  'description',
  'endDate',
  'days',
  'termYears',
  'closingOutcome',
  'linkedEvidenceId',
  'otherUnit',
  'hours',
  'item',
  'role',
] as const;

export const DATE_LABEL: Record<EvidenceKind, MessageKey> = {
  commendation: 'evf.date.commendation',
  sanction: 'evf.date.sanction',
  org_handling: 'evf.date.org_handling',
  party_discipline: 'evf.date.party_discipline',
  investigation: 'evf.date.investigation',
  leave: 'evf.date.leave',
  probation: 'evf.date.probation',
  transfer: 'evf.date.transfer',
  work: 'evf.date',
  negative_list: 'evf.date',
  role_veto: 'evf.date',
  not_assessed: 'evf.date',
};

export const END_LABEL: Partial<Record<EvidenceKind, MessageKey>> = {
  investigation: 'evf.end.investigation',
  leave: 'evf.end',
  probation: 'evf.end.probation',
  transfer: 'evf.end.transfer',
};

export const DOC_REQUIRED: Partial<Record<EvidenceKind, MessageKey>> = {
  sanction: 'evf.doc.sanction',
  commendation: 'evf.doc.commendation',
};

/** The kind's extra fields, given what is chosen so far (some appear only for a sub-kind). */
export function extraFields(
  kind: EvidenceKind | undefined,
  subKind: string | undefined,
  hasEnd: boolean,
): ExtraField[] {
  switch (kind) {
    case 'party_discipline':
      return subKind === SUB_KIND.partyProbation ? ['termYears'] : [];
    case 'investigation':
      return hasEnd ? ['endDate', 'closingOutcome', 'linkedEvidenceId'] : ['endDate'];
    case 'leave':
      return ['endDate', 'days'];
    case 'probation':
      return ['endDate'];
    case 'transfer':
      return ['otherUnit', 'endDate'];
    case 'work':
      return subKind === SUB_KIND.trainingHours ? ['hours'] : [];
    case 'negative_list':
      return ['item'];
    case 'role_veto':
      return ['role'];
    default:
      return [];
  }
}

export interface FormValues {
  personId?: string;
  kind?: EvidenceKind;
  subKind?: string;
  date?: Dayjs | null;
  endDate?: Dayjs | null;
  days?: number | null;
  docNo?: string;
  description?: string;
  termYears?: 1 | 2 | null;
  closingOutcome?: 'none' | 'warning' | 'heavier' | null;
  linkedEvidenceId?: string | null;
  otherUnit?: string;
  hours?: number | null;
  item?: string;
  role?: string;
}

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** The contract input for the kind: only the kind's own fields (its schema refuses any other). */
export function toInput(v: FormValues): Record<string, unknown> {
  const kind = v.kind;
  const out: Record<string, unknown> = {
    personId: v.personId,
    kind,
    subKind: v.subKind,
    date: iso(v.date),
    description: v.description ?? '',
    docNo: v.docNo ?? '',
  };
  switch (kind) {
    case 'party_discipline':
      out.termYears = v.subKind === SUB_KIND.partyProbation ? (v.termYears ?? null) : null;
      break;
    case 'investigation':
      out.endDate = iso(v.endDate) ?? null;
      out.closingOutcome = v.endDate ? (v.closingOutcome ?? null) : null;
      out.linkedEvidenceId = v.endDate && v.closingOutcome !== 'none' ? (v.linkedEvidenceId ?? null) : null;
      break;
    case 'leave':
      out.endDate = iso(v.endDate);
      out.days = v.days ?? null;
      break;
    case 'probation':
      out.endDate = iso(v.endDate);
      break;
    case 'transfer':
      out.otherUnit = v.otherUnit ?? '';
      out.endDate = iso(v.endDate) ?? null;
      break;
    case 'work':
      out.hours = v.subKind === SUB_KIND.trainingHours ? (v.hours ?? null) : null;
      break;
    case 'negative_list':
      out.item = v.item ?? '';
      break;
    case 'role_veto':
      out.role = v.role ?? '';
      break;
    default:
      break;
  }
  return out;
}

/** The form's starting values for editing a stored item. */
export function formValuesOf(item: EvidenceView): FormValues {
  const input = evidenceInputOf(item);
  const day = (s: unknown) => (typeof s === 'string' ? dayjs(s) : null);
  return { ...(input as FormValues), date: day(input.date), endDate: day(input.endDate) };
}
