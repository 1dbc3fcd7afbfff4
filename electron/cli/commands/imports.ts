// Command-line commands of spreadsheets in and out: imports (same checks and messages as the window,
// run in the same heap-limited worker), department templates and the roster export.
import { resolve } from 'node:path';
import type { CliCommand, CliIo, ParsedArgs } from '../command';
import { flagString } from '../command';
import type { AppCore } from '../../core/app-core';
import { callJob, grant } from '../calls';
import { exitCodeOf } from '../exit-codes';
import { IMPORT_KINDS, IMPORT_KIND_LABEL, type ImportKind } from '../../../shared/import/columns';
import type { ImportPreview, ImportResult } from '../../../shared/import/types';
import { AppError } from '../../../shared/result';
import { many } from '../../core/db/query';

function resolveUnit(core: AppCore, ref: string | undefined): string | null {
  if (!ref) return null;
  const rows = many<{ id: string }>(core.db, 'SELECT id FROM unit WHERE id = ? OR name = ?', ref, ref);
  if (rows.length === 1) return rows[0]!.id;
  throw new AppError(
    'NOT_FOUND',
    rows.length
      ? `单位“${ref}”有重名，请改用单位编号 / ambiguous unit name, use its id`
      : `找不到单位“${ref}” / unit not found`,
  );
}

function resolvePeriod(core: AppCore, ref: string | undefined): string | null {
  if (!ref) return null;
  const rows = many<{ id: string }>(core.db, 'SELECT id FROM period WHERE id = ? OR code = ?', ref, ref);
  if (rows.length === 1) return rows[0]!.id;
  throw new AppError(
    'NOT_FOUND',
    rows.length
      ? `期间“${ref}”在多个年度中都有，请改用期间编号 / ambiguous period code, use its id`
      : `找不到期间“${ref}” / period not found`,
  );
}

function printIssues(io: CliIo, p: ImportPreview): void {
  for (const i of p.issues)
    io.err(
      `  工作表“${i.sheet}” 第 ${i.row} 行${i.column ? ` ${i.column}列（${i.header}）` : ''}${i.value ? `「${i.value}」` : ''}：${i.problem}`,
    );
  if (p.issueTotal > p.issues.length)
    io.err(`  ……另有 ${p.issueTotal - p.issues.length} 处错误未列出 / ${p.issueTotal - p.issues.length} more`);
}

function importCommand(kind: ImportKind, extraUsage = ''): CliCommand {
  const label = IMPORT_KIND_LABEL[kind];
  return {
    name: `import-${kind}`,
    usage: `import-${kind} FILE [--clean-only]${extraUsage}`,
    summary: `导入${label}表格（预览、逐格校验，再一次性导入） / import ${kind} from xlsx`,
    example: `import-${kind} ./${label}.xlsx${kind === 'ratings' ? ' --period 2025Q1' : ''} --operator jingban`,
    access: 'write',
    async run(args: ParsedArgs, env) {
      const file = args.positional[0];
      if (!file) {
        env.io.err(`用法 / usage: import-${kind} FILE [--clean-only]${extraUsage} --operator 用户名`);
        return 2;
      }
      const core = env.core();
      const path = resolve(file);
      await grant(env, path);
      // imports.preview then imports.apply in one session: the preview is kept in this process
      const preview = await callJob<ImportPreview>(env, 'imports.preview', {
        kind,
        path,
        unitId: resolveUnit(core, flagString(args, 'unit')),
        periodId: resolvePeriod(core, flagString(args, 'period')),
      });
      const s = preview.summary;
      env.io.out(
        `${preview.fileName}：${s.dataRows} 行数据，新增 ${s.add}，修改 ${s.change}，不变 ${s.unchanged}，有错误 ${s.errorRows} 行 / rows ${s.dataRows}, add ${s.add}, change ${s.change}, unchanged ${s.unchanged}, bad ${s.errorRows}`,
      );
      for (const w of preview.capWarnings) env.io.err(`“好”等次将超过比例上限 / over the cap on 好: ${w}`);
      const cleanOnly = args.flags['clean-only'] === true;
      if (preview.issueTotal) {
        env.io.err(`发现 ${preview.issueTotal} 处错误 / ${preview.issueTotal} bad cells:`);
        printIssues(env.io, preview);
        if (!cleanOnly) {
          env.io.err(
            '未导入任何数据。请改正后重新导入，或加 --clean-only 仅导入无误的行。 / Nothing imported; fix the file or pass --clean-only.',
          );
          return exitCodeOf('IMPORT_REJECTED');
        }
      }
      const result = await callJob<ImportResult>(env, 'imports.apply', {
        previewId: preview.previewId,
        mode: cleanOnly ? 'clean' : 'all',
      });
      env.io.out(`${result.message} / added ${result.added}, changed ${result.changed}, skipped ${result.skippedRows}`);
      return 0;
    },
  };
}

export const importsCommands: CliCommand[] = [
  importCommand('roster', ' [--unit U]'),
  importCommand('ratings', ' [--period P] [--unit U]'),
  importCommand('evidence', ' [--unit U]'),
  importCommand('history'),
  {
    name: 'template',
    usage: 'template --kind K --unit U [--period P] --out FILE',
    summary: '生成部门填报模板（K = roster/ratings/evidence/history）/ write a department template',
    example: 'template --kind ratings --unit 办公室 --period 2025Q1 --out ./办公室-2025Q1.xlsx',
    access: 'read',
    async run(args, env) {
      const kind = flagString(args, 'kind') as ImportKind | undefined;
      const out = flagString(args, 'out');
      const unit = flagString(args, 'unit');
      if (!kind || !IMPORT_KINDS.includes(kind) || !out || !unit) {
        env.io.err(
          '用法 / usage: template --kind roster|ratings|evidence|history --unit 单位名称或编号 [--period 2026Q1] --out 文件.xlsx',
        );
        return 2;
      }
      const core = env.core();
      const unitId = resolveUnit(core, unit)!;
      const periodId = resolvePeriod(core, flagString(args, 'period'));
      const path = resolve(out);
      await grant(env, path);
      const r = await callJob<{ path: string; people: number }>(env, 'templates.generate', {
        kind,
        unitId,
        periodId,
        path,
      });
      env.io.out(`已生成${IMPORT_KIND_LABEL[kind]}模板（预填 ${r.people} 人）：${r.path} / template written`);
      return 0;
    },
  },
  {
    name: 'export-roster',
    usage: 'export-roster --out FILE [--unit U] [--include-left]',
    summary: '导出人员名册（身份证号打码）/ export the roster to xlsx',
    example: 'export-roster --out ./人员名册导出.xlsx',
    access: 'read',
    async run(args, env) {
      const out = flagString(args, 'out');
      if (!out) {
        env.io.err('用法 / usage: export-roster --out 文件.xlsx [--unit U] [--include-left]');
        return 2;
      }
      const path = resolve(out);
      await grant(env, path);
      const r = await callJob<{ path: string; people: number }>(env, 'imports.exportRoster', {
        path,
        unitId: resolveUnit(env.core(), flagString(args, 'unit')),
        includeLeft: args.flags['include-left'] === true,
      });
      env.io.out(`已导出 ${r.people} 人：${r.path} / exported`);
      return 0;
    },
  },
];
