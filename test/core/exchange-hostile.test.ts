// A bundle is an outside file: tampered parts, a manifest from a newer or unknown layout, a unit or
// year this store lacks, a file that is not a bundle at all — each refused with a Chinese message
// that says what to do, and nothing written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { tempCore, type TempCore } from '../support/temp-core';
import { dumpStore, seedStore, type SeededStore } from '../support/xlsx-fixtures';
import { runInline } from '../support/inline-task';
import { previewBundle } from '../support/exchange-flow';
import { ensureWorkstation } from '../../electron/core/exchange/workstation';
import { inflateParts } from '../../electron/core/excel/safety/inspect';
import { writeZip } from '../../electron/core/exchange/zip-write';
import { saveRatingsBatch } from '../../electron/core/ratings/save';
import { renameUnit } from '../../electron/core/roster/units';

let office: TempCore;
let dept: TempCore;
let sd: SeededStore;
let path: string;

beforeEach(async () => {
  office = tempCore();
  dept = tempCore();
  seedStore(office.ctx, 2);
  sd = seedStore(dept.ctx, 2);
  saveRatingsBatch(
    dept.ctx,
    sd.people.slice(0, 2).map((p) => ({ periodId: sd.periods.Q1!, personId: p.id, rating: 'fair' })),
  );
  path = join(dept.dir, 'bundle.dax');
  await runInline(dept, 'exchange.export', {
    direction: 'up',
    unitId: sd.departments['办公室'],
    yearId: sd.yearId,
    path,
    workstation: ensureWorkstation(dept.ctx),
    appVersion: '0.1.0',
  });
});
afterEach(() => {
  office.cleanup();
  dept.cleanup();
});

/** Rewrites the bundle with one entry changed (the zip itself stays well-formed). */
async function rewrite(change: (name: string, data: Buffer) => Buffer): Promise<void> {
  const parts = await inflateParts(readFileSync(path), () => true);
  writeFileSync(path, writeZip([...parts].map(([name, data]) => ({ name, data: change(name, data) }))));
}

async function refusedWith(text: string): Promise<void> {
  const before = dumpStore(office.core.db);
  await expect(runInline(office, 'exchange.preview', { path, previewId: 'x' })).rejects.toMatchObject({
    message: expect.stringContaining(text),
  });
  expect(dumpStore(office.core.db)).toBe(before);
}

describe('hostile bundles', () => {
  it('refuses a part changed after export (hash mismatch)', async () => {
    await rewrite((name, data) =>
      name === 'parts/ratings.json' ? Buffer.from(data.toString('utf8').replace('"fair"', '"good"')) : data,
    );
    await refusedWith('校验值与清单不符');
  });

  it('refuses a bundle from a newer layout, and an older one no upgrade reads, saying what to do', async () => {
    const bump = (v: number) => (name: string, data: Buffer) =>
      name === 'manifest.json'
        ? Buffer.from(JSON.stringify({ ...JSON.parse(data.toString('utf8')), formatVersion: v }))
        : data;
    await rewrite(bump(9));
    await refusedWith('请先把本机程序升级');
    await rewrite(bump(0));
    await refusedWith('请报送方升级程序后重新导出');
  });

  it('refuses a bundle for a unit this store does not have', async () => {
    renameUnit(office.ctx, {
      id: office.core.db.prepare("SELECT id FROM unit WHERE name = '办公室'").pluck().get() as string,
      name: '综合科',
    });
    await refusedWith('没有部门“办公室”');
  });

  it('refuses a part the manifest does not list, and a file that is not a bundle', async () => {
    await rewrite((_n, d) => d);
    const parts = await inflateParts(readFileSync(path), () => true);
    writeFileSync(
      path,
      writeZip([...[...parts].map(([name, data]) => ({ name, data })), { name: 'run.exe', data: Buffer.from('MZ') }]),
    );
    await refusedWith('清单中没有的部件');
    writeFileSync(path, 'not a zip');
    await refusedWith('不是数据交换包');
  });

  it('runs the checks in the worker job too: the refusal arrives as the job error', async () => {
    await rewrite((name, data) => (name === 'parts/roster.json' ? Buffer.from(`${data.toString('utf8')} `) : data));
    const end = await previewBundle(office, path);
    expect(end.status).toBe('failed');
    expect(end.error).toMatchObject({ code: 'FILE_REFUSED', message: expect.stringContaining('校验值与清单不符') });
  });
});
