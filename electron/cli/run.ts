// 动态考核 command-line tool: core operations without the window (demo, imports, pack, backup…).
// Run by npm run cli (electron/cli/index.ts) and by the installed program's --cli switch
// (electron/main/cli-mode.ts); this module only defines it, so bundling it starts nothing.
import { AppCore } from '../core/app-core';
import { defaultDataDir } from '../core/db/paths';
import { AppError } from '../../shared/result';
import { parseArgs, type CliCommand, type CliIo } from './command';
import { rosterCommands } from './commands/roster';
import { importsCommands } from './commands/imports';
import { yearsCommands } from './commands/years';
import { evidenceCommands } from './commands/evidence';
import { yearendCommands } from './commands/yearend';
import { packCommands } from './commands/pack';
import { trustCommands } from './commands/trust';
import { demoCommands } from './commands/demo';

export const COMMANDS: CliCommand[] = [
  ...rosterCommands,
  ...importsCommands,
  ...yearsCommands,
  ...evidenceCommands,
  ...yearendCommands,
  ...packCommands,
  ...trustCommands,
  ...demoCommands,
];

function help(io: CliIo): void {
  io.out('动态考核 命令行工具 / Dynamic Assessment command line');
  io.out('用法 / usage: npm run cli -- <命令 command> [参数 args] [--data-dir 数据目录]');
  io.out('安装版 / installed app: da-cli <命令> (Windows)，dynamic-assessment --cli <命令> (Linux)');
  io.out('');
  for (const c of COMMANDS) io.out(`  ${c.usage.padEnd(52)} ${c.summary}`);
  io.out('');
  io.out('数据目录默认 / default data folder: ' + defaultDataDir() + '（可用环境变量 DA_DATA_DIR 或 --data-dir 指定）');
}

export async function runCli(
  argv: string[],
  io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) },
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    help(io);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`未知命令 / unknown command: ${name}。运行 --help 查看可用命令。`);
    return 2;
  }
  const args = parseArgs(rest);
  if (args.flags.help) {
    io.out(`用法 / usage: ${command.usage}\n${command.summary}`);
    return 0;
  }
  const dataDir = typeof args.flags['data-dir'] === 'string' ? args.flags['data-dir'] : defaultDataDir();
  let core: AppCore | undefined;
  const getCore = () => (core ??= new AppCore({ dataDir }));
  try {
    return await command.run(args, { core: getCore, dataDir, io });
  } catch (e) {
    if (e instanceof AppError) {
      io.err(`错误 / error [${e.code}]: ${e.message}`);
      return 1;
    }
    io.err(`程序错误 / internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  } finally {
    core?.close();
  }
}
