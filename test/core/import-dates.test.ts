// Dates read from real workbooks survive the machine's time zone: a date cell written as 2024-03-31
// reads back as 2024-03-31 under TZ=Asia/Shanghai and under negative offsets.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { tempDir } from '../support/temp-core';
import { writeXlsx } from '../support/xlsx-fixtures';
import { readWorkbook } from '../../electron/core/excel/import/read-workbook';
import { inspectSpreadsheet, orderedForStreaming } from '../../electron/core/excel/safety/inspect';
import { normDate } from '../../shared/import/normalize';

const saved = process.env.TZ;
afterEach(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

describe('date cells across time zones', () => {
  for (const [writeTz, readTz] of [['Asia/Shanghai', 'Asia/Shanghai'], ['Asia/Shanghai', 'America/New_York'], ['America/Los_Angeles', 'Asia/Shanghai'], ['Pacific/Pago_Pago', 'Pacific/Kiritimati']]) {
    it(`written under ${writeTz}, read under ${readTz}`, async () => {
      const path = join(tempDir(), 'dates.xlsx');
      process.env.TZ = writeTz;
      // what exceljs builds from a serial: UTC midnight; and a string and a serial number beside it
      await writeXlsx(path, [{ rows: [['日期'], [new Date(Date.UTC(2024, 2, 31))], ['2024-03-31'], [45382]] }], (wb) => {
        wb.getWorksheet('Sheet1')!.getColumn(1).numFmt = 'yyyy-mm-dd';
      });
      process.env.TZ = readTz;
      const f = await inspectSpreadsheet(path);
      const [sheet] = await readWorkbook(orderedForStreaming(f.bytes, f.layout), 'dates.xlsx');
      // the first is read as a date cell (converted at the edge), not as a number
      expect(sheet!.rows[1]!.cells[1]).toEqual({ date: '2024-03-31' });
      const values = sheet!.rows.slice(1).map((r) => normDate(r.cells[1]!));
      expect(values).toEqual([{ ok: true, value: '2024-03-31' }, { ok: true, value: '2024-03-31' }, { ok: true, value: '2024-03-31' }]);
      expect(readFileSync(path).length).toBeGreaterThan(0);
    });
  }
});
