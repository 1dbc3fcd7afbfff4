// Parses a checked xlsx (in a worker thread only) into plain rows of plain values, sheet by sheet.
// The parts are inflated by yauzl (sizes validated) and fed to exceljs's streaming XML readers in
// chunks cut at UTF-8 character boundaries: exceljs decodes each chunk on its own, and its own zip
// streaming cuts anywhere, which turned Chinese names into "���娜敏" (measured on 50,000 rows).
// Row and cell counts are capped; nothing of the outside file survives as an exceljs object.
import { Readable } from 'node:stream';
import { loadExcelJS } from '../excel/exceljs';
import { AppError } from '../../../shared/result';
import { plainCell, type CellValue } from '../../../shared/import/cells';
import { inflateParts } from '../excel/safety/inspect';

export interface SheetRow {
  /** Excel row number (1-based) */
  row: number;
  /** cells by 1-based column index; index 0 unused */
  cells: CellValue[];
}

export interface SheetData {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  rows: SheetRow[];
}

export const MAX_ROWS = 300_000;
export const MAX_CELLS = 4_000_000;
const MAX_COLUMNS = 200;
// 64 KB, about what exceljs's own unzip hands it: exceljs gathers every XML event of a chunk in one array
// before yielding, so 1 MB chunks made arrays of ~100,000 events and doubled the parse (GC, measured).
const CHUNK = 1 << 16;

/** Chunks of at most CHUNK bytes that never split a UTF-8 character. */
export function* utf8Chunks(buf: Buffer): Generator<Buffer> {
  let i = 0;
  while (i < buf.length) {
    let end = Math.min(buf.length, i + CHUNK);
    while (end < buf.length && end > i && (buf[end]! & 0xc0) === 0x80) end--;
    yield buf.subarray(i, end);
    i = end;
  }
}

const streamOf = (buf: Buffer) => Readable.from(utf8Chunks(buf));

interface StreamRow {
  number: number;
  values: unknown[];
}
interface SheetReader extends AsyncIterable<StreamRow> {
  name: string;
  state?: string;
}
/** The parts of exceljs 4.4's WorkbookReader used here (its last release; the API is frozen). */
interface ReaderInternals {
  model?: { sheets?: { name: string; rId: string; state?: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  sharedStrings?: unknown[];
  _parseRels(s: Readable): Promise<void>;
  _parseWorkbook(s: Readable): Promise<void>;
  _parseSharedStrings(s: Readable): AsyncGenerator<unknown>;
  _parseStyles(s: Readable): Promise<void>;
  _parseWorksheet(s: Readable, sheetNo: string): Generator<{ eventType: string; value: SheetReader }>;
}

const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * exceljs's reader stops quietly at the end of a truncated part (it never closes its XML parser),
 * which made a damaged sheet look empty ("找不到表头"): a part must end with its root's closing tag.
 */
export function endsWithRoot(xml: Buffer, root: string): boolean {
  const tail = xml.subarray(Math.max(0, xml.length - 256)).toString('utf8');
  return new RegExp(`</([A-Za-z_][\\w.-]*:)?${root}>\\s*$`).test(tail);
}

/** A damaged file's one Chinese sentence: which part, where, and what to do. */
function damaged(fileName: string, part: string, e?: unknown): AppError {
  const at = /^(\d+):(\d+):/.exec(String((e as Error | undefined)?.message ?? ''));
  return new AppError(
    'FILE_REFUSED',
    `“${fileName}”已损坏：${part}的内容不完整或不是有效的 XML${at ? `（第 ${at[1]} 行第 ${at[2]} 列）` : ''}。请在 Excel 中打开该文件并另存为 .xlsx 后再导入；若 Excel 也打不开，请向提供文件的部门重新要一份。`,
    { part },
  );
}
const PARTS = new Set(['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml']);

export async function readWorkbook(
  bytes: Buffer,
  fileName: string,
  cancelled: () => boolean = () => false,
): Promise<SheetData[]> {
  const refuse = (message: string) => new AppError('FILE_REFUSED', message);
  const parts = await inflateParts(bytes, (n) => PARTS.has(n) || SHEET_PART.test(n));
  const sheets: SheetData[] = [];
  let rowCount = 0;
  let cellCount = 0;
  try {
    const Excel = loadExcelJS();
    const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      entries: 'ignore',
    }) as unknown as ReaderInternals;
    const rels = parts.get('xl/_rels/workbook.xml.rels');
    const book = parts.get('xl/workbook.xml');
    if (!rels || !book) throw refuse(`“${fileName}”缺少工作簿部件，不是完整的 .xlsx 文件。`);
    const ss = parts.get('xl/sharedStrings.xml');
    for (const [xml, root, part] of [
      [rels, 'Relationships', '工作簿的关系部件'],
      [book, 'workbook', '工作簿部件'],
      [ss, 'sst', '共享文字部件'],
    ] as const)
      if (xml && !endsWithRoot(xml, root)) throw damaged(fileName, part);
    try {
      await reader._parseRels(streamOf(rels));
      await reader._parseWorkbook(streamOf(book));
      if (ss) for await (const _ of reader._parseSharedStrings(streamOf(ss))) void _;
      else reader.sharedStrings = [];
    } catch (e) {
      throw damaged(fileName, '工作簿部件', e);
    }
    const styles = parts.get('xl/styles.xml');
    await reader._parseStyles(streamOf(styles ?? Buffer.from('<styleSheet/>')));
    parts.delete('xl/sharedStrings.xml');

    // Sheets in workbook order, named and with their visibility from workbook.xml and its relations.
    const target = (t: string) => t.replace(/^\/?(xl\/)?/, '');
    const order = (reader.model?.sheets ?? []).map((s) => ({
      s,
      path: 'xl/' + target(reader.workbookRels?.find((r) => r.Id === s.rId)?.Target ?? ''),
    }));
    for (const { s, path } of order) {
      const m = SHEET_PART.exec(path);
      const xml = parts.get(path);
      if (!m || !xml) continue;
      parts.delete(path);
      const part = `工作表“${s.name}”`;
      if (!endsWithRoot(xml, 'worksheet')) throw damaged(fileName, part);
      const rows: SheetRow[] = [];
      try {
        for (const ev of reader._parseWorksheet(streamOf(xml), m[1]!)) {
          for await (const row of ev.value) {
            if (++rowCount > MAX_ROWS)
              throw refuse(`“${fileName}”超过 ${MAX_ROWS} 行，超出一次导入的范围。请拆分成几个文件后分别导入。`);
            if ((rowCount & 1023) === 0 && cancelled())
              throw Object.assign(new Error('cancelled'), { code: 'CANCELLED' });
            const values = row.values;
            const width = Math.min(values.length, MAX_COLUMNS + 1);
            const cells = new Array<CellValue>(width).fill(null);
            let any = false;
            for (let c = 1; c < width; c++) {
              const v = plainCell(values[c]);
              cells[c] = v;
              if (v !== null) any = true;
            }
            if (!any) continue;
            cellCount += width;
            if (cellCount > MAX_CELLS)
              throw refuse(`“${fileName}”的单元格过多（超过 ${MAX_CELLS} 个），超出一次导入的范围。请拆分后再导入。`);
            rows.push({ row: row.number, cells });
          }
        }
      } catch (e) {
        if (e instanceof AppError || (e as { code?: string })?.code === 'CANCELLED') throw e;
        throw damaged(fileName, part, e);
      }
      sheets.push({
        name: s.name,
        state: s.state === 'hidden' || s.state === 'veryHidden' ? s.state : 'visible',
        rows,
      });
    }
  } catch (e) {
    if (e instanceof AppError || (e as { code?: string })?.code === 'CANCELLED') throw e;
    throw new AppError(
      'FILE_REFUSED',
      `“${fileName}”无法作为 Excel 工作簿读取（${String((e as Error)?.message ?? e).slice(0, 120)}）。请在 Excel 中打开并另存为 .xlsx 后再导入。`,
    );
  }
  return sheets;
}
