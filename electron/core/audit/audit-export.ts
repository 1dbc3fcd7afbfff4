// Exports the audit log (filtered) to xlsx with exceljs's streaming writer, through a temp file,
// so a crash or cancel never leaves half a workbook where the auditor expects one.
import { loadExcelJS } from '../excel/exceljs';
import { writeFileAtomic } from '../backup/atomic-write';
import type { Db } from '../db/open';
import { iterateAudit, type AuditFilter } from './audit-query';
import { auditHead } from './audit-log';
import { entityName } from './audit-names';
import { auditActionLabel, auditEntityLabel } from '../../../shared/audit/labels';
import { the } from '../db/query';

const OUTCOME_LABELS: Record<string, string> = { ok: '成功', denied: '拒绝', failed: '失败' };

export interface ExportProgress {
  progress?: (done: number, total: number) => void;
  cancelled?: () => boolean;
}

export async function exportAuditXlsx(
  db: Db,
  dataDir: string,
  filter: AuditFilter,
  target: string,
  hooks: ExportProgress = {},
): Promise<{ rows: number; path: string }> {
  const total = the<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM audit_log').n;
  const head = auditHead(db);
  return writeFileAtomic(dataDir, target, async (temp) => {
    const Excel = loadExcelJS();
    const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = [
      { header: '序号', width: 8 },
      { header: '时间', width: 24 },
      { header: '操作员', width: 14 },
      { header: '操作员ID', width: 18 },
      { header: '操作', width: 26 },
      { header: '操作代码', width: 22 },
      { header: '对象', width: 14 },
      { header: '对象名称', width: 28 },
      { header: '对象ID', width: 38 },
      { header: '结果', width: 8 },
      { header: '原因', width: 30 },
      { header: '修改前', width: 50 },
      { header: '修改后', width: 50 },
      { header: '哈希', width: 66 },
    ];
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    let rows = 0;
    for (const e of iterateAudit(db, filter)) {
      // Plain strings only: exceljs writes them as inert text, so "=..." in a reason never becomes a formula.
      ws.addRow([
        e.seq,
        e.at,
        e.operatorName,
        e.operatorId,
        auditActionLabel(e.action),
        e.action,
        auditEntityLabel(e.entity),
        entityName(db, e),
        e.entityId,
        OUTCOME_LABELS[e.outcome] ?? e.outcome,
        e.reason,
        e.before ?? '',
        e.after ?? '',
        e.hash,
      ]).commit();
      rows++;
      if (rows % 1000 === 0) {
        hooks.progress?.(rows, total);
        if (hooks.cancelled?.()) throw Object.assign(new Error('cancelled'), { code: 'CANCELLED' });
      }
    }
    ws.commit();
    const info = wb.addWorksheet('说明');
    info.addRow(['导出行数', rows]).commit();
    info.addRow(['链头序号', head.seq]).commit();
    info.addRow(['链头哈希', head.hash]).commit();
    info.addRow(['筛选条件', JSON.stringify(filter)]).commit();
    info.commit();
    await wb.commit();
    return { rows, path: target };
  });
}
