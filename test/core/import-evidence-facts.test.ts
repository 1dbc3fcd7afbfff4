// Imports express every evidence fact the rules read: a leave given by its day count alone, and a
// closed investigation with its outcome (in 说明: "结案：警告"); a closed case that does not say how
// it ended is refused on its 说明 cell, and nothing is written.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apply, preview } from '../support/import-flow';
import { tempCore, type TempCore } from '../support/temp-core';
import { dumpStore, EVIDENCE_HEADER, seedStore, writeXlsx } from '../support/xlsx-fixtures';

let t: TempCore;
beforeEach(() => {
  t = tempCore();
  seedStore(t.ctx, 4);
});
afterEach(() => t.cleanup());

describe('evidence import: facts the rules use', () => {
  it('takes a leave by day count and a closed investigation with its outcome; refuses a closed case without one', async () => {
    const path = join(t.dir, 'evidence.xlsx');
    await writeXlsx(path, [
      {
        rows: [
          EVIDENCE_HEADER,
          ['P0001', '张伟', '2026-03-02', '请假', '病假', '住院', '', 190, ''],
          [
            'P0002',
            '王芳',
            '2026-04-01',
            '立案审查调查',
            '立案审查调查',
            '结案：警告',
            '纪〔2026〕4号',
            '',
            '2026-10-20',
          ],
          [
            'P0003',
            '李娜',
            '2026-05-01',
            '立案审查调查',
            '立案审查调查',
            '结案：无处分',
            '纪〔2026〕5号',
            '',
            '2026-09-01',
          ],
          ['P0004', '刘洋', '2026-06-01', '立案审查调查', '立案审查调查', '调查中', '纪〔2026〕6号', '', '2026-11-01'],
        ],
      },
    ]);
    const p = await preview(t, 'evidence', path);
    expect(p.summary).toMatchObject({ dataRows: 4, errorRows: 1, cleanRows: 3 });
    expect(p.issues).toEqual([
      expect.objectContaining({
        row: 5,
        header: '说明',
        problem: expect.stringContaining('已结案的立案审查调查须在“说明”栏写明结案结果'),
      }),
    ]);
    const before = dumpStore(t.core.db);
    expect((await apply(t, p.previewId, 'all')).status).toBe('failed');
    expect(dumpStore(t.core.db)).toBe(before);
    expect((await apply(t, p.previewId, 'clean')).value).toMatchObject({ added: 3 });
    const rows = t.core.db
      .prepare(
        `SELECT p.person_no, e.kind, e.date, e.end_date, e.days, json_extract(e.details_json, '$.closingOutcome') AS closing
           FROM evidence e JOIN person p ON p.id = e.person_id ORDER BY p.person_no`,
      )
      .all();
    expect(rows).toEqual([
      // 190 calendar days from 2026-03-02 end on 2026-09-07
      { person_no: 'P0001', kind: 'leave', date: '2026-03-02', end_date: '2026-09-07', days: 190, closing: null },
      {
        person_no: 'P0002',
        kind: 'investigation',
        date: '2026-04-01',
        end_date: '2026-10-20',
        days: null,
        closing: 'warning',
      },
      {
        person_no: 'P0003',
        kind: 'investigation',
        date: '2026-05-01',
        end_date: '2026-09-01',
        days: null,
        closing: 'none',
      },
    ]);
  }, 120_000);
});
