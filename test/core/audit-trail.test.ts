// The audit trail as an attacker meets it: triggers refuse UPDATE/DELETE; an edit or deletion made
// outside the app (triggers dropped first) is found on open, named, blocks data writes, and fails
// verify-audit. Also the viewer's filters and paging, and the xlsx export read back.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { contract, type ContractMethod } from '../../shared/api';
import { WRITE_PERMISSIONS } from '../../shared/auth/permissions';
import { AppCore } from '../../electron/core/app-core';
import { dispatch } from '../../electron/core/api/dispatch';
import { hashEntry, recordAudit, verifyAuditChain } from '../../electron/core/audit/audit-log';
import { writeTx, SYSTEM_OPERATOR } from '../../electron/core/context';
import { runCli } from '../../electron/cli/index';
import { ScriptedDesktop } from '../../electron/core/desktop';
import { tempCore, type TempCore } from '../support/temp-core';
import type { AuditAction } from '../../shared/audit/labels';

let t: TempCore | undefined;
const extra: AppCore[] = [];
afterEach(() => {
  for (const c of extra.splice(0)) c.close();
  t?.cleanup();
  t = undefined;
});

function writeEntries(n: number, action: AuditAction = 'person.update'): void {
  for (let i = 0; i < n; i++)
    writeTx(t!.ctx, () =>
      recordAudit(t!.ctx, {
        action,
        entity: 'person',
        entityId: `p${i}`,
        after: { name: `人员${i}` },
        reason: i === 2 ? '特殊原因' : '',
      }),
    );
}

/** The append-only triggers as the migrations define them (an attacker puts them back to hide the edit). */
const GUARDS = `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`;

/** What an attacker with the file does: drop the guard, change the rows, put the guard back. */
function tamper(sql: string): void {
  const raw = new Database(t!.core.storeFile);
  raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  raw.exec(sql);
  raw.exec(GUARDS);
  raw.close();
}

function reopen(): AppCore {
  const c = new AppCore({
    dataDir: t!.dir,
    now: () => new Date('2026-11-25T03:00:00Z'),
    logError: () => undefined,
    checkOutputs: true,
  });
  extra.push(c);
  return c;
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli([...args, '--data-dir', t!.dir], {
    out: (l) => (out += l + '\n'),
    err: (l) => (err += l + '\n'),
  });
  return { code, out, err };
}

const aWriteMethod = (Object.keys(contract) as ContractMethod[]).find((m) =>
  WRITE_PERMISSIONS.includes(contract[m].permission),
)!;

describe('audit trail', () => {
  it('triggers refuse UPDATE and DELETE of audit rows', () => {
    t = tempCore();
    writeEntries(3);
    expect(() => t!.core.db.prepare("UPDATE audit_log SET reason = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => t!.core.db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
    expect(verifyAuditChain(t.core.db)).toMatchObject({ ok: true, count: 3 });
  });

  it('an edited row is named on open, shown as a warning, pauses writes, and fails verify-audit', async () => {
    t = tempCore();
    writeEntries(6);
    t.core.close();
    tamper('UPDATE audit_log SET after_json = \'{"name":"改过的"}\' WHERE seq = 4');
    const core = reopen();
    expect(core.auditStatus).toMatchObject({ ok: false, brokenSeq: 4 });
    expect(core.auditStatus.problem).toMatch(/第 4 条.*被修改/);
    const status = await dispatch(core, t.session, 'auth.status', {});
    expect(status.ok && status.value).toMatchObject({
      auditWarning: expect.stringMatching(/第 4 条/),
      auditBrokenSeq: 4,
    });
    expect(await dispatch(core, t.session, 'system.info', {})).toMatchObject({
      ok: true,
      value: { auditWarning: expect.stringMatching(/第 4 条/) },
    });
    // The app still opens and reads; data writes wait for a restore or an acknowledgement.
    expect(await dispatch(core, t.session, 'audit.verify', {})).toMatchObject({
      ok: true,
      value: { ok: false, brokenSeq: 4 },
    });
    expect(await dispatch(core, t.session, aWriteMethod, {})).toMatchObject({
      ok: false,
      error: { code: 'LOCKED', details: { reason: 'audit_broken' } },
    });
    const r = await cli(['verify-audit']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/第 4 条/);
    // An administrator acknowledges with a reason: writes resume, the warning stays.
    expect(
      await dispatch(core, t.session, 'audit.acknowledgeBreak', { brokenSeq: 4, reason: '经核查为测试篡改' }),
    ).toMatchObject({ ok: true, value: { acknowledged: true } });
    const after = await dispatch(core, t.session, aWriteMethod, {});
    expect(after.ok ? 'ok' : after.error.code).not.toBe('LOCKED');
  });

  it('a row deleted from the middle is named', () => {
    t = tempCore();
    writeEntries(5);
    t.core.close();
    tamper('DELETE FROM audit_log WHERE seq = 2');
    expect(reopen().auditStatus).toMatchObject({
      ok: false,
      brokenSeq: 2,
      problem: expect.stringMatching(/第 2 条.*缺失/),
    });
  });

  it('rows cut off the end are found through the AUTOINCREMENT counter', async () => {
    t = tempCore();
    writeEntries(5);
    t.core.close();
    tamper('DELETE FROM audit_log WHERE seq >= 4');
    expect(reopen().auditStatus).toMatchObject({
      ok: false,
      brokenSeq: 4,
      problem: expect.stringMatching(/第 4 条至第 5 条.*缺失/),
    });
  });

  it('a re-hashed edit still breaks the link of the next entry', () => {
    t = tempCore();
    writeEntries(4);
    t.core.close();
    // Recompute the edited row's own hash: the next row's prev_hash no longer matches.
    const raw = new Database(t.core.storeFile);
    raw.exec('DROP TRIGGER audit_log_no_update');
    const row = raw.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as Record<string, unknown>;
    const changed = { ...row, reason: '伪造' } as Parameters<typeof hashEntry>[0] & { seq: number; hash: string };
    raw.prepare('UPDATE audit_log SET reason = ?, hash = ? WHERE seq = 2').run('伪造', hashEntry(changed));
    raw.exec('DROP TRIGGER IF EXISTS audit_log_no_delete;');
    raw.exec(GUARDS);
    raw.close();
    expect(reopen().auditStatus).toMatchObject({ ok: false, brokenSeq: 3 });
  });

  it('verify-audit passes on a sound chain', async () => {
    t = tempCore();
    writeEntries(3);
    const r = await cli(['verify-audit']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/审计链完整：共 3 条/);
  });

  it('lists with filters and paging, and exports the filtered rows to xlsx', async () => {
    const desktop = new ScriptedDesktop();
    t = tempCore({ desktop });
    writeEntries(30, 'person.create');
    writeEntries(7, 'evidence.create');
    const page = await dispatch(t.core, t.session, 'audit.list', {
      filter: { action: 'person.create' },
      page: 2,
      pageSize: 10,
    });
    expect(page).toMatchObject({ ok: true, value: { total: 30 } });
    const rows = (page as { value: { rows: { seq: number; action: string }[]; actions: string[] } }).value;
    expect(rows.rows).toHaveLength(10);
    expect(rows.rows.every((r) => r.action === 'person.create')).toBe(true);
    expect(rows.rows[0]!.seq).toBeGreaterThan(rows.rows[9]!.seq); // newest first
    expect(rows.actions).toEqual(['evidence.create', 'person.create']);
    const text = await dispatch(t.core, t.session, 'audit.list', { filter: { text: '特殊原因' } });
    expect(text).toMatchObject({ ok: true, value: { total: 2 } });
    const none = await dispatch(t.core, t.session, 'audit.list', { filter: { from: '2026-11-26' } });
    expect(none).toMatchObject({ ok: true, value: { total: 0 } });
    const day = await dispatch(t.core, t.session, 'audit.list', {
      filter: { from: '2026-11-25', to: '2026-11-25', operatorId: SYSTEM_OPERATOR.id },
    });
    expect(day).toMatchObject({ ok: true, value: { total: 37 } });

    const target = join(t.dir, '审计日志.xlsx');
    // Only a path the operator chose in the save dialog.
    expect(await dispatch(t.core, t.session, 'audit.export', { filter: {}, path: target })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    desktop.nextSave.push(target);
    await dispatch(t.core, t.session, 'desktop.pickSaveFile', { title: '导出', defaultName: 'a.xlsx', filters: [] });
    const job = await dispatch(t.core, t.session, 'audit.export', {
      filter: { action: 'evidence.create' },
      path: target,
    });
    expect(job.ok).toBe(true);
    const end = await t.core.jobs.wait((job as { value: { id: string } }).value.id);
    expect(end).toMatchObject({ status: 'done', value: { rows: 7 } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    const ws = wb.getWorksheet('审计日志')!;
    expect(ws.rowCount).toBe(8);
    expect(ws.getRow(1).getCell(5).value).toBe('操作');
    expect(ws.getRow(2).getCell(5).value).toBe('记录事件');
    expect(ws.getRow(2).getCell(6).value).toBe('evidence.create');
    expect(ws.getRow(1).getCell(8).value).toBe('对象名称');
    expect(readdirSync(t.dir).filter((f) => f.endsWith('.da-partial'))).toEqual([]);
    expect(existsSync(target)).toBe(true);
  });
});
