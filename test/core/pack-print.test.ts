// The print check: LibreOffice converts the pack (a small fixture, and the demo year's full pack)
// and the PDF has exactly the pages the models promise, none larger than A4, and no printed line of
// the demo pack starts with closing punctuation.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeWorkbook } from '../../electron/core/pack/writer/write-workbook';
import { runDemo } from '../../electron/core/demo';
import { SYSTEM_OPERATOR } from '../../electron/core/context';
import { loadPackData } from '../../electron/core/pack/pack-data';
import { buildPackModels, packScopes, PACK_SHEET_KINDS } from '../../shared/sheets/pack-sheets';
import { packFixture } from '../support/pack-fixtures';
import { fitsA4, hasLibreOffice, linesStartingWithPunctuation, pdfPages, xlsxToPdf } from '../support/print-pdf';
import { tempDir } from '../support/temp-core';

// CI installs LibreOffice (.ci/run); a developer machine without it skips, CI never does.
const canPrint = hasLibreOffice() || !!process.env.CI;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe.skipIf(!canPrint)('pack print check (LibreOffice)', () => {
  it('prints the fixture pack on exactly the promised A4 pages', async () => {
    const dir = tempDir('da-print-');
    dirs.push(dir);
    const data = packFixture({ persons: 7 });
    const models = buildPackModels(data, packScopes(data, { kind: 'unit' })[0]!, PACK_SHEET_KINDS);
    const file = join(dir, '某区发改委_2026年度考核材料.xlsx');
    const { pages } = await writeWorkbook(file, models);
    const pdf = pdfPages(xlsxToPdf(file, dir));
    expect(pdf.count).toBe(pages);
    expect(pdf.sizes).toHaveLength(pages);
    expect(pdf.sizes.filter((s) => !fitsA4(s))).toEqual([]);
  }, 120_000);

  it('prints the demo year full pack on exactly the promised A4 pages', async () => {
    const dir = tempDir('da-print-demo-');
    dirs.push(dir);
    const run = await runDemo({ dataDir: join(dir, 'store'), now: () => new Date('2026-12-20T02:00:00Z') });
    try {
      const data = loadPackData(run.core.ctx(SYSTEM_OPERATOR), run.summary.agencies[0]!.yearId);
      const models = buildPackModels(data, packScopes(data, { kind: 'unit' })[0]!, PACK_SHEET_KINDS);
      const file = join(dir, 'demo-pack.xlsx');
      const { pages } = await writeWorkbook(file, models);
      expect(pages).toBeGreaterThan(2 * data.persons.length);
      const pdfFile = xlsxToPdf(file, dir);
      const pdf = pdfPages(pdfFile);
      expect(pdf.count).toBe(pages);
      expect(pdf.sizes.filter((s) => !fitsA4(s))).toEqual([]);
      // no printed line starts with "，" or "）" (the 统计备案表's 称职（合格） header once did)
      expect(linesStartingWithPunctuation(pdfFile)).toEqual([]);
      // each person's form takes exactly two pages: the portrait form pages come first
      expect(pdf.sizes.slice(0, 2 * data.persons.length).every((s) => s.w < s.h)).toBe(true);
    } finally {
      run.core.close();
    }
  }, 300_000);
});
