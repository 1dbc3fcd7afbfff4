// The evidence table's row, and its view for the contract: the record, its person, and the
// computed facts (sanction period, investigation state, the person's leave total of the year).
import type { EvidenceView } from '../../../shared/api/evidence';
import { yearOf } from '../../../shared/domain/dates';
import { investigationState } from '../../../shared/evidence/flags';
import { sanctionPeriod } from '../../../shared/evidence/sanction-period';
import type { YearIndex } from './year-index';
import type { EvidenceRow } from '../db/rows';

/** The evidence table's row, as generated from the migrations. */
export type { EvidenceRow };

export interface EvidenceViewRow extends EvidenceRow {
  person_no: string;
  person_name: string;
  unit_id: string;
  unit_name: string;
}

export const VIEW_SELECT = `SELECT e.*, p.person_no, p.name AS person_name, p.unit_id, u.name AS unit_name
  FROM evidence e JOIN person p ON p.id = e.person_id JOIN unit u ON u.id = p.unit_id`;

export function parseDetails(json: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The record's own fields in contract names: shared by the view and the audit entries. */
export function evidenceFields(
  r: Omit<EvidenceRow, 'status' | 'void_reason'> & Partial<Pick<EvidenceRow, 'status' | 'void_reason'>>,
) {
  return {
    personId: r.person_id,
    kind: r.kind,
    subKind: r.sub_kind,
    date: r.date,
    endDate: r.end_date,
    days: r.days,
    description: r.description,
    docNo: r.doc_no,
    details: parseDetails(r.details_json),
    status: r.status ?? 'active',
    voidReason: r.void_reason ?? null,
  };
}

export function toView(
  r: EvidenceViewRow,
  years: YearIndex,
  asOf: string,
  yearLeaveTotal: number | null,
): EvidenceView {
  const settings = years.settingsFor(r.unit_id, yearOf(r.date));
  return {
    id: r.id,
    ...evidenceFields(r),
    recordedBy: r.recorded_by,
    updatedAt: r.updated_at,
    createdAt: r.created_at,
    personNo: r.person_no,
    personName: r.person_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    effectPeriod: r.kind === 'sanction' ? sanctionPeriod(r.date, r.sub_kind, settings.sanctionMonths) : null,
    investigationState: r.kind === 'investigation' ? investigationState(r.date, r.end_date, asOf) : null,
    yearLeaveTotal: r.kind === 'leave' ? yearLeaveTotal : null,
  };
}
