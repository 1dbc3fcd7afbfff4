// Reading the office's per-department review verdicts (department_review) of a period.
import type { Db } from '../db/open';
import { many, one } from '../db/query';

export interface ReviewStateDto {
  status: 'returned' | 'accepted';
  note: string;
  updatedAt: string;
  updatedBy: string;
}

interface Row {
  unit_id: string;
  status: 'returned' | 'accepted';
  note: string;
  updated_at: string;
  updated_by: string;
}

const dto = (r: Row): ReviewStateDto => ({
  status: r.status,
  note: r.note,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export function reviewOf(db: Db, periodId: string, unitId: string): ReviewStateDto | null {
  const r = one<Row>(
    db,
    'SELECT unit_id, status, note, updated_at, updated_by FROM department_review WHERE period_id = ? AND unit_id = ?',
    periodId,
    unitId,
  );
  return r ? dto(r) : null;
}

export function reviewsOfPeriod(db: Db, periodId: string): Map<string, ReviewStateDto> {
  const rows = many<Row>(
    db,
    'SELECT unit_id, status, note, updated_at, updated_by FROM department_review WHERE period_id = ?',
    periodId,
  );
  return new Map(rows.map((r) => [r.unit_id, dto(r)]));
}
