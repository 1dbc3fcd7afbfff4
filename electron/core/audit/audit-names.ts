// What an audit entry is about, in words an auditor reads: "张三（R00001）", "办公室", "2026 年度 第一季度"
// instead of a row id. Looked up for the page being shown only; a row since deleted is named from the
// entry's own before/after copy, and an id that cannot be named is never shown as such.
import { contract } from '../../../shared/api';
import type { Db } from '../db/open';
import { one as firstRow } from '../db/query';

/** What naming reads of an audit entry (audit-query's AuditEntry has it; declared here so the two
 *  files do not import each other). */
interface NamedEntry {
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
}

type Lookup = (db: Db, id: string) => string | null;

function nameOf(db: Db, sql: string, ...params: unknown[]): string | null {
  try {
    const row = firstRow<{ n: string | null }>(db, sql, ...params);
    return row?.n ?? null;
  } catch {
    return null; // a table from a later migration that this store does not have
  }
}

const PERSON = `p.name || '（' || p.person_no || '）'`;
const personOf =
  (table: string): Lookup =>
  (db, id) =>
    nameOf(db, `SELECT ${PERSON} AS n FROM ${table} t JOIN person p ON p.id = t.person_id WHERE t.id = ?`, id);
const periodName = (db: Db, periodId: string) =>
  nameOf(
    db,
    `SELECT y.year || ' 年度 ' || p.label AS n FROM period p JOIN assessment_year y ON y.id = p.year_id WHERE p.id = ?`,
    periodId,
  );

const LOOKUPS: Partial<Record<string, Lookup>> = {
  person: (db, id) => nameOf(db, `SELECT ${PERSON} AS n FROM person p WHERE p.id = ?`, id),
  unit: (db, id) => nameOf(db, 'SELECT name AS n FROM unit WHERE id = ?', id),
  operator: (db, id) =>
    nameOf(db, "SELECT display_name || '（' || username || '）' AS n FROM operator WHERE id = ?", id),
  assessment_year: (db, id) =>
    nameOf(
      db,
      "SELECT u.name || ' ' || y.year || ' 年度' AS n FROM assessment_year y JOIN unit u ON u.id = y.unit_id WHERE y.id = ?",
      id,
    ),
  period: periodName,
  period_rating: (db, id) =>
    nameOf(
      db,
      `SELECT p.name || '（' || p.person_no || '） ' || y.year || ' 年度 ' || pe.label AS n
         FROM period_rating r JOIN person p ON p.id = r.person_id JOIN period pe ON pe.id = r.period_id
         JOIN assessment_year y ON y.id = pe.year_id WHERE r.id = ?`,
      id,
    ),
  evidence: personOf('evidence'),
  history_grade: personOf('history_grade'),
  yearend_decision: personOf('yearend_decision'),
  yearend_objection: personOf('yearend_objection'),
  yearend_redress: personOf('yearend_redress'),
  pack_summary_draft: personOf('pack_summary_draft'),
  pack_comment_draft: personOf('pack_comment_draft'),
  cap_override: (db, id) =>
    nameOf(
      db,
      `SELECT u.name || ' ' || y.year || ' 年度 ' || pe.label AS n FROM cap_override c JOIN unit u ON u.id = c.unit_id
         JOIN period pe ON pe.id = c.period_id JOIN assessment_year y ON y.id = pe.year_id WHERE c.id = ?`,
      id,
    ),
  // `${periodId}/${unitId}`
  department_review: (db, id) => {
    const [periodId, unitId] = id.split('/');
    const unit = nameOf(db, 'SELECT name AS n FROM unit WHERE id = ?', unitId);
    const period = periodName(db, periodId ?? '');
    return unit && period ? `${unit} ${period}` : null;
  },
  calendar_year: (_db, id) => (/^\d{4}$/.test(id) ? `${id} 年节假日安排` : null),
  // `${yearId}/${personId}`
  yearend_signoff: (db, id) => LOOKUPS.person!(db, id.split('/')[1] ?? ''),
  import_batch: (db, id) => nameOf(db, 'SELECT file_name AS n FROM import_batch WHERE id = ?', id),
  method: (_db, id) => (Object.hasOwn(contract, id) ? contract[id as keyof typeof contract].summary : null),
  app_meta: (_db, id) => (id === 'trust.settings' ? '登录、锁屏与备份设置' : null),
  audit_log: (_db, id) => (/^\d+$/.test(id) ? `第 ${id} 条审计记录` : null),
  backup: (_db, id) => id.split(/[\\/]/).pop() ?? null,
};

/** Names kept in the entry itself, for a row deleted since (a person removed as 误录). */
function fromCopy(e: NamedEntry): string | null {
  for (const json of [e.before, e.after]) {
    if (!json) continue;
    try {
      const v = JSON.parse(json) as Record<string, unknown>;
      if (v && typeof v === 'object') {
        const name = v.name ?? v.personName ?? v.displayName;
        if (typeof name === 'string' && name) return typeof v.personNo === 'string' ? `${name}（${v.personNo}）` : name;
      }
    } catch {
      // an old entry with plain text: nothing to take from it
    }
  }
  return null;
}

const ROW_ID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$|^[0-9a-f]{16,}$/i;

export function entityName(db: Db, e: NamedEntry): string {
  if (!e.entityId) return '';
  const named = LOOKUPS[e.entity]?.(db, e.entityId) ?? fromCopy(e);
  if (named) return named;
  // Something readable already (a file name, a settings key) may stand; a bare row id may not.
  return ROW_ID.test(e.entityId) || e.entityId.includes('/') ? '（已删除的记录）' : e.entityId;
}

const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Names for the row ids that appear inside the entries' before/after copies (a person's unitId, a
 * rating's periodId), so the viewer shows "办公室" where the copy holds an id.
 */
export function namesInCopies(db: Db, entries: NamedEntry[]): Record<string, string> {
  const ids = new Set<string>();
  for (const e of entries)
    for (const json of [e.before, e.after]) for (const m of json?.match(UUID_IN_TEXT) ?? []) ids.add(m);
  const names: Record<string, string> = {};
  for (const id of ids) {
    const name =
      LOOKUPS.unit!(db, id) ??
      LOOKUPS.person!(db, id) ??
      LOOKUPS.period!(db, id) ??
      LOOKUPS.assessment_year!(db, id) ??
      LOOKUPS.operator!(db, id);
    if (name) names[id] = name;
  }
  return names;
}
