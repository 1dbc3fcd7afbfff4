// Exports the roster (all people, every canonical column, ID card masked) to xlsx with the streaming
// writer, so 20,000 people stay cheap in memory. Values are plain text, never formulas.
import { loadExcelJS } from '../exceljs';
import { CATEGORY_LABEL } from '../../../../shared/domain/labels';
import { ROSTER_COLUMNS } from '../../../../shared/import/columns';
import { maskIdCard } from '../../../../shared/domain/idcard';
import type { Db } from '../../db/open';
import type { PersonRow } from '../../import/store-view';
import { writeOutputAtomic } from './write-atomic';
import { many } from '../../db/query';

export interface RosterExportOptions {
  path: string;
  /** only people under this unit (agency or department); all when absent */
  unitId?: string | null;
  includeLeft?: boolean;
  progress?: (done: number, total: number) => void;
  cancelled?: () => boolean;
}

export async function exportRoster(db: Db, opts: RosterExportOptions): Promise<{ path: string; people: number }> {
  const units = new Map(
    many<{
      id: string;
      parent_id: string | null;
      name: string;
    }>(db, 'SELECT id, parent_id, name FROM unit').map((u) => [u.id, u]),
  );
  const within = (id: string): boolean => {
    if (!opts.unitId) return true;
    for (let u = units.get(id), g = 0; u && g < 50; u = u.parent_id ? units.get(u.parent_id) : undefined, g++)
      if (u.id === opts.unitId) return true;
    return false;
  };
  const people = many<PersonRow>(
    db,
    `SELECT * FROM person ${opts.includeLeft ? '' : "WHERE status = 'active'"} ORDER BY person_no`,
  ).filter((p) => within(p.unit_id));
  await writeOutputAtomic(opts.path, async (tmp) => {
    const Excel = loadExcelJS();
    const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
    const headers = [...ROSTER_COLUMNS.map((c) => c.header), '状态'];
    const ws = wb.addWorksheet('人员名册', {
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '2:2',
      },
      headerFooter: { oddFooter: '&C第 &P 页 共 &N 页' },
      views: [{ state: 'frozen', ySplit: 2 }],
    });
    ws.columns = [...ROSTER_COLUMNS.map((c) => ({ width: c.width })), { width: 8 }];
    ws.mergeCells(1, 1, 1, headers.length);
    const title = ws.getRow(1);
    title.getCell(1).value = `人员名册（共 ${people.length} 人）`;
    title.getCell(1).font = { bold: true, size: 14 };
    title.commit();
    const h = ws.getRow(2);
    headers.forEach((t, i) => {
      h.getCell(i + 1).value = t;
      h.getCell(i + 1).font = { bold: true };
    });
    h.commit();
    let n = 0;
    for (const p of people) {
      if (opts.cancelled?.()) throw Object.assign(new Error('cancelled'), { code: 'CANCELLED' });
      ws.addRow([
        p.person_no,
        p.name,
        p.gender ?? '',
        p.birth_month ?? '',
        p.political_status ?? '',
        p.education ?? '',
        units.get(p.unit_id)?.name ?? '',
        p.position ?? '',
        p.position_since ?? '',
        CATEGORY_LABEL[p.category],
        p.duties ?? '',
        p.hire_date ?? '',
        p.probation_end ?? '',
        p.superior_assessed ? '是' : '否',
        maskIdCard(p.id_card) ?? '',
        '', // 调动日期: filled only by whoever moves someone in the file
        p.status === 'left' ? '已离开' : '在职',
      ]).commit();
      if (++n % 1000 === 0) opts.progress?.(n, people.length);
    }
    ws.commit();
    await wb.commit();
  });
  return { path: opts.path, people: people.length };
}
