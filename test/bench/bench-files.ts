// The workbooks the import benches read: a roster of n people spread over eight departments and an
// evidence file of n rows for them, written with exceljs's streaming writer (a title row, then the
// template's header). One generator, so the two benches time the same files.
import ExcelJS from 'exceljs';
import { EVIDENCE_HEADER, ROSTER_HEADER } from '../support/xlsx-fixtures';

export const DEPTS = ['办公室', '规划科', '财务科', '法规科', '投资科', '产业科', '能源科', '价格科'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂';

export const nameOf = (i: number) =>
  SURNAMES[i % 20]! + GIVEN[Math.floor(i / 20) % 20]! + GIVEN[Math.floor(i / 400) % 20];
export const noOf = (i: number) => `R${String(i + 1).padStart(6, '0')}`;

export async function writeRows(
  path: string,
  sheet: string,
  header: string[],
  n: number,
  row: (i: number) => unknown[],
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet(sheet);
  ws.addRow([`${sheet}（共 ${n} 行）`]).commit();
  ws.addRow(header).commit();
  for (let i = 0; i < n; i++) ws.addRow(row(i)).commit();
  ws.commit();
  await wb.commit();
}

/** `people` rows of 人员名册; with `someInstitution`, every fifth person is 事业 staff. */
export function writeRosterFile(path: string, people: number, someInstitution = false): Promise<void> {
  return writeRows(path, '人员名册', ROSTER_HEADER, people, (i) => [
    noOf(i),
    nameOf(i),
    i % 2 ? '女' : '男',
    `${1960 + (i % 40)}-${String((i % 12) + 1).padStart(2, '0')}`,
    '中共党员',
    '大学',
    DEPTS[i % DEPTS.length],
    '科员',
    '2020-01',
    someInstitution && i % 5 === 0 ? '事业' : '公务员',
    '',
    '2015-07-01',
    '',
    '否',
  ]);
}

const SUBS: [string, string][] = [
  ['请假', '病假'],
  ['请假', '事假'],
  ['奖励', '嘉奖'],
  ['工作实绩', '重点任务'],
  ['工作实绩', '培训学时'],
];

/** `rows` events of 2026 for the first `people` people of writeRosterFile, leave with its days and end. */
export function writeEvidenceFile(path: string, rows: number, people: number): Promise<void> {
  return writeRows(path, '事件', EVIDENCE_HEADER, rows, (i) => {
    const p = i % people;
    const [k, s] = SUBS[i % SUBS.length]!;
    const date = `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 26) + 1).padStart(2, '0')}`;
    const days = 1 + (i % 3);
    const end = `${date.slice(0, 8)}${String((i % 26) + days).padStart(2, '0')}`;
    return [
      noOf(p),
      nameOf(p),
      date,
      k,
      s,
      `第 ${i} 条事件说明`,
      `发改〔2026〕${i}号`,
      k === '请假' || s === '培训学时' ? days : '',
      k === '请假' ? end : '',
    ];
  });
}

/** The floors: exceljs's streaming reader over the file, every row's values touched (the reader the
 *  import stands on), and its in-memory Workbook read. Each returns the cells it saw; none is a failure. */
export async function exceljsStreamCells(path: string): Promise<number> {
  let n = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    worksheets: 'emit',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const ws of reader) for await (const row of ws) n += (row.values as unknown[]).length;
  if (!n) throw new Error('exceljs stream read nothing');
  return n;
}

export async function exceljsReadCells(path: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  let n = 0;
  wb.eachSheet((ws) => ws.eachRow((r) => (n += r.cellCount)));
  if (!n) throw new Error('exceljs read nothing');
  return n;
}
