// The person row as stored and its DTO as it crosses the contract. The full 身份证号 never leaves
// core: every DTO carries only the masked form.
import type { PersonDto } from '../../../shared/domain/records';
import { maskIdCard } from '../../../shared/domain/idcard';
import type { PersonRow as PersonTableRow } from '../db/rows';

/** The person table's row with the name of the person's unit (PERSON_COLUMNS over PERSON_FROM). */
export type PersonRow = PersonTableRow & { unit_name: string };

export const PERSON_COLUMNS = `p.id, p.person_no, p.name, p.gender, p.birth_month, p.political_status, p.education, p.unit_id,
  u.name AS unit_name, p.position, p.position_since, p.category, p.duties, p.hire_date, p.probation_end, p.superior_assessed,
  p.id_card, p.status, p.left_date, p.left_reason, p.created_at, p.created_by, p.updated_at, p.updated_by`;

export const PERSON_FROM = 'person p JOIN unit u ON u.id = p.unit_id';

export function toPersonDto(r: PersonRow): PersonDto {
  return {
    id: r.id,
    personNo: r.person_no,
    name: r.name,
    gender: r.gender,
    birthMonth: r.birth_month,
    politicalStatus: r.political_status,
    education: r.education,
    unitId: r.unit_id,
    unitName: r.unit_name,
    position: r.position,
    positionSince: r.position_since,
    category: r.category,
    duties: r.duties,
    hireDate: r.hire_date,
    probationEnd: r.probation_end,
    superiorAssessed: r.superior_assessed === 1,
    idCardMasked: maskIdCard(r.id_card),
    status: r.status,
    leftDate: r.left_date,
    leftReason: r.left_reason,
    updatedAt: r.updated_at,
  };
}
