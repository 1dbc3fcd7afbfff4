// 证明材料 on a real store with real files: attached from a granted path, stored beside the store
// under its SHA-256 (in the audit entry), shown in the timeline, opened as a checked copy with the
// type's own extension, removed with a reason; programs, web pages, plain zips, a name that lies
// about the content and an oversize scan refused with nothing written; a decided year locked; the
// files carried by a backup to another folder and brought back by a restore, and carried by a
// 数据交换包 to another store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempCore, tempDir, type TempCore } from '../support/temp-core';
import { dumpStore, seedStore, type SeededStore } from '../support/xlsx-fixtures';
import { callOk } from '../support/import-flow';
import { runInline } from '../support/inline-task';
import { writeScanFiles, type ScanFiles } from '../support/scan-files';
import { dispatch } from '../../electron/core/api/dispatch';
import { grantPath } from '../../electron/core/api/handlers/desktop';
import { createEvidence, voidEvidence } from '../../electron/core/evidence/evidence-service';
import { attachmentFile } from '../../electron/core/evidence/attachments-repo';
import { attachFile, listAttachments } from '../../electron/core/evidence/attachments-service';
import { backupNow, restoreBackup } from '../../electron/core/backup/backup';
import { ensureWorkstation } from '../../electron/core/exchange/workstation';
import type { ScriptedDesktop } from '../../electron/core/desktop';
import type { AttachmentView } from '../../shared/api/attachments';
import type { PersonTimeline } from '../../shared/api/evidence';
import type { ExchangePreview } from '../../shared/exchange/preview';
import { ATTACHMENT_MAX_BYTES } from '../../shared/evidence/attachment-rules';

let t: TempCore;
let s: SeededStore;
let files: ScanFiles;
let itemId: string;
beforeEach(() => {
  t = tempCore();
  s = seedStore(t.ctx, 2);
  files = writeScanFiles(tempDir('da-scans-'));
  itemId = createEvidence(t.ctx, {
    personId: s.people[0]!.id,
    kind: 'commendation',
    subKind: '嘉奖',
    date: '2026-03-10',
    docNo: '某发〔2026〕5号',
  }).id;
});
afterEach(() => t.cleanup());

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const stored = () => (existsSync(join(t.dir, 'attachments')) ? readdirSync(join(t.dir, 'attachments')) : []);

async function attach(path: string, docNo = '', evidenceId = itemId, core = t) {
  grantPath(core.session, path);
  return dispatch(core.core, core.session, 'evidence.attach', { evidenceId, path, docNo });
}

async function attachOk(path: string, docNo = ''): Promise<AttachmentView> {
  const r = await attach(path, docNo);
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return (r as { ok: true; value: AttachmentView }).value;
}

describe('证明材料', () => {
  it('attaches a chosen scan under its hash, audits the hash, shows it in the timeline and opens a checked copy', async () => {
    // a path the operator did not choose is refused
    const ungranted = await dispatch(t.core, t.session, 'evidence.attach', { evidenceId: itemId, path: files.pdf });
    expect(!ungranted.ok && ungranted.error.code).toBe('FORBIDDEN');

    const a = await attachOk(files.pdf);
    expect(a).toMatchObject({
      evidenceId: itemId,
      docNo: '某发〔2026〕5号', // the item's own 文号 when none is given
      fileName: '嘉奖决定.pdf',
      mime: 'application/pdf',
      sha256: sha(files.pdf),
      status: 'active',
    });
    expect(readFileSync(attachmentFile(t.dir, a.sha256))).toEqual(readFileSync(files.pdf));
    const audit = t.core.db
      .prepare("SELECT entity_id, after_json FROM audit_log WHERE action = 'evidence.attachment.add'")
      .all() as { entity_id: string; after_json: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entity_id).toBe(itemId);
    expect(JSON.parse(audit[0]!.after_json)).toMatchObject({ sha256: a.sha256, size: a.size, docNo: a.docNo });

    const png = await attachOk(files.png, '扫描第2页');
    const jpg = await attachOk(files.jpg);
    const ofd = await attachOk(files.ofd);
    expect([png.mime, jpg.mime, ofd.mime]).toEqual(['image/png', 'image/jpeg', 'application/ofd']);

    // the same scan twice on one item: said, not stored again
    const again = await attach(files.pdf);
    expect(!again.ok && again.error.message).toBe(
      '“嘉奖决定.pdf”已是该事件的证明材料（文号 某发〔2026〕5号），无需重复添加。',
    );

    const tl = await callOk<PersonTimeline>(t, 'evidence.timeline', { personId: s.people[0]!.id, year: 2026 });
    const entry = tl.entries.find((e) => e.type === 'evidence' && e.item.id === itemId);
    expect(entry?.type === 'evidence' && entry.attachments.map((x) => x.fileName)).toEqual([
      '嘉奖决定.pdf',
      '扫描件.png',
      '照片.JPG',
      '某发〔2026〕5号.ofd',
    ]);

    // open: a copy named by 文号 with the type's extension, handed to the system viewer
    const opened = await callOk<{ path: string }>(t, 'evidence.openAttachment', { id: a.id });
    expect(opened.path).toBe(join(t.dir, 'opened', `某发〔2026〕5号-${a.sha256.slice(0, 8)}.pdf`));
    expect(readFileSync(opened.path)).toEqual(readFileSync(files.pdf));
    expect((t.core.desktop as ScriptedDesktop).viewed).toEqual([opened.path]);
    const o2 = await callOk<{ path: string }>(t, 'evidence.openAttachment', { id: jpg.id });
    expect(o2.path.endsWith('.jpg')).toBe(true);
    expect(existsSync(opened.path)).toBe(false); // the earlier copy is cleared

    // a stored file altered on disk is detected and never opened
    writeFileSync(attachmentFile(t.dir, png.sha256), readFileSync(files.pdf));
    const tampered = await dispatch(t.core, t.session, 'evidence.openAttachment', { id: png.id });
    expect(!tampered.ok && tampered.error.message).toMatch(/与登记的校验值不符.*不会打开/);
    expect((t.core.desktop as ScriptedDesktop).viewed).toHaveLength(2);
  });

  it('refuses programs, pages, plain zips, lying names, empty and oversize files, with nothing written', async () => {
    await attachOk(files.pdf);
    const before = dumpStore(t.core.db);
    const onDisk = stored();
    const big = join(tempDir('da-big-'), '大扫描件.pdf');
    writeFileSync(big, readFileSync(files.pdf));
    truncateSync(big, ATTACHMENT_MAX_BYTES + 1);
    const cases: [string, RegExp][] = [
      [files.exe, /^“setup.exe”是可执行程序或脚本，不能作为证明材料。请附扫描件（PDF、JPG、PNG 或 OFD）。$/],
      [files.exeAsPdf, /“通知.pdf”是可执行程序或脚本/],
      [files.html, /“网页.pdf”是网页或 XML\/SVG 文件，可能含有脚本/],
      [files.zip, /“材料.ofd”是压缩包，不是 OFD 版式文件/],
      [files.pngAsPdf, /“图片.pdf”的内容是 PNG 图片，与文件扩展名“.pdf”不符/],
      [files.empty, /“空.pdf”是空文件/],
      [big, /“大扫描件.pdf”有 20.0 MB，超过证明材料 20.0 MB 的上限/],
    ];
    for (const [path, message] of cases) {
      const r = await attach(path);
      expect(r.ok, path).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('FILE_REFUSED');
        expect(r.error.message).toMatch(message);
      }
    }
    expect(dumpStore(t.core.db)).toBe(before);
    expect(stored()).toEqual(onDisk);
  });

  it('removes with a reason (file kept), and a decided year or a voided item takes no change', async () => {
    const a = await attachOk(files.pdf);
    const noReason = await dispatch(t.core, t.session, 'evidence.removeAttachment', { id: a.id, reason: ' ' });
    expect(!noReason.ok && noReason.error.code).toBe('INVALID_INPUT');
    const removed = await callOk<AttachmentView>(t, 'evidence.removeAttachment', { id: a.id, reason: '传错文件' });
    expect(removed.status).toBe('removed');
    expect(existsSync(attachmentFile(t.dir, a.sha256))).toBe(true);
    const entry = t.core.db
      .prepare("SELECT reason, before_json FROM audit_log WHERE action = 'evidence.attachment.remove'")
      .get() as { reason: string; before_json: string };
    expect(entry.reason).toBe('传错文件');
    expect(JSON.parse(entry.before_json)).toMatchObject({ sha256: a.sha256, fileName: '嘉奖决定.pdf' });
    expect(await callOk<AttachmentView[]>(t, 'evidence.attachments', { evidenceId: itemId })).toEqual([]);
    expect(
      (await callOk<AttachmentView[]>(t, 'evidence.attachments', { evidenceId: itemId, includeRemoved: true })).map(
        (x) => x.status,
      ),
    ).toEqual(['removed']);
    // removed material can be attached again
    const back = await attachOk(files.pdf);

    t.core.db.prepare("UPDATE assessment_year SET stage = 'final' WHERE id = ?").run(s.yearId);
    const before = dumpStore(t.core.db);
    const onDisk = stored();
    const add = await attach(files.png);
    expect(!add.ok && add.error.code).toBe('LOCKED');
    expect(!add.ok && add.error.message).toMatch(/2026 年度考核已定档/);
    const rm = await dispatch(t.core, t.session, 'evidence.removeAttachment', { id: back.id, reason: '整理' });
    expect(!rm.ok && rm.error.code).toBe('LOCKED');
    // the store holds the same rule for a writer that skips the service (0018-attachment-lock.sql)
    const raw =
      (sql: string, ...args: unknown[]) =>
      () =>
        t.core.db.prepare(sql).run(...args);
    expect(raw("UPDATE evidence_attachment SET status = 'removed' WHERE id = ?", back.id)).toThrow(
      /该年度考核已定档，该年度事件的证明材料不能再移除或修改/,
    );
    expect(raw('DELETE FROM evidence_attachment WHERE id = ?', back.id)).toThrow(/证明材料不能删除/);
    expect(
      raw(
        `INSERT INTO evidence_attachment (id, evidence_id, doc_no, file_name, mime, size, sha256, status, created_at, created_by)
         VALUES ('x', ?, '', 'a.pdf', 'application/pdf', 1, ?, 'active', '2026-11-25T00:00:00Z', 'u')`,
        itemId,
        'f'.repeat(64),
      ),
    ).toThrow(/证明材料不能再添加/);
    expect(dumpStore(t.core.db)).toBe(before);
    expect(stored()).toEqual(onDisk);
    t.core.db.prepare("UPDATE assessment_year SET stage = 'collecting' WHERE id = ?").run(s.yearId);

    voidEvidence(t.ctx, itemId, '错录');
    const onVoided = await attach(files.png);
    expect(!onVoided.ok && onVoided.error.message).toMatch(/该事件已作废，不能再添加证明材料/);
  });

  it('a backup to another folder carries the files; a restore brings back the ones the data folder lacks', async () => {
    const a = await attachOk(files.pdf);
    const b = await attachOk(files.png);
    const usb = tempDir('da-usb-');
    const backup = await backupNow(t.core, t.dir, 'copy', { dir: usb, now: t.core.now() });
    expect(readdirSync(join(usb, 'attachments')).sort()).toEqual([a.sha256, b.sha256].sort());
    expect(sha(join(usb, 'attachments', a.sha256))).toBe(a.sha256);

    // the data folder loses its files (a new machine, a wiped disk): the restore brings them back
    rmSync(join(t.dir, 'attachments'), { recursive: true, force: true });
    await restoreBackup(t.core.db, t.dir, t.core.storeFile, backup.file, t.core.now());
    expect(sha(attachmentFile(t.dir, a.sha256))).toBe(a.sha256);
    expect(sha(attachmentFile(t.dir, b.sha256))).toBe(b.sha256);
    const opened = await callOk<{ path: string }>(t, 'evidence.openAttachment', { id: b.id });
    expect(readFileSync(opened.path)).toEqual(readFileSync(files.png));
  });

  it('a 数据交换包 carries the files to the office, which opens them; a bundle whose scan is a program is refused', async () => {
    const a = await attachOk(files.pdf, '某发〔2026〕5号');
    const office = tempCore();
    try {
      seedStore(office.ctx, 2);
      const bundle = join(t.dir, '办公室.dax');
      await runInline(t, 'exchange.export', {
        direction: 'up',
        unitId: s.departments['办公室'],
        yearId: s.yearId,
        periodIds: [s.periods.Q1],
        path: bundle,
        workstation: ensureWorkstation(t.ctx),
        appVersion: t.core.appVersion,
      });
      ensureWorkstation(office.ctx);
      const p = await runInline<ExchangePreview>(office, 'exchange.preview', { path: bundle, previewId: 'x' });
      await runInline(office, 'exchange.apply', { path: bundle, expectedSha256: p.bundle.sha256, choices: [] });
      expect(sha(attachmentFile(office.dir, a.sha256))).toBe(a.sha256);
      const there = await callOk<AttachmentView[]>(office, 'evidence.attachments', { evidenceId: itemId });
      expect(there.map((x) => [x.docNo, x.fileName, x.sha256])).toEqual([
        ['某发〔2026〕5号', '嘉奖决定.pdf', a.sha256],
      ]);
      const opened = await callOk<{ path: string }>(office, 'evidence.openAttachment', { id: there[0]!.id });
      expect(readFileSync(opened.path)).toEqual(readFileSync(files.pdf));

      // a bundle written where the stored "scan" is really a program: the reader refuses it whole
      const exe = readFileSync(files.exe);
      const hash = createHash('sha256').update(exe).digest('hex');
      writeFileSync(attachmentFile(t.dir, hash), exe);
      t.core.db
        .prepare(
          `INSERT INTO evidence_attachment (id, evidence_id, doc_no, file_name, mime, size, sha256, status, created_at, created_by)
           VALUES ('evil', ?, '', '通知.pdf', 'application/pdf', ?, ?, 'active', '2026-11-25T02:00:00.000Z', 'x')`,
        )
        .run(itemId, exe.length, hash);
      const bad = join(t.dir, '坏.dax');
      await runInline(t, 'exchange.export', {
        direction: 'up',
        unitId: s.departments['办公室'],
        yearId: s.yearId,
        periodIds: [s.periods.Q1],
        path: bad,
        workstation: ensureWorkstation(t.ctx),
        appVersion: t.core.appVersion,
      });
      const before = dumpStore(office.core.db);
      await expect(runInline(office, 'exchange.preview', { path: bad, previewId: 'y' })).rejects.toThrow(
        /证明材料“通知.pdf”不是 PDF、JPG、PNG 或 OFD 扫描件/,
      );
      expect(dumpStore(office.core.db)).toBe(before);
    } finally {
      office.cleanup();
    }
  });

  it("refuses a department's rater an item of another department", async () => {
    const rater = {
      ...t.ctx,
      operator: {
        id: 'r',
        username: 'r',
        displayName: '规划科评价人',
        role: 'rater' as const,
        unitScope: [s.departments['规划科']!],
      },
    };
    await expect(attachFile(rater, { evidenceId: itemId, path: files.pdf, docNo: '' })).rejects.toThrow(
      /不在您的授权范围/,
    );
    expect(() => listAttachments(rater, itemId)).toThrow(/不在您的授权范围/);
    expect(stored()).toEqual([]);
  });
});
