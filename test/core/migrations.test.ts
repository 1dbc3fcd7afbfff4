// Each migration, one by one: a store at N-1 holding rows is migrated to N, its rows survive, and
// integrity and foreign keys still check. Also: the backup taken before migrating opens and holds
// the old rows.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../electron/core/db/open';
import { currentVersion, loadMigrations, migrate } from '../../electron/core/db/migrate';
import { tempDir } from '../support/temp-core';

const T = '2026-01-05T00:00:00.000Z';

function seedVersion1(db: Database.Database): void {
  db.prepare(
    `INSERT INTO unit (id, parent_id, kind, name, created_at, updated_at, updated_by) VALUES ('u1', NULL, 'agency', '某区发改委', ?, ?, 't')`,
  ).run(T, T);
  db.prepare(
    `INSERT INTO unit (id, parent_id, kind, name, created_at, updated_at, updated_by) VALUES ('d1', 'u1', 'department', '办公室', ?, ?, 't')`,
  ).run(T, T);
  db.prepare(
    `INSERT INTO person (id, person_no, name, unit_id, category, created_at, created_by, updated_at, updated_by) VALUES ('p1', 'A001', '张三', 'd1', 'civil_servant', ?, 't', ?, 't')`,
  ).run(T, T);
  db.prepare(
    `INSERT INTO assessment_year (id, unit_id, year, settings_json, created_at, updated_at, updated_by) VALUES ('y1', 'u1', 2026, '{}', ?, ?, 't')`,
  ).run(T, T);
  db.prepare(
    `INSERT INTO period (id, year_id, code, label, seq, start_date, end_date) VALUES ('q1', 'y1', '2026Q1', '第一季度', 1, '2026-01-01', '2026-03-31')`,
  ).run();
  db.prepare(
    `INSERT INTO period_rating (id, period_id, person_id, unit_id, rating, created_at, created_by, updated_at, updated_by) VALUES ('r1', 'q1', 'p1', 'd1', 'good', ?, 't', ?, 't')`,
  ).run(T, T);
  db.prepare(
    `INSERT INTO evidence (id, person_id, kind, sub_kind, date, recorded_by, created_at, updated_at, updated_by) VALUES ('e1', 'p1', 'sanction', '警告', '2026-02-01', 't', ?, ?, 't')`,
  ).run(T, T);
}

const CORE_TABLES = ['unit', 'person', 'assessment_year', 'period', 'period_rating', 'evidence'];

function counts(db: Database.Database): Record<string, number> {
  return Object.fromEntries(
    CORE_TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
}

describe('migrations', () => {
  const all = loadMigrations();

  it('are numbered 1..N without gaps', () => {
    expect(all.map((m) => m.version)).toEqual(all.map((_, i) => i + 1));
  });

  for (const m of all.filter((x) => x.version >= 2)) {
    it(`${String(m.version).padStart(4, '0')}-${m.name} migrates a store at ${m.version - 1} holding rows`, () => {
      const dir = tempDir();
      const file = join(dir, 'store.sqlite');
      const first = openStore(file, { targetVersion: 1 });
      seedVersion1(first);
      first.close();
      const db = openStore(file, { targetVersion: m.version - 1 });
      const before = counts(db);
      const r = migrate(db, file, { targetVersion: m.version });
      expect(r).toMatchObject({ from: m.version - 1, to: m.version });
      expect(counts(db)).toEqual(before);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();
      // The backup taken before this step holds the store as it was.
      const backups = readdirSync(join(dir, 'backups')).filter((f) => f.includes(`before-v${m.version}-`));
      expect(backups.length).toBe(1);
      const old = new Database(join(dir, 'backups', backups[0]!), { readonly: true });
      expect(currentVersion(old)).toBe(m.version - 1);
      expect(counts(old)).toEqual(before);
      old.close();
    });
  }
});
