// Plans a pack export before the job starts: which workbooks (one per unit or per department) and
// their file names, refusing names that already exist so a job never overwrites a filed pack.
import { existsSync } from 'node:fs';
import { scopeLabel, type PackSheetKind } from '../../../shared/sheets/pack-sheets';
import { uniquePackFiles } from './file-names';
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';
import { departmentsOf, requireYear } from '../years/year-repo';
import { AGENCY_OWN_LABEL } from './pack-data';
import { readFrozenPack } from './frozen-pack';

export interface PlannedFile {
  departmentId: string | null;
  label: string;
  fileName: string;
  path: string;
}

export interface PackExportRequest {
  yearId: string;
  scope: 'unit' | 'departments';
  departmentIds: string[];
  sheets: PackSheetKind[];
  folder: string;
}

export function planPackExport(db: Db, req: PackExportRequest): PlannedFile[] {
  const year = requireYear(db, req.yearId).dto;
  // a decided year names its files and scopes as it was decided (a department renamed since keeps its old name)
  const frozen = readFrozenPack(db, req.yearId);
  const unitName = frozen?.unit.name ?? year.unitName;
  let scopes: { departmentId: string | null; label: string }[];
  if (req.scope === 'unit') scopes = [{ departmentId: null, label: scopeLabel(unitName, null) }];
  else {
    // the agency itself may be chosen too: its own people (leaders) have no department
    const all = frozen?.departments ?? [{ id: year.unitId, name: AGENCY_OWN_LABEL }, ...departmentsOf(db, year.unitId)];
    const depts = all.filter((d) => req.departmentIds.includes(d.id));
    if (!depts.length) throw new AppError('INVALID_INPUT', '请至少选择一个本单位的部门。', { field: 'departmentIds' });
    scopes = depts.map((d) => ({ departmentId: d.id, label: scopeLabel(unitName, d.name) }));
  }
  const files = uniquePackFiles(scopes, year.year, req.sheets, req.folder);
  const existing = files.filter((f) => existsSync(f.path));
  if (existing.length) {
    throw new AppError(
      'CONFLICT',
      `所选文件夹中已有同名文件：${existing
        .map((f) => f.fileName)
        .slice(0, 3)
        .join('、')}。请换一个文件夹，或先移走这些文件。`,
      { files: existing.map((f) => f.fileName) },
    );
  }
  return files;
}
