// The victim of the crash-safety test, on a copy of a demo store whose years are in review: runs an
// import (5,000 people, one transaction with their audit rows), the committee's decisions (the
// year-end bulk accept of every year, one transaction; later cycles a 5,000-row update batch) and a
// pack export (xlsx through temp + rename) in a loop, printing each step, until the parent SIGKILLs it.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { AppCore } from '../../electron/core/app-core';
import { SYSTEM_OPERATOR, writeTx } from '../../electron/core/context';
import { createPerson, createUnit, findUnitByName, updatePerson } from '../../electron/core/roster';
import { bulkAccept } from '../../electron/core/yearend/decisions';
import { writeFileAtomic } from '../../electron/core/backup/atomic-write';

export const BATCH = 5000;
export const PACK_ROWS = 1000;

async function main(): Promise<void> {
  const [dataDir, outDir, mode] = process.argv.slice(2) as [string, string, string | undefined];
  // 'pack-only' skips the store work so that every kill lands inside an export.
  const packOnly = mode === 'pack-only';
  mkdirSync(outDir, { recursive: true });
  const core = new AppCore({ dataDir, logError: () => undefined });
  const ctx = core.ctx(SYSTEM_OPERATOR);
  const agency = findUnitByName(core.db, '测试局', null) ?? createUnit(ctx, { name: '测试局', parentId: null });
  const dept = findUnitByName(core.db, '办公室', agency.id) ?? createUnit(ctx, { name: '办公室', parentId: agency.id });
  const years = (
    core.db.prepare("SELECT id FROM assessment_year WHERE stage = 'review'").all() as { id: string }[]
  ).map((r) => r.id);
  process.stdout.write('ready\n');
  for (let batch = 0; ; batch++) {
    const ids: string[] = [];
    if (!packOnly)
      writeTx(ctx, () => {
        for (let k = 0; k < BATCH; k++) {
          ids.push(
            createPerson(ctx, {
              personNo: `B${batch}-${k}`,
              name: `人员${batch}-${k}`,
              unitId: dept.id,
              category: 'civil_servant',
            }).id,
          );
        }
      });
    process.stdout.write(`import ${batch}\n`);
    if (!packOnly)
      writeTx(ctx, () => {
        if (batch === 0) for (const yearId of years) bulkAccept(ctx, { yearId, departmentId: null });
        else for (const id of ids) updatePerson(ctx, id, { position: `D${batch}` });
      });
    process.stdout.write(`decide ${batch}\n`);
    await writeFileAtomic(dataDir, join(outDir, `pack-${batch}.xlsx`), async (temp) => {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp });
      const ws = wb.addWorksheet('年度考核');
      for (let r = 1; r <= PACK_ROWS; r++) ws.addRow([r, `人员${batch}-${r}`, '称职', '2026-12-31']).commit();
      ws.commit();
      await wb.commit();
    });
    process.stdout.write(`pack ${batch}\n`);
  }
}

void main();
