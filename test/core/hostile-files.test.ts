// Hostile spreadsheets through the real path (dispatch → heap-limited worker): each is refused with
// a clear Chinese message within bounded time, the store is unchanged and this process lives on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempCore, type TempCore } from '../support/temp-core';
import {
  dumpStore,
  fileBytes,
  seedStore,
  SST_HEAD,
  SST_TAIL,
  writeZip,
  xlsxEntries,
  XLSX_PARTS,
} from '../support/xlsx-fixtures';
import { dispatch } from '../../electron/core/api/dispatch';
import { grantPath } from '../../electron/core/api/handlers/desktop';
import type { JobState } from '../../electron/core/jobs/runner';

let t: TempCore;
beforeAll(() => {
  t = tempCore();
  seedStore(t.ctx, 2);
});
afterAll(() => t.cleanup());

async function previewOf(path: string): Promise<{ state: JobState; ms: number }> {
  grantPath(t.session, path);
  const started = Date.now();
  const r = await dispatch(t.core, t.session, 'imports.preview', { kind: 'ratings', path });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  const job = (r as { ok: true; value: JobState }).value;
  const state = await t.core.jobs.wait(job.id);
  return { state, ms: Date.now() - started };
}

async function expectRefused(path: string, words: string, maxMs = 15_000): Promise<JobState> {
  const before = dumpStore(t.core.db);
  const rssBefore = process.memoryUsage().rss;
  const { state, ms } = await previewOf(path);
  expect(state.status, JSON.stringify(state.error)).toBe('failed');
  expect(state.error?.code).toBe('FILE_REFUSED');
  expect(state.error?.message).toContain(words);
  expect(ms).toBeLessThan(maxMs);
  // The parse ran in the worker: this process did not take the file's expansion on itself.
  expect(process.memoryUsage().rss - rssBefore).toBeLessThan(150 * 1024 * 1024);
  expect(dumpStore(t.core.db)).toBe(before);
  // Main is alive and still serves calls.
  const info = await dispatch(t.core, t.session, 'system.info', {});
  expect(info.ok).toBe(true);
  return state;
}

describe('hostile spreadsheets', () => {
  it('a text file named .xlsx', async () => {
    const p = join(t.dir, 'text.xlsx');
    writeFileSync(p, '人员编号,姓名,等次\nP0001,张伟,好\n');
    await expectRefused(p, '不是 Excel .xlsx 文件');
  });

  it('an old .xls (OLE compound file)', async () => {
    const p = join(t.dir, 'old.xls');
    writeFileSync(p, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096)]));
    await expectRefused(p, '这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入');
  });

  it('a password-protected workbook (OLE holding EncryptedPackage)', async () => {
    const p = join(t.dir, 'secret.xlsx');
    writeFileSync(
      p,
      Buffer.concat([
        Buffer.from('d0cf11e0a1b11ae1', 'hex'),
        Buffer.alloc(1024),
        Buffer.from('EncryptedInfo', 'utf16le'),
        Buffer.alloc(64),
        Buffer.from('EncryptedPackage', 'utf16le'),
        Buffer.alloc(2048),
      ]),
    );
    await expectRefused(p, '请先取消密码保护');
  });

  it('a zip bomb (one part of 1 GB of zeros)', async () => {
    const p = join(t.dir, 'zeros.xlsx');
    const size = writeZip(
      p,
      xlsxEntries({}, [{ name: 'xl/media/zeros.bin', data: { chunk: Buffer.alloc(1024 * 1024), times: 1024 } }]),
    );
    expect(size).toBeLessThan(2 * 1024 * 1024);
    await expectRefused(p, '疑似“压缩炸弹”');
  });

  it('the 312 KB file whose shared strings expand to 300 MB', async () => {
    const p = join(t.dir, 'shared-strings-bomb.xlsx');
    const si = Buffer.from(`<si><t>${'A'.repeat(100_000)}</t></si>`);
    const size = writeZip(
      p,
      xlsxEntries({
        sharedStrings: { head: SST_HEAD, chunk: si, times: Math.ceil((300 * 1024 * 1024) / si.length), tail: SST_TAIL },
      }),
    );
    expect(size).toBeLessThan(400 * 1024);
    await expectRefused(p, '压缩比异常');
  });

  it('a directory that lies about sizes (declared 1 KB, real 50 MB)', async () => {
    const p = join(t.dir, 'liar.xlsx');
    writeZip(
      p,
      xlsxEntries({ sheet: { chunk: Buffer.from(' '.repeat(1024)), times: 50 * 1024 } }).map((e) =>
        e.name === 'xl/worksheets/sheet1.xml' ? { ...e, declaredSize: 1024 } : e,
      ),
    );
    await expectRefused(p, '与目录记录不符');
  });

  it('a workbook with 3,000 sheets', async () => {
    const p = join(t.dir, 'sheets.xlsx');
    const sheets = Array.from({ length: 3000 }, (_, i) => ({
      name: `xl/worksheets/sheet${i + 2}.xml`,
      data: Buffer.from(XLSX_PARTS.sheet),
    }));
    writeZip(p, xlsxEntries({}, sheets));
    await expectRefused(p, '工作表过多');
  });

  it('an XML entity bomb (billion laughs in the shared strings)', async () => {
    const p = join(t.dir, 'laughs.xlsx');
    let dtd = '<!ENTITY lol0 "lol">';
    for (let i = 1; i <= 9; i++) dtd += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
    const xml = `<?xml version="1.0"?><!DOCTYPE sst [${dtd}]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>`;
    writeZip(p, xlsxEntries({ sharedStrings: Buffer.from(xml) }));
    await expectRefused(p, 'XML 实体声明');
  });

  it('a zip that is no workbook', async () => {
    const p = join(t.dir, 'plain.zip.xlsx');
    writeZip(p, [{ name: 'readme.txt', data: Buffer.from('hello') }]);
    await expectRefused(p, '不是 Excel 工作簿');
  });

  it('a part hidden from the central directory (a streaming parser would still read it)', async () => {
    const p = join(t.dir, 'hidden.xlsx');
    const entries = xlsxEntries();
    writeZip(p, [
      {
        name: 'xl/sharedStrings.xml',
        data: { chunk: Buffer.from('<si><t>A</t></si>'), times: 1_000_000 },
        hidden: true,
      },
      ...entries.filter((e) => e.name !== 'xl/sharedStrings.xml'),
      entries.find((e) => e.name === 'xl/sharedStrings.xml')!,
    ]);
    await expectRefused(p, '压缩结构异常');
  });

  it('the largest expansion the scan lets through is parsed (or refused) inside the worker, main unharmed', async () => {
    // ~78 MB of shared strings at a compression ratio of about 30: within every directory limit.
    // (190 MB of the same made V8 abort the whole process from a 256 MB worker: hence the limits.)
    const tokens = Array.from({ length: 64 }, () => randomBytes(50).toString('hex'));
    const parts: string[] = [];
    let len = 0;
    while (len < 4 * 1024 * 1024) {
      const s = `<si><t>${Array.from({ length: 10 }, () => tokens[Math.floor(Math.random() * 64)]).join('')}</t></si>`;
      parts.push(s);
      len += s.length;
    }
    const slice = Buffer.from(parts.join(''));
    const p = join(t.dir, 'slips-through.xlsx');
    const size = writeZip(
      p,
      xlsxEntries({
        sharedStrings: {
          head: SST_HEAD,
          chunk: slice,
          times: Math.floor((78 * 1024 * 1024) / slice.length),
          tail: SST_TAIL,
        },
      }),
    );
    expect(size).toBeLessThan(30 * 1024 * 1024);
    const before = dumpStore(t.core.db);
    const rss = process.memoryUsage().rss;
    const { state, ms } = await previewOf(p);
    expect(state.status).toBe('failed');
    // Parsed within the heap (no table in it), or ended on the heap limit: either way a clean refusal.
    expect(['FILE_REFUSED', 'IMPORT_REJECTED']).toContain(state.error?.code);
    expect(state.error?.message).toMatch(/找不到平时考核的表头|超出安全处理范围/);
    expect(ms).toBeLessThan(60_000);
    // A worker thread lives in this process, so its heap (≤ 256 MB) shows in our RSS; bounded by it.
    expect(process.memoryUsage().rss - rss).toBeLessThan(420 * 1024 * 1024);
    expect(dumpStore(t.core.db)).toBe(before);
    expect(fileBytes(p)).toBe(size);
  }, 90_000);
});
