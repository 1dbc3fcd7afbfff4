// The audit viewer's query: filters (time, operator, action, entity, outcome, free text) and paging.
// Parameterised SQL only; the newest entries first.
import type { Db } from '../db/open';
import type { AuditRow } from './audit-log';
import { entityName, namesInCopies } from './audit-names';
import { many, the, walk } from '../db/query';

export interface AuditFilter {
  from?: string;
  to?: string;
  operatorId?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  outcome?: 'ok' | 'denied' | 'failed';
  text?: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  operatorId: string;
  operatorName: string;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
  reason: string;
  outcome: string;
  hash: string;
}

/** `to` given as a date (2026-11-25) includes the whole day. */
function upperBound(to: string): string {
  return to.length === 10 ? `${to}T23:59:59.999Z` : to;
}

export function auditWhere(filter: AuditFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.from) {
    clauses.push('at >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    clauses.push('at <= ?');
    params.push(upperBound(filter.to));
  }
  if (filter.operatorId) {
    clauses.push('operator_id = ?');
    params.push(filter.operatorId);
  }
  if (filter.action) {
    clauses.push('action = ?');
    params.push(filter.action);
  }
  if (filter.entity) {
    clauses.push('entity = ?');
    params.push(filter.entity);
  }
  if (filter.entityId) {
    clauses.push('entity_id = ?');
    params.push(filter.entityId);
  }
  if (filter.outcome) {
    clauses.push('outcome = ?');
    params.push(filter.outcome);
  }
  if (filter.text) {
    // instr() rather than LIKE: the operator's % and _ are plain characters here.
    clauses.push(
      "(instr(coalesce(before_json,''), ?) > 0 OR instr(coalesce(after_json,''), ?) > 0 OR instr(reason, ?) > 0 OR instr(operator_name, ?) > 0 OR instr(entity_id, ?) > 0)",
    );
    params.push(filter.text, filter.text, filter.text, filter.text, filter.text);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export function toEntry(r: AuditRow): AuditEntry {
  return {
    seq: r.seq,
    at: r.at,
    operatorId: r.operator_id,
    operatorName: r.operator_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before_json,
    after: r.after_json,
    reason: r.reason,
    outcome: r.outcome,
    hash: r.hash,
  };
}

export function listAudit(db: Db, filter: AuditFilter, page: number, pageSize: number) {
  const where = auditWhere(filter);
  const total = the<{ n: number }>(db, `SELECT COUNT(*) AS n FROM audit_log ${where.sql}`, ...where.params).n;
  const rows = many<AuditRow>(
    db,
    `SELECT * FROM audit_log ${where.sql} ORDER BY seq DESC LIMIT ? OFFSET ?`,
    ...where.params,
    pageSize,
    (page - 1) * pageSize,
  );
  const actions = many<{ action: string }>(db, 'SELECT DISTINCT action FROM audit_log ORDER BY action').map(
    (r) => r.action,
  );
  const entities = many<{ entity: string }>(db, 'SELECT DISTINCT entity FROM audit_log ORDER BY entity').map(
    (r) => r.entity,
  );
  const operators = many<{ id: string; name: string }>(
    db,
    'SELECT operator_id AS id, MAX(operator_name) AS name FROM audit_log GROUP BY operator_id ORDER BY name',
  );
  const entries = rows.map(toEntry);
  return {
    total,
    rows: entries.map((e) => ({ ...e, entityName: entityName(db, e) })),
    names: namesInCopies(db, entries),
    actions,
    entities,
    operators,
  };
}

export function* iterateAudit(db: Db, filter: AuditFilter): Generator<AuditEntry> {
  const where = auditWhere(filter);
  for (const r of walk<AuditRow>(db, `SELECT * FROM audit_log ${where.sql} ORDER BY seq`, ...where.params))
    yield toEntry(r);
}
