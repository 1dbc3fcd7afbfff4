// Reads a written pack workbook back (exceljs as another client, plus the raw XML for what exceljs
// does not read: row breaks) and lists every difference from the SheetModels it was written from.
import ExcelJS from 'exceljs';
import type { SheetModel } from '../../shared/sheets/model';
import { xlsxEntries } from './pack-fixtures';

function colLetters(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export async function readBackDifferences(file: string, models: readonly SheetModel[]): Promise<string[]> {
  const diffs: string[] = [];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const entries = await xlsxEntries(file);
  if (wb.worksheets.length !== models.length) diffs.push(`sheet count ${wb.worksheets.length} ≠ ${models.length}`);
  models.forEach((model, si) => {
    const ws = wb.worksheets[si];
    if (!ws) return;
    const at = (what: string) => `${model.name}: ${what}`;
    if (ws.name !== model.name) diffs.push(at(`name ${ws.name}`));
    // values and heights
    model.rows.forEach((row, r) => {
      const xr = ws.getRow(r + 1);
      // the writer may grow a row for the line its Chinese line breaking adds, never shrink one
      if ((xr.height ?? 0) < row.height - 0.01 || (xr.height ?? 0) > Math.max(row.height, 409) + 0.01)
        diffs.push(at(`row ${r + 1} height ${xr.height} ≠ ${row.height}`));
      for (const cell of row.cells) {
        const v = ws.getCell(r + 1, cell.c + 1).value;
        const want = cell.v === '' ? null : cell.v;
        // the writer breaks long wrapped text into lines itself (shared/sheets/line-break.ts)
        const unbroken = (x: unknown) => (typeof x === 'string' ? x.replace(/\n/g, '') : x);
        if (unbroken(v) !== unbroken(want))
          diffs.push(at(`${colLetters(cell.c + 1)}${r + 1} = ${JSON.stringify(v)} ≠ ${JSON.stringify(want)}`));
      }
    });
    model.columns.forEach((c, i) => {
      const w = ws.getColumn(i + 1).width ?? 0;
      if (Math.abs(w - c.width) > 0.02) diffs.push(at(`column ${i + 1} width ${w} ≠ ${c.width}`));
    });
    // merges
    const want = new Set<string>();
    model.rows.forEach((row, r) =>
      row.cells.forEach((c) => {
        if ((c.rs ?? 1) > 1 || (c.cs ?? 1) > 1)
          want.add(`${colLetters(c.c + 1)}${r + 1}:${colLetters(c.c + (c.cs ?? 1))}${r + (c.rs ?? 1)}`);
      }),
    );
    const got = new Set((ws.model as unknown as { merges: string[] }).merges);
    for (const m of want) if (!got.has(m)) diffs.push(at(`merge ${m} missing`));
    for (const m of got) if (!want.has(m)) diffs.push(at(`extra merge ${m}`));
    // page setup
    const ps = ws.pageSetup;
    if (Number(ps.paperSize) !== 9 /* A4 */) diffs.push(at(`paperSize ${ps.paperSize}`));
    if (ps.orientation !== model.print.orientation) diffs.push(at(`orientation ${ps.orientation}`));
    if (model.print.fitToWidth && !(ps.fitToPage && ps.fitToWidth === 1 && ps.fitToHeight === 0))
      diffs.push(at(`fit ${ps.fitToPage} ${ps.fitToWidth}×${ps.fitToHeight}`));
    const m = model.print.margins;
    for (const k of ['left', 'right', 'top', 'bottom', 'header', 'footer'] as const) {
      const inch = ps.margins?.[k] ?? -1;
      if (Math.abs(inch * 2.54 - m[k]) > 0.01) diffs.push(at(`margin ${k} ${inch}in ≠ ${m[k]}cm`));
    }
    const titles = model.print.titleRows
      ? `${model.print.titleRows[0] + 1}:${model.print.titleRows[1] + 1}`
      : undefined;
    if ((ps.printTitlesRow ?? undefined) !== titles) diffs.push(at(`print titles ${ps.printTitlesRow} ≠ ${titles}`));
    if ((ws.headerFooter?.oddFooter ?? '') !== model.print.footer)
      diffs.push(at(`footer ${ws.headerFooter?.oddFooter}`));
    // row breaks, from the sheet's XML
    const xml = entries.get(`xl/worksheets/sheet${si + 1}.xml`) ?? '';
    const brks = [...xml.matchAll(/<brk id="(\d+)"/g)].map((x) => Number(x[1]) - 1);
    if (JSON.stringify(brks) !== JSON.stringify(model.breaks))
      diffs.push(at(`row breaks ${brks.slice(0, 5).join(',')}… ≠ ${model.breaks.slice(0, 5).join(',')}…`));
  });
  return diffs;
}
