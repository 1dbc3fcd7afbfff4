// Command-line commands of the Excel evaluation pack: `pack` writes the pack of one unit's year
// (one workbook, or one per department) into a folder, through the same worker job as the app.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SYSTEM_OPERATOR } from '../../core/context';
import type { AppCore } from '../../core/app-core';
import { startPackExport } from '../../core/pack/start-export';
import type { WrittenFile } from '../../core/pack/export-pack';
import { departmentsOf } from '../../core/years/year-repo';
import { packSheetKind, PACK_SHEET_KINDS, type PackSheetKind } from '../../../shared/sheets/pack-sheets';
import { AppError } from '../../../shared/result';
import { flagString, type CliCommand, type CliIo } from '../command';
import { callJob, grant, readCtx } from '../calls';
import { many, the } from '../../core/db/query';

/** The year of a unit (by id or name); with one agency holding that year, the unit may be omitted. */
export function findYearId(core: AppCore, year: number, unit: string | undefined): string {
  const rows = many<{ id: string; name: string }>(
    core.db,
    `SELECT y.id, u.name FROM assessment_year y JOIN unit u ON u.id = y.unit_id WHERE y.year = ? AND (? IS NULL OR u.id = ? OR u.name = ?)`,
    year,
    unit ?? null,
    unit ?? null,
    unit ?? null,
  );
  if (rows.length === 1) return rows[0]!.id;
  if (!rows.length)
    throw new AppError(
      'NOT_FOUND',
      `找不到${unit ? `单位“${unit}”的` : ''}${year}年度考核 / no ${year} year${unit ? ` for unit ${unit}` : ''}`,
    );
  throw new AppError(
    'INVALID_INPUT',
    `${year}年度有多个单位，请用 --unit 指定：${rows.map((r) => r.name).join('、')} / several units have this year: pass --unit`,
  );
}

/** The demo's pack: the worker job as the system identity (the demo's own store); returns the files written. */
export async function writePackToFolder(
  core: AppCore,
  yearId: string,
  out: string,
  byDepartment: boolean,
  sheets: PackSheetKind[] = [...PACK_SHEET_KINDS],
  io?: CliIo,
): Promise<WrittenFile[]> {
  const folder = resolve(out);
  mkdirSync(folder, { recursive: true });
  const agencyId = the<{ unit_id: string }>(
    core.db,
    'SELECT unit_id FROM assessment_year WHERE id = ?',
    yearId,
  ).unit_id;
  const departmentIds = byDepartment ? [agencyId, ...departmentsOf(core.db, agencyId).map((d) => d.id)] : [];
  const started = startPackExport(core, SYSTEM_OPERATOR, {
    yearId,
    scope: byDepartment ? 'departments' : 'unit',
    departmentIds,
    sheets,
    folder,
  });
  let last = -1;
  // Each tenth as the job reports it (the runner's pushed states), not read on a timer.
  const stop = core.jobs.subscribe((s) => {
    if (s.id !== started.id || s.status !== 'running') return;
    const tenth = s.total ? Math.floor((s.done / s.total) * 10) * 10 : 0;
    if (io && tenth !== last) io.out(`  ${tenth}% ${s.message}`);
    last = tenth;
  });
  const end = await core.jobs.wait(started.id).finally(stop);
  if (end.status !== 'done')
    throw new AppError(
      end.error?.code ?? 'INTERNAL',
      end.error?.message ?? '生成考核材料失败 / pack failed',
      end.error?.details,
    );
  return (end.value as { files: WrittenFile[] }).files;
}

export const packCommands: CliCommand[] = [
  {
    name: 'pack',
    usage: 'pack --year Y [--unit U] --out DIR [--by-department] [--sheets forms,summary,…]',
    summary: '生成年度考核材料（Excel，A4 打印版）/ write the evaluation pack workbooks',
    example: 'pack --year 2025 --unit 示例局 --out ./考核材料 --operator jingban',
    access: 'write',
    async run(args, env) {
      const { core, io } = env;
      const year = Number(flagString(args, 'year'));
      const out = flagString(args, 'out');
      if (!Number.isInteger(year) || year < 2000 || year > 2100 || !out) {
        io.err('用法 / usage: pack --year 2026 [--unit 单位名称或编号] --out 文件夹 [--by-department]');
        return 2;
      }
      const sheetsFlag = flagString(args, 'sheets');
      const sheets = sheetsFlag ? sheetsFlag.split(',').map((s) => s.trim()) : [...PACK_SHEET_KINDS];
      const bad = sheets.filter((s) => !packSheetKind.safeParse(s).success);
      if (bad.length) {
        io.err(`未知的表格 / unknown sheets: ${bad.join(',')}（可选 / choose from: ${PACK_SHEET_KINDS.join(',')}）`);
        return 2;
      }
      const c = core();
      const yearId = findYearId(c, year, flagString(args, 'unit'));
      const byDepartment = args.flags['by-department'] === true;
      const folder = resolve(out);
      const agencyId = the<{ unit_id: string }>(
        c.db,
        'SELECT unit_id FROM assessment_year WHERE id = ?',
        yearId,
      ).unit_id;
      await grant(env, folder);
      // the same job the window starts (pack.export): permission, scope and file checks included
      await readCtx(env, ['pack.export'], 'pack.export');
      mkdirSync(folder, { recursive: true });
      let last = -1;
      const { files } = await callJob<{ files: WrittenFile[] }>(
        env,
        'pack.export',
        {
          yearId,
          scope: byDepartment ? 'departments' : 'unit',
          departmentIds: byDepartment ? [agencyId, ...departmentsOf(c.db, agencyId).map((d) => d.id)] : [],
          sheets,
          folder,
        },
        (s) => {
          const pct = s.total ? Math.floor((s.done / s.total) * 100) : 0;
          if (pct !== last && pct % 10 === 0) io.out(`  ${pct}% ${s.message}`);
          last = pct;
        },
      );
      for (const f of files) io.out(`已生成 / written: ${f.path}（${f.persons} 人，${f.pages} 页 / pages）`);
      return 0;
    },
  },
];

/**
 * Agencies whose packs the demo writes. A district-size demo (80 agencies at 20,000 people) writes the
 * first one's: all of them are some 65,000 pages and many minutes, and the others print the same way.
 */
export const DEMO_PACK_AGENCIES = 3;

/** The demo's last step: the full pack of the demo year, per agency, in <demo data dir>/考核材料. */
export async function writeDemoPack(
  run: { core: AppCore; dataDir: string; summary: { year: number; agencies: { yearId: string; name: string }[] } },
  io: CliIo,
): Promise<void> {
  const folder = join(run.dataDir, '考核材料');
  // the demo replaced its store; its pack folder is replaced with it (only inside the demo's folder)
  rmSync(folder, { recursive: true, force: true });
  const agencies = run.summary.agencies;
  const written = agencies.length > DEMO_PACK_AGENCIES ? agencies.slice(0, 1) : agencies;
  for (const a of written) {
    const files = await writePackToFolder(run.core, a.yearId, folder, false);
    for (const f of files) io.out(`考核材料 / evaluation pack: ${f.path}（${f.persons} 人，${f.pages} 页 / pages）`);
  }
  if (written.length < agencies.length)
    io.out(
      `其余 ${agencies.length - written.length} 个单位的考核材料未生成：在程序“考核材料”页导出，或运行 npm run cli -- pack --year ${run.summary.year} --unit 单位名称 --out 文件夹` +
        ` / the other ${agencies.length - written.length} agencies' packs were not written: export them in the app or with the pack command`,
    );
}
