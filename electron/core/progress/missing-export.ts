// The missing list as an xlsx the office sends round the departments: one row per person and
// period not yet rated, grouped by department, plus a per-department count sheet. Streamed with
// exceljs, A4 print-ready, header row frozen and repeated on every printed page.
import { loadExcelJS } from '../excel/exceljs';
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';
import { missingRows } from './missing';
import type { YearScope } from './year-scope';

export interface ExportProgress {
  progress?(done: number, total: number, message?: string): void;
  cancelled?(): boolean;
}

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const font = { name: '宋体', size: 11 };

export async function writeMissingXlsx(
  db: Db,
  scope: YearScope,
  path: string,
  hooks: ExportProgress = {},
): Promise<{ rows: number; path: string }> {
  const rows = missingRows(db, scope);
  const Excel = loadExcelJS();
  const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  wb.creator = '动态考核';
  const title = `${scope.agencyName} ${scope.year} 年度平时考核未评定名单（截至 ${scope.today}）`;

  const list = wb.addWorksheet('未评定名单', {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页' },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  list.columns = [
    { key: 'seq', width: 7 },
    { key: 'unit', width: 20 },
    { key: 'no', width: 14 },
    { key: 'name', width: 12 },
    { key: 'period', width: 14 },
    { key: 'state', width: 12 },
  ];
  list.mergeCells('A1:F1');
  const t = list.getRow(1);
  t.getCell(1).value = title;
  t.getCell(1).font = { ...font, size: 14, bold: true };
  t.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  t.height = 28;
  t.commit();
  const head = list.getRow(2);
  ['序号', '部门', '人员编号', '姓名', '考核期间', '状态'].forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.font = { ...font, bold: true };
    c.border = border;
    c.alignment = { horizontal: 'center' };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
  head.commit();
  rows.forEach((r, i) => {
    if (i % 2000 === 0) {
      if (hooks.cancelled?.()) throw Object.assign(new Error('cancelled'), { code: 'CANCELLED' });
      hooks.progress?.(i, rows.length, '正在写入未评定名单');
    }
    // Names and numbers come from the store: written as plain strings, never formulas.
    const row = list.addRow([i + 1, r.unitName, r.personNo, r.name, `${r.periodCode} ${r.periodLabel}`, '未评定']);
    row.eachCell((c) => {
      c.font = font;
      c.border = border;
    });
    row.commit();
  });
  if (rows.length > 0) list.autoFilter = { from: { row: 2, column: 1 }, to: { row: rows.length + 2, column: 6 } };
  list.commit();

  // Per department and period: how many to chase.
  const sum = wb.addWorksheet('按部门汇总', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const periods = [...new Map(rows.map((r) => [r.periodId, `${r.periodCode}`])).entries()];
  sum.columns = [{ width: 20 }, ...periods.map(() => ({ width: 12 })), { width: 10 }];
  const sh = sum.getRow(1);
  ['部门', ...periods.map(([, code]) => code), '合计'].forEach((h, i) => {
    const c = sh.getCell(i + 1);
    c.value = h;
    c.font = { ...font, bold: true };
    c.border = border;
  });
  sh.commit();
  const byUnit = new Map<string, { name: string; counts: Map<string, number> }>();
  for (const r of rows) {
    const u = byUnit.get(r.unitId) ?? { name: r.unitName, counts: new Map() };
    u.counts.set(r.periodId, (u.counts.get(r.periodId) ?? 0) + 1);
    byUnit.set(r.unitId, u);
  }
  for (const u of byUnit.values()) {
    const counts = periods.map(([id]) => u.counts.get(id) ?? 0);
    const row = sum.addRow([u.name, ...counts, counts.reduce((a, b) => a + b, 0)]);
    row.eachCell((c) => {
      c.font = font;
      c.border = border;
    });
    row.commit();
  }
  sum.commit();
  try {
    await wb.commit();
  } catch (e) {
    throw new AppError(
      'INTERNAL',
      `无法写入文件 ${path}：${e instanceof Error ? e.message : String(e)}。请确认文件未被 Excel 打开，且有写入权限。`,
    );
  }
  hooks.progress?.(rows.length, rows.length, '已完成');
  return { rows: rows.length, path };
}
