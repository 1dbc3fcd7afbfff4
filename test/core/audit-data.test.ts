// The audit proves the data: on a real demo store, an edit, an insert and a delete made outside the
// app in every table are each named by the check and by verify-audit (table, row, what differs);
// cutting the tail of the log is caught against a backup's manifest and against the head printed on
// a summary table; the chain is verified past an acknowledged break; an acknowledgement forged in
// app_meta does not resume writes; an edited last entry is caught by the seal bound to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppCore } from '../../electron/core/app-core';
import { dispatch } from '../../electron/core/api/dispatch';
import { checkAuditChain } from '../../electron/core/audit/audit-check';
import { auditHead, hashEntry, type AuditRow } from '../../electron/core/audit/audit-log';
import { sealedTables } from '../../electron/core/audit/row-seal';
import { backupNow } from '../../electron/core/backup/backup';
import { SYSTEM_OPERATOR } from '../../electron/core/context';
import { generateDemo } from '../../electron/core/demo';
import { bulkAccept } from '../../electron/core/yearend/decisions';
import { transition } from '../../electron/core/yearend/stages';
import { runCli } from '../../electron/cli/index';
import { tempDir } from '../support/temp-core';

let source: string; // a sealed demo store, closed
let sourceDir: string;
const NOW = () => new Date('2026-12-20T02:00:00Z');

beforeAll(async () => {
  sourceDir = tempDir('da-audit-data-');
  const core = new AppCore({ dataDir: sourceDir, now: NOW, logError: () => undefined, autoBackup: false });
  const ctx = core.ctx(SYSTEM_OPERATOR);
  const demo = generateDemo(ctx, { people: 60 });
  // The committee's decisions too, so yearend tables hold rows written by the app.
  for (const a of demo.agencies) {
    await transition(ctx, { yearId: a.yearId, to: 'review' });
    bulkAccept(ctx, { yearId: a.yearId, departmentId: null });
  }
  expect(core.verifyAudit()).toMatchObject({ ok: true });
  source = core.storeFile;
  core.close();
}, 120_000);
afterAll(() => undefined);

/** A fresh copy of the sealed store in its own data folder. */
function copyStore(): { dir: string; file: string } {
  const dir = tempDir('da-tamper-');
  const file = join(dir, 'assessment.sqlite');
  copyFileSync(source, file);
  return { dir, file };
}

/** A connection as an outside tool opens it: foreign keys off (the sqlite3 shell's default). */
function outside(file: string): Database.Database {
  const raw = new Database(file);
  raw.pragma('foreign_keys = OFF');
  return raw;
}

function problemsOf(file: string, anchors: Parameters<typeof checkAuditChain>[2] = {}): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return checkAuditChain(db, NOW(), anchors).problems;
  } finally {
    db.close();
  }
}

async function cli(dir: string, args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await runCli([...args, '--data-dir', dir], { out: () => undefined, err: (l) => (err += l + '\n') });
  return { code, err };
}

const q = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** Tries an edit that the table's constraints accept: a text column changed, or a number. */
function editOneRow(raw: Database.Database, table: string, pk: string[]): { key: string; column: string } | null {
  const row = raw.prepare(`SELECT * FROM ${q(table)} LIMIT 1`).get() as Record<string, unknown> | undefined;
  if (!row) return null;
  const where = pk.map((c) => `${q(c)} IS ?`).join(' AND ');
  const args = pk.map((c) => row[c]);
  for (const [col, v] of Object.entries(row)) {
    if (pk.includes(col)) continue;
    const next =
      typeof v === 'string'
        ? v.startsWith('{') || v.startsWith('[')
          ? v + ' '
          : v + '改'
        : typeof v === 'number'
          ? v + 1
          : null;
    if (next === null) continue;
    try {
      raw.exec('SAVEPOINT t');
      raw.prepare(`UPDATE ${q(table)} SET ${q(col)} = ? WHERE ${where}`).run(next, ...args);
      raw.exec('RELEASE t');
      return { key: args.map(String).join('，'), column: col };
    } catch {
      raw.exec('ROLLBACK TO t');
      raw.exec('RELEASE t');
    }
  }
  return null;
}

describe('an edit, an insert and a delete outside the app, in every table', () => {
  it('each is named: table, row and what differs', () => {
    const probe = new Database(source, { readonly: true });
    const tables = sealedTables(probe).filter(
      (t) => (probe.prepare(`SELECT count(*) AS n FROM ${q(t.name)}`).get() as { n: number }).n > 0,
    );
    probe.close();
    expect(tables.length).toBeGreaterThanOrEqual(10);
    const report: string[] = [];
    let cases = 0;
    for (const t of tables) {
      // edit
      {
        const c = copyStore();
        const raw = outside(c.file);
        const edit = editOneRow(raw, t.name, t.pk);
        raw.close();
        if (edit) {
          cases++;
          const found = problemsOf(c.file);
          const hit = found.find((p) => p.startsWith(`${t.name} 表的记录 ${edit.key} 在程序之外被修改`));
          expect(hit, `${t.name} edit of ${edit.column}: ${found.join(' | ')}`).toBeTruthy();
          expect(hit).toContain(edit.column);
          report.push(`edit ${t.name}.${edit.column}`);
        }
      }
      // delete
      {
        const c = copyStore();
        const raw = outside(c.file);
        const row = raw.prepare(`SELECT * FROM ${q(t.name)} LIMIT 1`).get() as Record<string, unknown>;
        const key = t.pk.map((k) => String(row[k])).join('，');
        raw
          .prepare(`DELETE FROM ${q(t.name)} WHERE ${t.pk.map((k) => `${q(k)} IS ?`).join(' AND ')}`)
          .run(...t.pk.map((k) => row[k]));
        raw.close();
        cases++;
        const found = problemsOf(c.file);
        expect(found, t.name).toContain(found.find((p) => p.startsWith(`${t.name} 表的记录 ${key} 在程序之外被删除`)));
        expect(found.some((p) => p.startsWith(`${t.name} 表的记录 ${key} 在程序之外被删除`))).toBe(true);
        report.push(`delete ${t.name}`);
      }
      // insert: a copy of a row under a new key (skipped where unique columns refuse a copy)
      {
        const c = copyStore();
        const raw = outside(c.file);
        const row = raw.prepare(`SELECT * FROM ${q(t.name)} LIMIT 1`).get() as Record<string, unknown>;
        const copy = { ...row };
        const k0 = t.pk[0]!;
        copy[k0] = typeof row[k0] === 'number' ? 987654 : `forged-${String(row[k0])}`.slice(0, 60);
        for (const [col, v] of Object.entries(copy))
          if (col !== k0 && typeof v === 'string' && /no$|code$|username/.test(col)) copy[col] = `${v}X`;
        let inserted = false;
        try {
          const cols = Object.keys(copy);
          raw
            .prepare(`INSERT INTO ${q(t.name)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
            .run(...cols.map((x) => copy[x]));
          inserted = true;
        } catch {
          /* a unique column other than the key: covered by the edit and delete cases */
        }
        raw.close();
        if (inserted) {
          cases++;
          const key = t.pk.map((k) => String(copy[k])).join('，');
          expect(
            problemsOf(c.file).some((p) => p.startsWith(`${t.name} 表的记录 ${key} 在程序之外被插入`)),
            t.name,
          ).toBe(true);
          report.push(`insert ${t.name}`);
        }
      }
    }
    console.log(`data tamper cases detected: ${cases} of ${cases} over ${tables.length} tables (${report.join(', ')})`);
    expect(cases).toBeGreaterThanOrEqual(tables.length * 2);
  }, 240_000);

  it('verify-audit exits 1 and prints the row and the column', async () => {
    const c = copyStore();
    const raw = outside(c.file);
    const d = raw.prepare("SELECT year_id, person_id FROM yearend_decision WHERE grade = 'competent' LIMIT 1").get() as
      { year_id: string; person_id: string } | undefined;
    const target =
      d ??
      (raw.prepare('SELECT year_id, person_id FROM yearend_decision LIMIT 1').get() as {
        year_id: string;
        person_id: string;
      });
    raw
      .prepare("UPDATE yearend_decision SET grade = 'excellent' WHERE year_id = ? AND person_id = ?")
      .run(target.year_id, target.person_id);
    raw.close();
    const r = await cli(c.dir, ['verify-audit']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/yearend_decision 表的记录 .* 在程序之外被修改（grade 列与第 \d+ 条审计记录不符）/);
  });
});

describe('cutting the tail of the log', () => {
  async function cut(n: number, alsoCounter: boolean): Promise<{ dir: string; file: string; printed: string }> {
    const c = copyStore();
    const core = new AppCore({ dataDir: c.dir, now: NOW, logError: () => undefined, autoBackup: false });
    await backupNow(core, c.dir, 'manual', { now: NOW() });
    const head = auditHead(core.db);
    core.close();
    const raw = outside(c.file);
    raw.exec('DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_seal_no_delete;');
    const keep = head.seq - n;
    raw.prepare('DELETE FROM audit_log WHERE seq > ?').run(keep);
    raw.prepare('DELETE FROM audit_seal WHERE audit_seq > ?').run(keep);
    if (alsoCounter) {
      raw.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'").run(keep);
      raw.exec("UPDATE sqlite_sequence SET seq = (SELECT max(seq) FROM audit_seal) WHERE name = 'audit_seal'");
    }
    raw.exec(`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_seal_no_delete BEFORE DELETE ON audit_seal
BEGIN SELECT RAISE(ABORT, 'audit_seal is append-only'); END;`);
    raw.close();
    return { ...c, printed: `审计链校验值：第 ${head.seq} 条 ${head.hash}` };
  }

  it('with the counter edited too, is caught against the backup manifest and the printed head', async () => {
    const c = await cut(3, true);
    const db = new Database(c.file, { readonly: true });
    // Without anchors the cut is invisible to the chain itself: that is what the anchors are for.
    const chainOnly = checkAuditChain(db, NOW(), { data: false });
    db.close();
    expect(chainOnly.ok).toBe(true);
    const core = new AppCore({ dataDir: c.dir, now: NOW, logError: () => undefined, autoBackup: false });
    expect(core.auditStatus.ok).toBe(false);
    expect(core.auditStatus.problems.join('|')).toMatch(
      /备份 .* 的清单记录的第 \d+ 条审计记录已不在日志中（日志末尾被截断/,
    );
    core.close();
    const printed = await cli(c.dir, ['verify-audit', '--head', c.printed]);
    expect(printed.code).toBe(1);
    expect(printed.err).toMatch(/汇总表记录的第 \d+ 条审计记录已不在日志中/);
  });

  it('without the counter edited, the counter itself names the missing entries', async () => {
    const c = await cut(2, false);
    expect(problemsOf(c.file).join('|')).toMatch(/审计记录缺失（末尾被删除）/);
  });
});

describe('acknowledgements and late tampering', () => {
  it('verifies past an acknowledged break, and a forged acknowledgement in app_meta resumes nothing', async () => {
    const c = copyStore();
    const raw = outside(c.file);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.exec("UPDATE audit_log SET reason = '伪造' WHERE seq = 5");
    raw.exec(
      "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\nBEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;",
    );
    // The old way to resume writes, forged: no longer read.
    raw.exec("INSERT OR REPLACE INTO app_meta (key, value) VALUES ('audit.acknowledged_break', '5')");
    raw.close();
    const core = new AppCore({ dataDir: c.dir, now: NOW, logError: () => undefined, autoBackup: false });
    const session = { operator: SYSTEM_OPERATOR, lastActivityMs: Date.now() };
    expect(core.auditStatus).toMatchObject({ ok: false, brokenSeq: 5, acknowledged: false });
    // The forged app_meta row is itself a row no seal accounts for.
    expect(core.auditStatus.problems.join('|')).toMatch(/app_meta 表的记录 audit\.acknowledged_break 在程序之外被插入/);
    const unit = { parentId: null, name: '新设机构' };
    const write = await dispatch(core, session, 'units.create', unit);
    expect(write).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    const ack = await dispatch(core, session, 'audit.acknowledgeBreak', {
      brokenSeq: 5,
      reason: '已核实：误操作修改了备注',
    });
    expect(ack).toMatchObject({ ok: true, value: { acknowledged: true } });
    expect((await dispatch(core, session, 'units.create', unit)).ok).toBe(true);
    core.close();
    // Later tampering after the acknowledged break is still found.
    const raw2 = outside(c.file);
    raw2.exec('DROP TRIGGER audit_log_no_update');
    const last = (raw2.prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number }).s;
    raw2.prepare("UPDATE audit_log SET reason = '后来又改' WHERE seq = ?").run(last - 1);
    raw2.exec(
      "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\nBEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;",
    );
    raw2.close();
    const again = new AppCore({ dataDir: c.dir, now: NOW, logError: () => undefined, autoBackup: false });
    expect(again.auditStatus.acknowledged).toBe(false);
    expect(again.auditStatus.problems).toContain(`第 ${last - 1} 条审计记录的内容被修改`);
    again.close();
  });

  it('forged entries appended with a correctly chained hash are caught: no seal accounts for them', () => {
    const c = copyStore();
    const raw = outside(c.file);
    const last = raw.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1').get() as AuditRow;
    let prev = last.hash;
    const insert = raw.prepare(
      `INSERT INTO audit_log (at, operator_id, operator_name, action, entity, entity_id, before_json, after_json,
         reason, outcome, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const forgedSeqs: number[] = [];
    for (let k = 0; k < 2; k++) {
      const entry = {
        ...last,
        at: '2026-12-20T03:00:0' + k + 'Z',
        action: 'auth.login',
        entity: 'operator',
        reason: `伪造的第 ${k + 1} 条`,
        prev_hash: prev,
      };
      const { seq: _s, hash: _h, ...rest } = entry;
      const hash = hashEntry(rest);
      const r = insert.run(
        entry.at,
        entry.operator_id,
        entry.operator_name,
        entry.action,
        entry.entity,
        entry.entity_id,
        entry.before_json,
        entry.after_json,
        entry.reason,
        entry.outcome,
        entry.prev_hash,
        hash,
      );
      forgedSeqs.push(Number(r.lastInsertRowid));
      prev = hash;
    }
    raw.close();
    const problems = problemsOf(c.file).join('|');
    expect(problems).not.toBe('');
    // the check names the forged rows (as rows of audit_log the seals do not account for) or the entries
    expect(problems).toMatch(new RegExp(`${forgedSeqs[0]}|${forgedSeqs[1]}`));
  });

  it('an edited last entry with its hash recomputed is caught by the seal bound to it', () => {
    const c = copyStore();
    const raw = outside(c.file);
    raw.exec('DROP TRIGGER audit_log_no_update');
    const row = raw.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1').get() as AuditRow;
    const forged = { ...row, reason: '伪造的说明' };
    const { seq: _s, hash: _h, ...rest } = forged;
    raw.prepare('UPDATE audit_log SET reason = ?, hash = ? WHERE seq = ?').run(forged.reason, hashEntry(rest), row.seq);
    raw.exec(
      "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\nBEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;",
    );
    raw.close();
    expect(problemsOf(c.file).join('|')).toMatch(new RegExp(`数据封记第 \\d+ 条与第 ${row.seq} 条审计记录不符`));
  });
});

describe('the sealing itself', () => {
  it('the app writes no row it does not seal: a demo store verifies and backups carry a manifest', async () => {
    const c = copyStore();
    const core = new AppCore({ dataDir: c.dir, now: NOW, logError: () => undefined, autoBackup: false });
    expect(core.auditStatus.ok).toBe(true);
    await backupNow(core, c.dir, 'manual', { now: NOW() });
    mkdirSync(join(c.dir, 'backups'), { recursive: true });
    expect(readdirSync(join(c.dir, 'backups')).some((n) => n.endsWith('.head.json'))).toBe(true);
    core.close();
  });
});
