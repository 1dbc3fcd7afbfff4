// The pack writer, read back: every value, merge, height, width, page setup, print title and row
// break equals the model; text that looks like a formula stays text; a cancelled write leaves nothing.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRegistrationForms } from '../../shared/sheets/registration-form';
import { buildSummaryTable } from '../../shared/sheets/summary-table';
import { writeWorkbook } from '../../electron/core/pack/writer/write-workbook';
import { packFixture, xlsxEntries } from '../support/pack-fixtures';
import { readBackDifferences } from '../support/pack-readback';
import { tempDir } from '../support/temp-core';

const dir = tempDir('da-pack-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pack writer', () => {
  it('writes the registration forms and the summary table exactly as modelled', async () => {
    const data = packFixture({ persons: 9 });
    const models = [buildSummaryTable(data, data.persons, data.unit.name), buildRegistrationForms(data, data.persons)];
    const file = join(dir, '某区发改委_2026年度考核材料.xlsx');
    const out = await writeWorkbook(file, models);
    expect(out.pages).toBe(models[0]!.pages + 18);
    expect(await readBackDifferences(file, models)).toEqual([]);
    // the forms: two pages per person, a manual break after every page but the last
    expect(models[1]!.breaks).toHaveLength(17);
    expect(models[1]!.print.titleRows).toBeNull();
    expect(models[0]!.print.titleRows).toEqual([0, 3]);
  });

  it('refuses to overwrite an existing file unless asked', async () => {
    const data = packFixture({ persons: 1 });
    const file = join(dir, 'twice.xlsx');
    await writeWorkbook(file, [buildRegistrationForms(data, data.persons)]);
    await expect(writeWorkbook(file, [buildRegistrationForms(data, data.persons)])).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('writes text that starts with = + - @ as text: no formula, no hyperlink anywhere', async () => {
    for (const inject of ['=HYPERLINK("http://example.invalid","点我")', '+1+1', '-2+3', '@SUM(A1:A2)']) {
      const data = packFixture({ persons: 2, inject });
      const models = [
        buildSummaryTable(data, data.persons, data.unit.name),
        buildRegistrationForms(data, data.persons),
      ];
      const file = join(dir, `inject-${inject.charCodeAt(0)}.xlsx`);
      await writeWorkbook(file, models);
      expect(await readBackDifferences(file, models)).toEqual([]);
      const entries = await xlsxEntries(file);
      const sheets = [...entries.entries()].filter(([name]) => name.startsWith('xl/worksheets/'));
      expect(sheets.length).toBeGreaterThan(0);
      for (const [name, xml] of sheets) {
        expect(xml, name).not.toMatch(/<f[ >]/);
        expect(xml, name).not.toMatch(/<hyperlink/);
      }
      expect([...entries.keys()].some((n) => n.includes('externalLink'))).toBe(false);
      // the injected text is there, as an inline string
      const all = sheets.map(([, x]) => x).join('');
      expect(all).toContain(inject.replace(/&/g, '&amp;').replace(/"/g, '&quot;').slice(0, 6));
    }
  });

  it('leaves dates unchanged whatever the time zone (ISO strings, never Date objects)', async () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Pago_Pago']) {
        process.env.TZ = tz;
        const data = packFixture({ persons: 1 });
        data.persons[0]!.birthMonth = '1985-03';
        data.persons[0]!.positionSince = '2024-01';
        data.today = '2026-12-31';
        const models = [
          buildSummaryTable(data, data.persons, data.unit.name),
          buildRegistrationForms(data, data.persons),
        ];
        const file = join(dir, `tz-${tz.replace('/', '-')}.xlsx`);
        await writeWorkbook(file, models);
        expect(await readBackDifferences(file, models)).toEqual([]);
        const text = [...(await xlsxEntries(file)).values()].join('');
        expect(text).toContain('1985年3月');
        expect(text).toContain('2024年1月');
        expect(text).toContain('2026年12月31日');
      }
    } finally {
      process.env.TZ = saved;
    }
  });

  it('a cancelled write leaves neither the file nor its temp', async () => {
    const data = packFixture({ persons: 60 });
    const sub = tempDir('da-pack-cancel-');
    const file = join(sub, 'cancelled.xlsx');
    await expect(
      writeWorkbook(file, [buildRegistrationForms(data, data.persons)], {
        every: 50,
        onRows: (n) => {
          if (n >= 400) throw Object.assign(new Error('cancelled'), { code: 'CANCELLED' });
        },
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(sub)).toEqual([]);
    rmSync(sub, { recursive: true, force: true });
  });
});
