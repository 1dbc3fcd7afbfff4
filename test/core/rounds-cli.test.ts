// 报送期限 and 证明材料 from the command line on a real store folder: due dates set, the delivery
// status and the reminder list written; a scan attached by path (a program refused with its Chinese
// line and nothing written), listed and opened as a checked copy whose path is printed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempCore, tempDir, type TempCore } from '../support/temp-core';
import { smallAgency, type SmallAgency } from '../support/evidence-fixtures';
import { cliIn, insertCliOperator } from '../support/cli-fixtures';
import { writeScanFiles, type ScanFiles } from '../support/scan-files';
import { createEvidence } from '../../electron/core/evidence/evidence-service';

let t: TempCore;
let a: SmallAgency;
let scans: ScanFiles;
let itemId: string;
let cli: ReturnType<typeof cliIn>;
beforeEach(async () => {
  t = tempCore();
  a = smallAgency(t.core.db);
  scans = writeScanFiles(tempDir('da-cli-scans-'));
  itemId = createEvidence(t.ctx, {
    personId: a.people.zhang,
    kind: 'commendation',
    subKind: '嘉奖',
    date: '2026-02-01',
    docNo: '局奖〔2026〕1号',
  }).id;
  await insertCliOperator(t.core, 'jingban', 'clerk');
  t.core.close();
  cli = cliIn(t.dir, { DA_TEST_NOW: '2026-11-25T02:00:00Z' });
});
afterEach(() => t.cleanup());

describe('rounds and attachments on the command line', () => {
  it('sets due dates, prints who is overdue, writes the reminder list', async () => {
    const periods = JSON.stringify([{ periodId: a.year.periodIds[1], defaultDue: '2026-07-10' }]);
    const set = await cli([
      'rounds',
      'set-deadlines',
      '--year-id',
      '2026',
      '--periods',
      periods,
      '--operator',
      'jingban',
    ]);
    expect(set.code, set.err).toBe(0);
    const st = await cli(['rounds', 'status', '--year-id', '2026', '--json']);
    expect(st.code, st.err).toBe(0);
    const status = JSON.parse(st.out) as { overdue: number; rows: { unitName: string; overdue: boolean }[] };
    expect(status.overdue).toBe(2);
    const out = join(t.dir, '催报清单.xlsx');
    const ex = await cli(['rounds', 'export-reminders', '--year-id', '2026', '--path', out]);
    expect(ex.code, ex.err).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('attaches by path, refuses a program with nothing written, opens a checked copy', async () => {
    const bad = await cli([
      'evidence',
      'attach',
      '--evidence-id',
      itemId,
      '--path',
      scans.exe,
      '--operator',
      'jingban',
    ]);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('“setup.exe”是可执行程序或脚本，不能作为证明材料');
    const none = await cli(['evidence', 'attachments', '--evidence-id', itemId, '--json']);
    expect(JSON.parse(none.out)).toEqual([]);
    expect(existsSync(join(t.dir, 'attachments'))).toBe(false);
    const ok = await cli([
      'evidence',
      'attach',
      '--evidence-id',
      itemId,
      '--path',
      scans.png,
      '--operator',
      'jingban',
      '--json',
    ]);
    expect(ok.code, ok.err).toBe(0);
    const added = JSON.parse(ok.out) as { id: string; docNo: string; mime: string };
    expect(added).toMatchObject({ docNo: '局奖〔2026〕1号', mime: 'image/png' });
    const list = await cli(['evidence', 'attachments', '--evidence-id', itemId, '--json']);
    expect((JSON.parse(list.out) as unknown[]).length).toBe(1);
    const opened = await cli(['evidence', 'open-attachment', '--id', added.id, '--json']);
    expect(opened.code, opened.err).toBe(0);
    const { path } = JSON.parse(opened.out) as { path: string };
    expect(path.endsWith('.png')).toBe(true);
    expect(readFileSync(path)).toEqual(readFileSync(scans.png));
  });
});
