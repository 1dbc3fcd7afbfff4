// Readable references on the command line: a script names 办公室, C03, 2025 or 2025Q1 where the
// contract wants an id. Each reference is looked up once before dispatch (an exact id always wins);
// a name that matches nothing or several rows is refused in one Chinese line. The method's own
// scope checks still apply to the id found, so naming a unit grants nothing.
import { AppError } from '../../../shared/result';
import type { Db } from '../../core/db/open';
import { many } from '../../core/db/query';

type Kind = 'unit' | 'person' | 'year' | 'period' | 'operator' | 'objection' | 'redress';

const KIND_LABEL: Record<Kind, string> = {
  unit: '单位或部门',
  person: '人员',
  year: '考核年度',
  period: '考核期间',
  operator: '操作员',
  objection: '未处理的异议',
  redress: '未办结的复核或申诉',
};

/** How each kind is written on the command line (shown in --help). */
export const REF_HINT: Record<Kind, string> = {
  unit: '单位名称/代码/编号',
  person: '人员编号/编号',
  year: '年度如2025或2025/单位',
  period: '期间如2025Q1或2025Q1/单位',
  operator: '用户名/编号',
  objection: '编号或被异议人的人员编号',
  redress: '编号或申请人的人员编号',
};

/** Input keys that hold a reference, wherever they occur in the input. */
const KEY_KIND: Record<string, Kind> = {
  unitId: 'unit',
  parentId: 'unit',
  toUnitId: 'unit',
  departmentId: 'unit',
  departmentIds: 'unit',
  orderedIds: 'unit',
  unitScope: 'unit',
  personId: 'person',
  yearId: 'year',
  periodId: 'period',
  objectionId: 'objection',
  redressId: 'redress',
};

/** The top-level `id` of these capabilities names a row of that kind. */
const ID_KIND: Record<string, Kind> = { roster: 'person', units: 'unit', operators: 'operator' };

export function refKindOf(method: string, key: string): Kind | null {
  if (key === 'id') return ID_KIND[method.split('.')[0]!] ?? null;
  return KEY_KIND[key] ?? null;
}

function splitScoped(ref: string): [string, string | null] {
  const i = ref.indexOf('/');
  return i > 0 ? [ref.slice(0, i), ref.slice(i + 1)] : [ref, null];
}

function lookup(db: Db, kind: Kind, ref: string): string[] {
  const rows = (sql: string, ...args: unknown[]) => many<{ id: string }>(db, sql, ...args).map((r) => r.id);
  switch (kind) {
    case 'unit':
      return rows('SELECT id FROM unit WHERE code = ? OR name = ?', ref, ref);
    case 'person':
      return rows('SELECT id FROM person WHERE person_no = ?', ref);
    case 'operator':
      return rows("SELECT id FROM operator WHERE username = ? COLLATE NOCASE AND role <> 'system'", ref);
    // a person's open objection or pending redress: at most one at a time is the usual case
    case 'objection':
      return rows(
        "SELECT o.id FROM yearend_objection o JOIN person p ON p.id = o.person_id WHERE p.person_no = ? AND o.status = 'open'",
        ref,
      );
    case 'redress':
      return rows(
        "SELECT r.id FROM yearend_redress r JOIN person p ON p.id = r.person_id WHERE p.person_no = ? AND r.status = 'pending'",
        ref,
      );
    case 'year': {
      const [year, unit] = splitScoped(ref);
      if (!/^\d{4}$/.test(year)) return [];
      return rows(
        `SELECT y.id FROM assessment_year y JOIN unit u ON u.id = y.unit_id
          WHERE y.year = ? AND (? IS NULL OR u.name = ? OR u.code = ?)`,
        Number(year),
        unit,
        unit,
        unit,
      );
    }
    case 'period': {
      const [code, unit] = splitScoped(ref);
      return rows(
        `SELECT p.id FROM period p JOIN assessment_year y ON y.id = p.year_id JOIN unit u ON u.id = y.unit_id
          WHERE p.code = ? AND (? IS NULL OR u.name = ? OR u.code = ?)`,
        code,
        unit,
        unit,
        unit,
      );
    }
  }
}

const TABLE: Record<Kind, string> = {
  unit: 'unit',
  person: 'person',
  year: 'assessment_year',
  period: 'period',
  operator: 'operator',
  objection: 'yearend_objection',
  redress: 'yearend_redress',
};

export function resolveRef(db: Db, kind: Kind, ref: string): string {
  if (db.prepare(`SELECT 1 FROM ${TABLE[kind]} WHERE id = ?`).get(ref)) return ref;
  const ids = lookup(db, kind, ref.trim());
  if (ids.length === 1) return ids[0]!;
  if (ids.length === 0)
    throw new AppError('NOT_FOUND', `找不到${KIND_LABEL[kind]}“${ref}” / no ${kind} “${ref}”`, { ref });
  throw new AppError(
    'INVALID_INPUT',
    `有 ${ids.length} 个${KIND_LABEL[kind]}与“${ref}”相符，请改用编号或加上单位（如 2025/单位名称） / “${ref}” is ambiguous, use the id`,
    { ref },
  );
}

function resolveValue(db: Db, kind: Kind, value: unknown): unknown {
  if (typeof value === 'string' && value !== '') return resolveRef(db, kind, value);
  if (Array.isArray(value)) return value.map((v) => resolveValue(db, kind, v));
  return value;
}

/** Replaces references by ids in place, at the top level and inside nested objects and arrays. */
export function resolveRefs(db: Db, method: string, input: Record<string, unknown>): Record<string, unknown> {
  const walk = (value: unknown, top: boolean): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v, false));
    if (!value || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const kind = k === 'id' && !top ? null : refKindOf(method, k);
      out[k] = kind ? resolveValue(db, kind, v) : walk(v, false);
    }
    return out;
  };
  return walk(input, true) as Record<string, unknown>;
}
