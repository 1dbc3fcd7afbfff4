// The command line's help: task commands first, then one command per contract method grouped by
// capability (each naming its method, so a test can compare the list with the contract), the
// identity rules and the exit codes. `help COMMAND` (or COMMAND --help) gives flags and an example.
import { contract } from '../../shared/api';
import { defaultDataDir } from '../core/db/paths';
import type { CliCommand, CliIo } from './command';
import {
  CAPABILITIES,
  CONTRACT_COMMANDS,
  commandExample,
  commandUsage,
  secretVariables,
  type ContractCommand,
} from './contract/commands';
import { EXIT_CODE } from './exit-codes';
import { NEW_PASSWORD_VAR, OPERATOR_VAR, PASSWORD_VAR } from './session';

const PAD = 34;

export function printContractCommandHelp(io: CliIo, c: ContractCommand): void {
  io.out(`用法 / usage: npm run cli -- ${commandUsage(c)} [--json] [--operator 用户名] [--input JSON|@文件]`);
  io.out(`${c.summary} / ${c.summaryEn}（接口 method ${c.method}，权限 permission ${contract[c.method].permission}）`);
  if (c.windowOnly) io.out(`仅用于桌面窗口 / window only: ${c.windowOnly}`);
  io.out(
    c.readOnly
      ? '只读：可不登录，以只读系统身份运行 / read-only: runs without --operator'
      : contract[c.method].permission === 'public'
        ? '无需登录 / needs no log-in'
        : '修改数据：须 --operator / a write: needs --operator',
  );
  const secrets = secretVariables(c);
  if (secrets.length)
    io.out(
      `密码取自环境变量 ${secrets.join('、')} 或终端提示，不能写在命令行上 / passwords from ${secrets.join(', ')} or the prompt, never a flag`,
    );
  if (c.job) io.out('后台任务：命令等待其完成并打印结果 / a background job: the command waits and prints its result');
  io.out(`例 / example: ${commandExample(c)}`);
}

/** A write's usage shows the operator it signs in as. */
const taskUsage = (c: CliCommand): string => (c.access === 'write' ? `${c.usage} --operator 用户名` : c.usage);

export function printLegacyCommandHelp(io: CliIo, c: CliCommand): void {
  io.out(`用法 / usage: npm run cli -- ${taskUsage(c)}`);
  io.out(c.summary);
  if (c.access === 'read') io.out('只读：可不登录，以只读系统身份运行 / read-only: runs without --operator');
  if (c.example) io.out(`例 / example: npm run cli -- ${c.example}`);
}

export function printHelp(io: CliIo, tasks: CliCommand[], all = false): void {
  io.out('动态考核 命令行工具 / Dynamic Assessment command line');
  io.out('用法 / usage: npm run cli -- <命令 command> [参数 flags] [--operator 用户名] [--json] [--data-dir 数据目录]');
  io.out('      npm run cli -- help <命令>    查看参数和示例 / flags and an example of one command');
  io.out('      npm run cli -- help --all     全部命令的参数和示例 / every command with flags and example');
  io.out('安装版 / installed app: da-cli <命令> (Windows)，dynamic-assessment --cli <命令> (Linux)');
  io.out('');
  io.out('常用命令 / task commands:');
  for (const c of tasks) {
    io.out(`  ${taskUsage(c).padEnd(PAD + 18)} ${c.summary}${c.access === 'write' ? ' ✎' : ''}`);
    if (all && c.example) io.out(`  ${''.padEnd(PAD + 18)} 例 / e.g. npm run cli -- ${c.example}`);
  }
  io.out('');
  const runnable = CONTRACT_COMMANDS.filter((c) => !c.windowOnly).length;
  io.out(
    `接口命令 / contract commands: ${runnable} 条可运行，共 ${CONTRACT_COMMANDS.length} 个接口方法 / ${runnable} runnable of ${CONTRACT_COMMANDS.length} contract methods`,
  );
  for (const cap of CAPABILITIES) {
    io.out(` 【${cap.label}】`);
    for (const c of CONTRACT_COMMANDS.filter((x) => x.capability === cap)) {
      const mark = c.windowOnly ? '（仅窗口 window only）' : c.readOnly ? '' : ' ✎';
      io.out(`  ${c.words.join(' ').padEnd(PAD)} ${c.summary} / ${c.summaryEn}${mark}  [${c.method}]`);
      if (all) {
        io.out(`  ${''.padEnd(PAD)} ${commandUsage(c)}`);
        io.out(`  ${''.padEnd(PAD)} 例 / e.g. ${commandExample(c)}`);
      }
    }
  }
  io.out('  ✎ = 修改数据，须以操作员身份运行 / changes data: needs --operator');
  io.out('');
  io.out('身份 / identity:');
  io.out(`  --operator 用户名（或环境变量 ${OPERATOR_VAR}）：以该操作员登录，权限、授权部门与锁定规则同桌面程序；`);
  io.out(`  密码取自环境变量 ${PASSWORD_VAR}，否则在终端提示输入（新密码取自 ${NEW_PASSWORD_VAR} 或提示）。`);
  io.out('  不加 --operator 时，只读命令以“命令行只读身份（系统）”运行，修改数据的命令被拒绝。');
  io.out('  Writes sign in as the named operator (same roles, scopes and lockout as the app); reads may run');
  io.out('  as the read-only system identity. Ids may be given as names: 办公室, C001, 2025, 2025Q1, 2025/单位.');
  io.out('');
  io.out('退出码 / exit codes: 0 成功 ok · 1 校验未通过或程序错误 failed/internal · 2 用法错误 usage');
  io.out(
    '  ' +
      Object.entries(EXIT_CODE)
        .filter(([, n]) => n > 2)
        .map(([code, n]) => `${n} ${code}`)
        .join(' · '),
  );
  io.out('');
  io.out(`数据目录默认 / default data folder: ${defaultDataDir()}（可用环境变量 DA_DATA_DIR 或 --data-dir 指定）`);
}
