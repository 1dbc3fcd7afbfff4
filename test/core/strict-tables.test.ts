// Migration 0017 (every table STRICT) on a real sealed store: a demo store with the committee's
// decisions, built and sealed at schema 16, is migrated; every row keeps its rowid and its seal
// digest, so the full audit check (chain, counters, data) passes BEFORE any new baseline is taken;
// indexes, triggers and foreign keys are exactly as they were and still act; a value of the wrong
// type is now refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Db } from '../../electron/core/db/open';
import { currentVersion, migrate } from '../../electron/core/db/migrate';
import { storeFile } from '../../electron/core/db/paths';
import { checkAuditChain } from '../../electron/core/audit/audit-check';
import { allRowDigests } from '../../electron/core/audit/row-seal';
import { baselineReason } from '../../electron/core/audit/baseline-snapshot';
import { writeBaseline } from '../../electron/core/audit/seal-entry';
import { SYSTEM_OPERATOR, writeTx, type Ctx } from '../../electron/core/context';
import { generateDemo } from '../../electron/core/demo';
import { bulkAccept } from '../../electron/core/yearend/decisions';
import { transition } from '../../electron/core/yearend/stages';
import { AppCore } from '../../electron/core/app-core';
import { tempDir } from '../support/temp-core';

const NOW = () => new Date('2026-12-20T02:00:00Z');

interface Shape {
  tables: Map<string, string>;
  others: Map<string, string>;
  columns: Map<string, unknown>;
  keys: Map<string, unknown>;
  rowids: Map<string, unknown>;
  sequence: unknown;
}

function shapeOf(db: Db): Shape {
  const objects = db
    .prepare<[], { type: string; name: string; sql: string | null }>(
      "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
    )
    .all();
  const tables = new Map(objects.filter((o) => o.type === 'table').map((o) => [o.name, o.sql ?? '']));
  const others = new Map(objects.filter((o) => o.type !== 'table').map((o) => [`${o.type}:${o.name}`, o.sql ?? '']));
  const columns = new Map([...tables.keys()].map((t) => [t, db.prepare('SELECT * FROM pragma_table_info(?)').all(t)]));
  const keys = new Map(
    [...tables.keys()].map((t) => [t, db.prepare('SELECT * FROM pragma_foreign_key_list(?)').all(t)]),
  );
  const rowids = new Map(
    [...tables]
      .filter(([, sql]) => !/WITHOUT ROWID/i.test(sql))
      .map(([t]) => [t, db.prepare(`SELECT rowid FROM ${t} ORDER BY rowid`).pluck().all()]),
  );
  const sequence = db.prepare('SELECT name, seq FROM sqlite_sequence ORDER BY name').all();
  return { tables, others, columns, keys, rowids, sequence };
}

let dir: string;
let db: Db;
let before: Shape;
let digestsBefore: unknown[];
let yearId: string;

beforeAll(async () => {
  dir = tempDir('da-strict-');
  db = openStore(storeFile(dir), { targetVersion: 16 });
  const ctx: Ctx = { db, operator: SYSTEM_OPERATOR, dataDir: dir, now: NOW };
  writeTx(ctx, () => writeBaseline(ctx, baselineReason(db) ?? 'test'));
  const demo = generateDemo(ctx, { people: 40 });
  for (const a of demo.agencies) {
    await transition(ctx, { yearId: a.yearId, to: 'review' });
    bulkAccept(ctx, { yearId: a.yearId, departmentId: null });
  }
  yearId = demo.agencies[0]!.yearId;
  expect(checkAuditChain(db, NOW())).toMatchObject({ ok: true });
  before = shapeOf(db);
  digestsBefore = [...allRowDigests(db)];
  // Stop at 17: later migrations add their own triggers, which this shape comparison would count.
  expect(migrate(db, storeFile(dir), { targetVersion: 17 })).toMatchObject({ from: 16, to: 17 });
}, 120_000);
afterAll(() => {
  if (db.open) db.close();
});

describe('0017: every table STRICT on a sealed store', () => {
  it('makes every table STRICT', () => {
    const list = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
      )
      .all();
    expect(list.length).toBe(before.tables.size);
    expect(list.filter((t) => t.strict !== 1)).toEqual([]);
  });

  it('keeps every row digest, so the full audit check passes before any new baseline', () => {
    expect(currentVersion(db)).toBe(17);
    expect([...allRowDigests(db)]).toEqual(digestsBefore);
    const status = checkAuditChain(db, NOW());
    expect(status.problems).toEqual([]);
    expect(status.ok).toBe(true);
  });

  it('keeps columns, rowids, AUTOINCREMENT counters, foreign keys, indexes and triggers exactly', () => {
    const after = shapeOf(db);
    // STRICT makes a (non-rowid) PRIMARY KEY column NOT NULL (SQLite otherwise let a NULL key in):
    // the only change, so key columns are compared without their NOT NULL flag.
    const keyed = (cols: Shape['columns']) =>
      new Map(
        [...cols].map(([t, list]) => [
          t,
          (list as { pk: number; notnull: number }[]).map((c) => ({ ...c, notnull: c.pk ? 'key' : c.notnull })),
        ]),
      );
    expect(keyed(after.columns)).toEqual(keyed(before.columns));
    expect(after.keys).toEqual(before.keys);
    expect(after.rowids).toEqual(before.rowids);
    expect(after.sequence).toEqual(before.sequence);
    expect(after.others).toEqual(before.others);
    for (const [name, sql] of before.tables) {
      const body = (s: string) => s.replace(/^CREATE TABLE "?\w+"?/, '').replace(/\s+/g, ' ');
      const strict = /WITHOUT ROWID$/i.test(sql) ? `${body(sql)}, STRICT` : `${body(sql)} STRICT`;
      expect(body(after.tables.get(name) ?? '')).toBe(strict);
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('the app opens the migrated store, takes its baseline and verifies', () => {
    db.close();
    const core = new AppCore({ dataDir: dir, now: NOW, logError: () => undefined, autoBackup: false });
    try {
      expect(core.verifyAudit()).toMatchObject({ ok: true });
      expect(baselineReason(core.db)).toBeNull();
    } finally {
      core.close();
    }
    db = openStore(storeFile(dir));
  });
  it('the triggers still act: the log is append-only, a decided year is locked, a 身份证号 is one person', () => {
    expect(() => db.prepare('UPDATE audit_log SET reason = ? WHERE seq = 1').run('x')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_seal WHERE seq = 1').run()).toThrow(/append-only/);
    const decided = db
      .prepare<[string], { id: string }>('SELECT id FROM yearend_decision WHERE year_id = ? LIMIT 1')
      .get(yearId);
    expect(decided).toBeDefined();
    db.prepare("UPDATE assessment_year SET stage = 'final' WHERE id = ?").run(yearId);
    expect(() => db.prepare("UPDATE yearend_decision SET reason = 'x' WHERE id = ?").run(decided!.id)).toThrow(
      /已定档/,
    );
    const [a, b] = db.prepare<[], { id: string }>('SELECT id FROM person LIMIT 2').all();
    db.prepare("UPDATE person SET id_card = '11010519491231002X' WHERE id = ?").run(a!.id);
    expect(() => db.prepare("UPDATE person SET id_card = '11010519491231002X' WHERE id = ?").run(b!.id)).toThrow(
      /身份证号已被名册中的其他人员使用/,
    );
  });

  it('refuses a value of the wrong type (stored as-is before)', () => {
    expect(() => db.prepare("UPDATE period SET seq = 'first' WHERE rowid = 1").run()).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    expect(() => db.prepare('UPDATE person SET name = ? WHERE rowid = 1').run(Buffer.from('x'))).toThrow(
      /cannot store BLOB value in TEXT column/,
    );
  });
});
