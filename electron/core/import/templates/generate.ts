// Department templates (per unit and period) for ratings, evidence, roster and history: Chinese
// headers under a title row, the unit's people pre-filled, drop-down lists, locked header rows,
// a veryHidden meta sheet (kind, version, unit, period) and an A4 landscape print setup.
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../excel/exceljs';
import { CATEGORY_LABEL, EVIDENCE_KIND_LABEL } from '../../../../shared/domain/labels';
import { EVIDENCE_SUB_KINDS } from '../../../../shared/domain/types';
import { COLUMNS_OF, IMPORT_KIND_LABEL, type ImportKind } from '../../../../shared/import/columns';
import { columnLetter } from '../../../../shared/import/text';
import { AppError } from '../../../../shared/result';
import type { Db } from '../../db/open';
import { writeWorkbookAtomic } from '../../excel/export/write-atomic';
import { META_SHEET, TEMPLATE_VERSION, writeMeta } from './meta';
import { StoreView } from '../store-view';
import { SYSTEM_OPERATOR } from '../../context';
import { many } from '../../db/query';

export interface TemplateRequest {
  kind: ImportKind;
  unitId: string;
  periodId?: string | null;
  path: string;
}

export const TITLE_ROW = 1;
export const NOTE_ROW = 2;
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = 4;
/** blank rows left for additions below the pre-filled people */
const SPARE_ROWS = 200;
const LISTS_SHEET = '_lists';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  bottom: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
};

const NOTES: Record<ImportKind, string> = {
  roster:
    '说明：人员编号、姓名、部门、人员类别必填；日期写成 2026-03-01，年月写成 2026-03；人员类别选 公务员/参公/事业；空白单元格表示不修改。',
  ratings:
    '说明：请填写工作纪实、等次（好/较好/一般/较差，从下拉列表选择）、评语和评价人；不要修改人员编号、姓名和期间；未填写的行不会导入。',
  evidence:
    '说明：每行一个事件，日期写成 2026-03-01，类别和细类从下拉列表选择。请假须填截止日期（天数可不填）；奖励、处分须填文号；培训学时、留党察看期限（年）填在天数列；调动的对方单位、负面清单事项写在说明列。',
  history:
    '说明：填写往年的年度考核结果。等次：优秀/称职/基本称职/不称职（事业单位：优秀/合格/基本合格/不合格），或 不定等次/未参加。',
  tally:
    '说明：每位候选人一行，填写年度、参加测评人数和四项票数（没有票填 0）；票数合计不能超过参加测评人数。该年度须在年度设置中启用民主测评。',
};

interface PersonLine {
  person_no: string;
  name: string;
  gender: string | null;
  birth_month: string | null;
  political_status: string | null;
  education: string | null;
  unit_name: string;
  position: string | null;
  position_since: string | null;
  category: keyof typeof CATEGORY_LABEL;
  duties: string | null;
  hire_date: string | null;
  probation_end: string | null;
  superior_assessed: number;
}

export async function generateTemplate(db: Db, req: TemplateRequest): Promise<{ path: string; people: number }> {
  const view = new StoreView(db, SYSTEM_OPERATOR);
  const unit = view.units.get(req.unitId);
  if (!unit) throw new AppError('NOT_FOUND', '找不到所选单位，请刷新后重试。');
  const period = req.periodId ? view.periods.find((p) => p.id === req.periodId) : undefined;
  if (req.periodId && !period) throw new AppError('NOT_FOUND', '找不到所选期间，请刷新后重试。');
  if (req.kind === 'ratings' && !period) throw new AppError('INVALID_INPUT', '平时考核模板需要选择期间。');
  if (period && !view.isWithin(req.unitId, period.year_unit_id))
    throw new AppError('INVALID_INPUT', `期间 ${period.code} 不属于“${unit.name}”所在单位的考核年度。`);

  const unitIds = [...view.units.values()].filter((u) => view.isWithin(u.id, unit.id)).map((u) => u.id);
  const people = many<PersonLine>(
    db,
    `SELECT p.person_no, p.name, p.gender, p.birth_month, p.political_status, p.education, u.name AS unit_name, p.position, p.position_since, p.category, p.duties, p.hire_date, p.probation_end, p.superior_assessed
       FROM person p JOIN unit u ON u.id = p.unit_id
       WHERE p.status = 'active' AND p.unit_id IN (SELECT value FROM json_each(?))
       ORDER BY u.sort_order, u.name, p.person_no`,
    JSON.stringify(unitIds),
  );

  const Excel = loadExcelJS();
  const wb = new Excel.Workbook();
  wb.creator = '动态考核';
  const columns = COLUMNS_OF[req.kind].filter((c) => !c.importOnly);
  const title = `${unit.name}${period ? ` ${period.code}（${period.label}）` : ''} ${IMPORT_KIND_LABEL[req.kind]}${req.kind === 'roster' || req.kind === 'history' ? '' : '表'}`;
  const ws = wb.addWorksheet(IMPORT_KIND_LABEL[req.kind], {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页' },
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  const last = columnLetter(columns.length);

  ws.getCell(`A${TITLE_ROW}`).value = title;
  ws.mergeCells(`A${TITLE_ROW}:${last}${TITLE_ROW}`);
  ws.getRow(TITLE_ROW).height = 28;
  ws.getCell(`A${TITLE_ROW}`).font = { name: '黑体', size: 16, bold: true };
  ws.getCell(`A${TITLE_ROW}`).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getCell(`A${NOTE_ROW}`).value = NOTES[req.kind];
  ws.mergeCells(`A${NOTE_ROW}:${last}${NOTE_ROW}`);
  ws.getRow(NOTE_ROW).height = 32;
  ws.getCell(`A${NOTE_ROW}`).alignment = { wrapText: true, vertical: 'middle' };
  ws.getCell(`A${NOTE_ROW}`).font = { size: 9, color: { argb: 'FF595959' } };
  const header = ws.getRow(HEADER_ROW);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
  });
  header.height = 22;

  // Pre-filled people; identity columns are text so Excel keeps leading zeros of 人员编号.
  let r = FIRST_DATA_ROW;
  for (const p of people) {
    const row = ws.getRow(r++);
    const values: Record<string, string> = { personNo: p.person_no, name: p.name };
    if (req.kind === 'ratings' && period) values.period = period.code;
    if (req.kind === 'roster')
      Object.assign(values, {
        gender: p.gender ?? '',
        birthMonth: p.birth_month ?? '',
        politicalStatus: p.political_status ?? '',
        education: p.education ?? '',
        department: p.unit_name,
        position: p.position ?? '',
        positionSince: p.position_since ?? '',
        category: CATEGORY_LABEL[p.category],
        duties: p.duties ?? '',
        hireDate: p.hire_date ?? '',
        probationEnd: p.probation_end ?? '',
        superiorAssessed: p.superior_assessed ? '是' : '否',
      });
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const v = values[c.key];
      if (v) cell.value = v;
      // Ruled lines on the people's rows only: the spare rows below stay off the printout.
      cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: c.width >= 24 };
    });
  }
  const lastDataRow = Math.max(r - 1, FIRST_DATA_ROW) + SPARE_ROWS;

  // Data cells stay editable under sheet protection; only the title, note and header rows are locked.
  columns.forEach((_c, i) => {
    const col = ws.getColumn(i + 1);
    col.numFmt = '@';
    col.protection = { locked: false };
    for (let rr = TITLE_ROW; rr <= HEADER_ROW; rr++) ws.getCell(rr, i + 1).protection = { locked: true };
    for (let rr = FIRST_DATA_ROW; rr <= lastDataRow; rr++) ws.getCell(rr, i + 1).protection = { locked: false };
  });

  addValidations(
    wb,
    ws,
    req.kind,
    columns.map((c) => c.key),
    lastDataRow,
  );
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: true,
    deleteRows: true,
    sort: true,
    autoFilter: true,
  });
  writeMeta(wb, {
    kind: req.kind,
    version: TEMPLATE_VERSION,
    unitId: unit.id,
    unitName: unit.name,
    periodId: period?.id ?? null,
    periodCode: period?.code ?? null,
  });
  await writeWorkbookAtomic(wb, req.path);
  return { path: req.path, people: people.length };
}

type Validation = {
  type: 'list';
  allowBlank: boolean;
  formulae: string[];
  showErrorMessage: boolean;
  errorStyle: 'stop' | 'warning';
  errorTitle: string;
  error: string;
  showInputMessage?: boolean;
  promptTitle?: string;
  prompt?: string;
};

function addValidations(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  kind: ImportKind,
  keys: string[],
  lastRow: number,
): void {
  const lists: Record<string, string[]> = {
    rating: ['好', '较好', '一般', '较差'],
    category: ['公务员', '参公', '事业'],
    gender: ['男', '女'],
    superiorAssessed: ['是', '否'],
    kind: Object.values(EVIDENCE_KIND_LABEL),
    subKind: [...new Set(Object.values(EVIDENCE_SUB_KINDS).flat())],
    grade: ['优秀', '称职', '基本称职', '不称职', '合格', '基本合格', '不合格', '不定等次', '未参加'],
  };
  const wanted: Record<ImportKind, string[]> = {
    ratings: ['rating'],
    roster: ['category', 'gender', 'superiorAssessed'],
    evidence: ['kind', 'subKind'],
    history: ['grade'],
    tally: [],
  };
  // Long lists live on a veryHidden sheet: an inline list is limited to 255 characters.
  const listSheet = wb.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
  let listCol = 0;
  const dv = (ws as unknown as { dataValidations: { add(address: string, v: Validation): void } }).dataValidations;
  for (const key of wanted[kind]) {
    const idx = keys.indexOf(key);
    if (idx < 0) continue;
    const values = lists[key]!;
    const header = COLUMNS_OF[kind].find((c) => c.key === key)!.header;
    let formula: string;
    if (values.join(',').length < 200) formula = `"${values.join(',')}"`;
    else {
      listCol++;
      values.forEach((v, i) => (listSheet.getCell(i + 1, listCol).value = v));
      const L = columnLetter(listCol);
      formula = `${LISTS_SHEET}!$${L}$1:$${L}$${values.length}`;
    }
    const L = columnLetter(idx + 1);
    dv.add(`${L}${FIRST_DATA_ROW}:${L}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: `${header}填写有误`,
      error: `请从下拉列表中选择${header}。`,
      showInputMessage: true,
      promptTitle: header,
      prompt: `从下拉列表中选择`,
    });
  }
  if (!listCol) wb.removeWorksheet(listSheet.id);
}

export { META_SHEET };
