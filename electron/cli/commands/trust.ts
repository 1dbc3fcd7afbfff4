// Command-line commands of the audit trail and backups: verify-audit (exit 1 on a broken chain),
// backup [--to DIR], restore FILE, backups. Backups and restores sign in as an administrator;
// the checks and the listing may run as the read-only system identity.
import { resolve } from 'node:path';
import type { CliCommand } from '../command';
import { flagString } from '../command';
import { listBackups } from '../../core/backup/backup';
import { parsePrintedHead } from '../../core/backup/manifest';
import type { BackupDto } from '../../../shared/api/trust';
import { call, callJob, grant, readCtx } from '../calls';

export const trustCommands: CliCommand[] = [
  {
    name: 'verify-audit',
    usage: 'verify-audit [--head "第 N 条 HASH"]',
    summary:
      '校验审计日志哈希链与全部数据（有问题时退出码 1；--head 核对汇总表上打印的校验值）/ verify the audit chain and the data (exit 1 on any problem)',
    example: 'verify-audit --head "第 1024 条 3f5a…"',
    access: 'read',
    async run(args, env) {
      const { io } = env;
      const printed = flagString(args, 'head');
      const anchor = printed ? parsePrintedHead(printed) : null;
      if (printed && !anchor) {
        io.err('--head 的格式应为“第 N 条 HASH”或“N:HASH”（HASH 为 64 位十六进制）/ --head expects N:HASH');
        return 2;
      }
      await call(env, 'audit.verify', {}); // the permission check, and the full walk
      // The full status (every problem), with the printed head as one more anchor when given.
      const status = anchor ? env.core().verifyAudit([anchor]) : env.core().auditStatus;
      const schemaProblems = env.core().schemaProblems;
      if (schemaProblems.length) {
        io.err(
          `数据库结构被改动：${schemaProblems.join('；')}。请从备份恢复（restore FILE）/ schema differs from this program's migrations`,
        );
        if (status.ok) io.err(`审计链本身完整：共 ${status.count} 条 / the audit chain itself verifies`);
      }
      if (status.ok && !schemaProblems.length) {
        io.out(
          `审计链完整：共 ${status.count} 条，链头 ${status.head} / audit chain intact: ${status.count} entries, head ${status.head}`,
        );
        return 0;
      }
      if (status.ok) return 1;
      io.err(
        `审计检查发现 ${status.problemTotal} 处问题 / audit check found ${status.problemTotal} problem(s), first at entry #${status.brokenSeq}:`,
      );
      for (const p of status.problems.slice(0, 50)) io.err(`  - ${p}`);
      if (status.problemTotal > 50) io.err(`  …另有 ${status.problemTotal - 50} 处`);
      if (status.acknowledged) io.err('（以上问题均已由系统管理员确认 / all acknowledged by an administrator）');
      return 1;
    },
  },
  {
    name: 'backup',
    usage: 'backup [--to DIR]',
    summary: '立即备份数据（默认到数据目录 backups/，可指定U盘文件夹）/ back up the store now',
    example: 'backup --to E:/备份 --operator guanli',
    access: 'write',
    async run(args, env) {
      const { io } = env;
      const to = flagString(args, 'to');
      let info: BackupDto;
      if (to) {
        const folder = resolve(to);
        await grant(env, folder);
        info = await callJob<BackupDto>(env, 'backup.toFolder', { folder });
      } else info = await callJob<BackupDto>(env, 'backup.create', {});
      io.out(`已备份 / backed up: ${info.file}（${Math.round(info.bytes / 1024)} KB）`);
      return 0;
    },
  },
  {
    name: 'backups',
    usage: 'backups',
    summary: '列出数据目录中的备份 / list the backups',
    example: 'backups',
    access: 'read',
    async run(_args, env) {
      const { dataDir, io } = env;
      // a file listing: open to administrators, auditors and the read-only identity
      await readCtx(env, ['backup.manage', 'audit.read'], 'backup.list');
      const rows = listBackups(dataDir);
      if (rows.length === 0) io.out('没有备份 / no backups');
      for (const b of rows)
        io.out(`${b.at}  ${b.reason.padEnd(20)} ${String(Math.round(b.bytes / 1024)).padStart(8)} KB  ${b.file}`);
      return 0;
    },
  },
  {
    name: 'restore',
    usage: 'restore FILE [--reason TEXT]',
    summary:
      '从备份恢复（先校验备份，并先备份当前数据）/ restore from a backup (checked; current data backed up first)',
    example: 'restore ./backups/某备份.sqlite --reason 误删数据 --operator guanli',
    access: 'write',
    async run(args, env) {
      const { io } = env;
      const file = args.positional[0];
      if (!file) {
        io.err('请指定备份文件 / usage: restore FILE');
        return 2;
      }
      const path = resolve(file);
      await grant(env, path);
      const result = await call(env, 'backup.restore', {
        file: path,
        reason: flagString(args, 'reason') ?? '命令行恢复',
      });
      io.out(
        `已从 ${result.restoredFrom} 恢复；原数据已备份为 ${result.safetyBackup} / restored; previous data saved as ${result.safetyBackup}`,
      );
      if (!result.auditOk) io.err("注意：该备份的审计链校验未通过 / warning: the backup's audit chain does not verify");
      return 0;
    },
  },
];
