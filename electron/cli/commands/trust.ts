// Command-line commands of the audit trail and backups: verify-audit (exit 1 on a broken chain),
// backup [--to DIR], restore FILE, backups. They act as the system operator of this machine.
import { resolve } from 'node:path';
import type { CliCommand } from '../command';
import { flagString } from '../command';
import { backupNow, listBackups, recordRestore, restoreBackup } from '../../core/backup/backup';
import { recordAudit } from '../../core/audit/audit-log';
import { parsePrintedHead } from '../../core/backup/manifest';
import { SYSTEM_OPERATOR, writeTx } from '../../core/context';

export const trustCommands: CliCommand[] = [
  {
    name: 'verify-audit',
    usage: 'verify-audit [--head "第 N 条 HASH"]',
    summary:
      '校验审计日志哈希链与全部数据（有问题时退出码 1；--head 核对汇总表上打印的校验值）/ verify the audit chain and the data (exit 1 on any problem)',
    async run(args, { core, io }) {
      const c = core();
      const printed = flagString(args, 'head');
      const anchor = printed ? parsePrintedHead(printed) : null;
      if (printed && !anchor) {
        io.err('--head 的格式应为“第 N 条 HASH”或“N:HASH”（HASH 为 64 位十六进制）/ --head expects N:HASH');
        return 2;
      }
      const status = c.verifyAudit(anchor ? [anchor] : []);
      if (c.schemaProblems.length) {
        io.err(
          `数据库结构被改动：${c.schemaProblems.join('；')}。请从备份恢复（restore FILE）/ schema differs from this program's migrations`,
        );
        if (status.ok) io.err(`审计链本身完整：共 ${status.count} 条 / the audit chain itself verifies`);
      }
      if (status.ok && !c.schemaProblems.length) {
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
    async run(args, { core, io }) {
      const c = core();
      const to = flagString(args, 'to');
      const info = await backupNow(c, c.dataDir, to ? 'copy' : 'manual', to ? { dir: resolve(to) } : {});
      const ctx = c.ctx(SYSTEM_OPERATOR);
      writeTx(ctx, () =>
        recordAudit(ctx, {
          action: to ? 'backup.toFolder' : 'backup.create',
          entity: 'backup',
          entityId: info.file,
          reason: '命令行',
        }),
      );
      io.out(`已备份 / backed up: ${info.file}（${Math.round(info.bytes / 1024)} KB）`);
      return 0;
    },
  },
  {
    name: 'backups',
    usage: 'backups',
    summary: '列出数据目录中的备份 / list the backups',
    async run(_args, { dataDir, io }) {
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
    async run(args, { core, io }) {
      const file = args.positional[0];
      if (!file) {
        io.err('请指定备份文件 / usage: restore FILE');
        return 2;
      }
      const c = core();
      const ctx = c.ctx(SYSTEM_OPERATOR);
      const result = await restoreBackup(c.db, c.dataDir, c.storeFile, resolve(file), c.now(), (staging, facts) =>
        recordRestore({ ...ctx, db: staging }, resolve(file), facts, flagString(args, 'reason') ?? '命令行恢复'),
      );
      c.schemaProblems = [];
      c.sealBaselineIfDue();
      io.out(
        `已从 ${result.restoredFrom} 恢复；原数据已备份为 ${result.safetyBackup} / restored; previous data saved as ${result.safetyBackup}`,
      );
      if (!result.auditOk) io.err("注意：该备份的审计链校验未通过 / warning: the backup's audit chain does not verify");
      return 0;
    },
  },
];
