// Fixtures of the imports tests: a seeded store (agency, departments, people, a year with quarters),
// workbooks written with exceljs as departments would send them, and a dump of every table to prove
// a refused import left the store byte-for-byte unchanged.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Ctx } from '../../electron/core/context';
import { writeTx } from '../../electron/core/context';
import type { Db } from '../../electron/core/db/open';
import { newId } from '../../electron/core/ids';
import { createPerson, createUnit } from '../../electron/core/roster';
import { analyzeImport, type Analysis, type ImportRequest } from '../../electron/core/import/analyze';
import { applyAnalysis, type ApplyMode } from '../../electron/core/import/apply';
import type { ImportKind } from '../../shared/import/columns';
import type { ImportResult } from '../../shared/import/types';

export interface SeededStore {
  agencyId: string;
  departments: Record<string, string>;
  people: { id: string; personNo: string; name: string; unitId: string }[];
  yearId: string;
  periods: Record<string, string>; // 'Q1' → id
}

export const DEPARTMENTS = ['办公室', '规划科', '财务科'];
const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄勇', '周杰', '吴霞'];

/** 某区发改委 with three departments, `perDepartment` civil servants each (P0001…), year 2026 Q1–Q4. */
export function seedStore(ctx: Ctx, perDepartment = 4): SeededStore {
  const agency = createUnit(ctx, { parentId: null, name: '某区发改委' });
  const departments: Record<string, string> = {};
  const people: SeededStore['people'] = [];
  let n = 0;
  for (const d of DEPARTMENTS) {
    departments[d] = createUnit(ctx, { parentId: agency.id, name: d }).id;
    for (let i = 0; i < perDepartment; i++) {
      n++;
      const personNo = `P${String(n).padStart(4, '0')}`;
      const name = NAMES[(n - 1) % NAMES.length] + (n > NAMES.length ? String(Math.ceil(n / NAMES.length)) : '');
      const p = createPerson(ctx, {
        personNo,
        name: name.replace(/\d/g, (x) => '零一二三四五六七八九'[Number(x)]!),
        unitId: departments[d],
        category: n % 3 === 0 ? 'institution' : 'civil_servant',
        hireDate: '2020-01-01',
      });
      people.push({ id: p.id, personNo, name: p.name, unitId: departments[d] });
    }
  }
  const yearId = newId();
  const periods: Record<string, string> = {};
  writeTx(ctx, () => {
    const at = ctx.now().toISOString();
    ctx.db
      .prepare(
        'INSERT INTO assessment_year (id, unit_id, year, settings_json, created_at, updated_at, updated_by) VALUES (?, ?, 2026, ?, ?, ?, ?)',
      )
      .run(yearId, agency.id, '{}', at, at, 'system');
    const ends = ['03-31', '06-30', '09-30', '12-31'];
    for (let q = 1; q <= 4; q++) {
      const id = newId();
      periods[`Q${q}`] = id;
      ctx.db
        .prepare(
          'INSERT INTO period (id, year_id, code, label, seq, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          id,
          yearId,
          `2026Q${q}`,
          `第${'一二三四'[q - 1]}季度`,
          q,
          `2026-${String(q * 3 - 2).padStart(2, '0')}-01`,
          `2026-${ends[q - 1]}`,
        );
    }
  });
  return { agencyId: agency.id, departments, people, yearId, periods };
}

export interface SheetSpec {
  name?: string;
  rows: unknown[][];
  state?: 'visible' | 'hidden' | 'veryHidden';
  merges?: string[];
}

/** Writes a workbook; cell values go in as given (strings, numbers, Dates, rich text…). */
export async function writeXlsx(
  path: string,
  sheets: SheetSpec[],
  extra?: (wb: ExcelJS.Workbook) => void | Promise<void>,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(s.name ?? `Sheet${i + 1}`, { state: s.state ?? 'visible' });
    for (const r of s.rows) ws.addRow(r);
    for (const m of s.merges ?? []) ws.mergeCells(m);
  });
  await extra?.(wb);
  await wb.xlsx.writeFile(path);
  return path;
}

export const ROSTER_HEADER = [
  '人员编号',
  '姓名',
  '性别',
  '出生年月',
  '政治面貌',
  '文化程度',
  '部门',
  '职务职级',
  '任现职时间',
  '人员类别',
  '从事或分管工作',
  '入职日期',
  '试用期满日期',
  '上级考核',
];
export const RATINGS_HEADER = ['人员编号', '姓名', '期间', '工作纪实', '等次', '评语', '评价人'];
export const EVIDENCE_HEADER = ['人员编号', '姓名', '日期', '类别', '细类', '说明', '文号', '天数', '截止日期'];
export const HISTORY_HEADER = ['人员编号', '姓名', '年度', '等次'];

/** Every table's rows, in a stable order: equal dumps mean an unchanged store. */
export function dumpStore(db: Db, except: string[] = []): string {
  const tables = (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  )
    .map((t) => t.name)
    // The row seals belong to the audit log: leaving the log out leaves its seals out too.
    .filter((t) => !except.includes(t) && !(t === 'audit_seal' && except.includes('audit_log')));
  // Rows sorted as text: some tables are WITHOUT ROWID, and order is not what is compared.
  return tables
    .map(
      (t) =>
        `## ${t}\n` +
        db
          .prepare(`SELECT * FROM "${t}"`)
          .all()
          .map((r) => JSON.stringify(r))
          .sort()
          .join('\n'),
    )
    .join('\n');
}

const noProgress = { progress: () => undefined, cancelled: () => false };

/** The analysis the worker would make, run in-process (same code) for fast tests. */
export function analyze(
  ctx: Ctx,
  kind: ImportKind,
  path: string,
  extra: Partial<ImportRequest> = {},
): Promise<Analysis> {
  return analyzeImport(ctx.db, ctx.operator, { kind, path, ...extra }, ctx.now().toISOString(), noProgress);
}

export async function importFile(
  ctx: Ctx,
  kind: ImportKind,
  path: string,
  mode: ApplyMode = 'all',
  extra: Partial<ImportRequest> = {},
): Promise<ImportResult> {
  return applyAnalysis(ctx, await analyze(ctx, kind, path, extra), mode, noProgress);
}

export const fileIn = (dir: string, name: string) => join(dir, name);

// ---- Hostile files ------------------------------------------------------------------------------

import { constants as zlibConstants, crc32, deflateRawSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';

export interface ZipEntrySpec {
  name: string;
  /** the content, or a number of chunks to repeat (for bombs, never held in memory whole) */
  data: Buffer | { chunk: Buffer; times: number; head?: string; tail?: string };
  /** a lie written into the directory (the real size is larger) */
  declaredSize?: number;
  /** written as a local entry but left out of the central directory */
  hidden?: boolean;
}

/** A minimal zip writer (deflate, no zip64): enough to build bombs exceljs would happily read. */
export function writeZip(path: string, entries: ZipEntrySpec[]): number {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    let crc = 0;
    let size = 0;
    let compressed: Buffer;
    if (Buffer.isBuffer(e.data)) {
      crc = crc32(e.data);
      size = e.data.length;
      compressed = deflateRawSync(e.data, { level: 9 });
    } else {
      // Deflate of a repeated chunk, computed by deflating the whole stream in slices.
      const { chunk, times, head, tail } = e.data;
      const out: Buffer[] = [];
      if (head) {
        const h = Buffer.from(head);
        crc = crc32(h, crc);
        size += h.length;
        out.push(deflateRawSync(h, { finishFlush: zlibConstants.Z_SYNC_FLUSH }));
      }
      // Independent deflate pieces ending in a sync flush concatenate into one valid stream, so a
      // 300 MB part is built from one 4 MB slice compressed once and never held whole.
      const per = Math.max(1, Math.floor((4 * 1024 * 1024) / chunk.length));
      const slice = Buffer.concat(new Array(per).fill(chunk));
      const piece = deflateRawSync(slice, { level: 9, finishFlush: zlibConstants.Z_SYNC_FLUSH });
      let left = times;
      while (left > 0) {
        const n = Math.min(per, left);
        const part = n === per ? slice : Buffer.concat(new Array(n).fill(chunk));
        crc = crc32(part, crc);
        size += part.length;
        out.push(n === per ? piece : deflateRawSync(part, { level: 9, finishFlush: zlibConstants.Z_SYNC_FLUSH }));
        left -= n;
      }
      const t = Buffer.from(tail ?? '');
      crc = crc32(t, crc);
      size += t.length;
      out.push(deflateRawSync(t));
      compressed = Buffer.concat(out);
    }
    const declared = e.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, compressed);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc >>> 0, 16);
    c.writeUInt32LE(compressed.length, 20);
    c.writeUInt32LE(declared, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    if (!e.hidden) central.push(c, name);
    offset += local.length + name.length + compressed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const listed = entries.filter((e) => !e.hidden).length;
  end.writeUInt16LE(listed, 8);
  end.writeUInt16LE(listed, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  const file = Buffer.concat([...parts, cd, end]);
  writeFileSync(path, file);
  return file.length;
}

/** The parts of a one-sheet xlsx, so a hostile variant can replace one of them. */
export const XLSX_PARTS = {
  contentTypes: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  rels: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  workbook: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  workbookRels: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  sheet: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
  sharedStrings: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>人员编号</t></si></sst>`,
};

export const SST_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
export const SST_TAIL = '</sst>';

export function xlsxEntries(
  replace: Partial<Record<keyof typeof XLSX_PARTS, ZipEntrySpec['data']>> = {},
  extra: ZipEntrySpec[] = [],
): ZipEntrySpec[] {
  const b = (k: keyof typeof XLSX_PARTS) => replace[k] ?? Buffer.from(XLSX_PARTS[k], 'utf8');
  return [
    { name: '[Content_Types].xml', data: b('contentTypes') },
    { name: '_rels/.rels', data: b('rels') },
    { name: 'xl/workbook.xml', data: b('workbook') },
    { name: 'xl/_rels/workbook.xml.rels', data: b('workbookRels') },
    { name: 'xl/worksheets/sheet1.xml', data: b('sheet') },
    { name: 'xl/sharedStrings.xml', data: b('sharedStrings') },
    ...extra,
  ];
}

export function fileBytes(path: string): number {
  return readFileSync(path).length;
}
