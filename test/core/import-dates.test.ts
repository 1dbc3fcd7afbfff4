// Dates read from real workbooks survive the machine's time zone: a date cell written as 2024-03-31
// reads back as 2024-03-31 under TZ=Asia/Shanghai and under negative offsets.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { tempDir } from '../support/temp-core';
import { writeXlsx } from '../support/xlsx-fixtures';
import { readWorkbook } from '../../electron/core/import/read-workbook';
import { inspectSpreadsheet } from '../../electron/core/excel/safety/inspect';
import { normDate } from '../../shared/import/normalize';

const saved = process.env.TZ;
afterEach(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

describe('date cells across time zones', () => {
  for (const [writeTz, readTz] of [
    ['Asia/Shanghai', 'Asia/Shanghai'],
    ['Asia/Shanghai', 'America/New_York'],
    ['America/Los_Angeles', 'Asia/Shanghai'],
    ['Pacific/Pago_Pago', 'Pacific/Kiritimati'],
  ]) {
    it(`written under ${writeTz}, read under ${readTz}`, async () => {
      const path = join(tempDir(), 'dates.xlsx');
      process.env.TZ = writeTz;
      // what exceljs builds from a serial: UTC midnight; and a string and a serial number beside it
      await writeXlsx(
        path,
        [{ rows: [['日期'], [new Date(Date.UTC(2024, 2, 31))], ['2024-03-31'], [45382]] }],
        (wb) => {
          wb.getWorksheet('Sheet1')!.getColumn(1).numFmt = 'yyyy-mm-dd';
        },
      );
      process.env.TZ = readTz;
      const f = await inspectSpreadsheet(path);
      const [sheet] = await readWorkbook(f.bytes, 'dates.xlsx');
      // the first is read as a date cell (converted at the edge), not as a number
      expect(sheet!.rows[1]!.cells[1]).toEqual({ date: '2024-03-31' });
      const values = sheet!.rows.slice(1).map((r) => normDate(r.cells[1]!));
      expect(values).toEqual([
        { ok: true, value: '2024-03-31' },
        { ok: true, value: '2024-03-31' },
        { ok: true, value: '2024-03-31' },
      ]);
      expect(readFileSync(path).length).toBeGreaterThan(0);
    });
  }
});

describe('Chinese text across chunk boundaries', () => {
  it('reads 30,000 Chinese names exactly (no character split into U+FFFD)', async () => {
    const names = Array.from(
      { length: 30_000 },
      (_, i) =>
        `${'王李张刘陈杨赵黄周吴'[i % 10]}${'伟芳娜敏静丽强磊军洋'[Math.floor(i / 10) % 10]}${'一二三四五六七八九十'[Math.floor(i / 100) % 10]}${i}`,
    );
    const path = join(tempDir(), 'names.xlsx');
    await writeXlsx(path, [{ rows: names.map((n) => [n, `说明：${n}的工作纪实`]) }]);
    const f = await inspectSpreadsheet(path);
    const [sheet] = await readWorkbook(f.bytes, 'names.xlsx');
    const read = sheet!.rows.map((r) => r.cells[1]);
    expect(read.filter((v) => typeof v !== 'string' || v.includes('\uFFFD'))).toEqual([]);
    expect(read).toEqual(names);
  });
});
