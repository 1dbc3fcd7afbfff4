// The hidden sheet a template carries: which kind, template version, unit and period it is for.
// Written veryHidden (not shown by Excel's Unhide menu) so departments do not edit it by accident.
import type ExcelJS from 'exceljs';
import type { ImportKind } from '../../../../shared/import/columns';
import { IMPORT_KINDS } from '../../../../shared/import/columns';
import type { TemplateMetaDto } from '../../../../shared/import/types';
import type { SheetData } from '../read-workbook';

export const META_SHEET = '_dynamic_assessment_meta';
export const TEMPLATE_VERSION = 1;
export const META_MARKER = '动态考核模板';

export function writeMeta(wb: ExcelJS.Workbook, meta: TemplateMetaDto): void {
  const ws = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const rows: [string, string | number][] = [
    ['marker', META_MARKER],
    ['kind', meta.kind],
    ['version', meta.version],
    ['unitId', meta.unitId],
    ['unitName', meta.unitName],
    ['periodId', meta.periodId ?? ''],
    ['periodCode', meta.periodCode ?? ''],
  ];
  for (const r of rows) ws.addRow(r);
}

/** The meta of a workbook, or null when it is not one of our templates; malformed meta is refused. */
export function readMeta(sheets: SheetData[]): TemplateMetaDto | null {
  const sheet = sheets.find((s) => s.name === META_SHEET);
  if (!sheet) return null;
  const kv = new Map<string, string>();
  for (const r of sheet.rows) {
    const k = r.cells[1];
    const v = r.cells[2];
    if (typeof k === 'string')
      kv.set(k, v === null || v === undefined ? '' : typeof v === 'object' ? v.date : String(v));
  }
  if (kv.get('marker') !== META_MARKER) return null;
  const kind = kv.get('kind') as ImportKind;
  if (!IMPORT_KINDS.includes(kind)) return null;
  return {
    kind,
    version: Number(kv.get('version') ?? 0),
    unitId: kv.get('unitId') ?? '',
    unitName: kv.get('unitName') ?? '',
    periodId: kv.get('periodId') || null,
    periodCode: kv.get('periodCode') || null,
  };
}
