// 动态考核 command-line tool: every contract method as a command (electron/cli/contract), plus task
// commands that chain several methods (imports with preview, the pack, demo…).
// Usage: npm run cli -- <command> [flags] [--operator NAME] [--json] [--data-dir DIR]
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
import { settingsCommands } from './commands/settings';
import { exchangeCommands } from './commands/exchange';
import { calendarCommands } from './commands/calendar';
import { CONTRACT_COMMANDS, findContractCommand, isContractGroup } from './contract/commands';
import { runContractCommand } from './contract/run';
import { printContractCommandHelp, printHelp, printLegacyCommandHelp } from './help';
import { EXIT_FAILED, EXIT_USAGE, exitCodeOf } from './exit-codes';
import {
  operatorName,
  taskSession,
  terminalPrompt,
  WRITE_NEEDS_OPERATOR,
  type CliEnv,
  type CliSession,
} from './session';

export const COMMANDS: CliCommand[] = [
  ...rosterCommands,
  ...importsCommands,
  ...yearsCommands,
  ...settingsCommands,
  ...calendarCommands,
  ...evidenceCommands,
  ...yearendCommands,
  ...packCommands,
  ...trustCommands,
  ...demoCommands,
  ...exchangeCommands,
];

export interface RunCliOptions {
  /** environment variables; default process.env */
  vars?: Record<string, string | undefined>;
  /** hidden prompt for passwords; default: the terminal's, or none when stdin is not a terminal */
  prompt?: CliEnv['prompt'];
}

/** Fixes "now" for the scripted-year test (DA_TEST_NOW=2026-02-20T02:00:00Z); refused outside tests. */
export const TEST_NOW_VAR = 'DA_TEST_NOW';
function testClock(vars: Record<string, string | undefined>): (() => Date) | undefined | string {
  const v = vars[TEST_NOW_VAR];
  if (!v) return undefined;
  // never in the packaged program (Electron runs its CLI), so an installed copy cannot backdate entries
  if ((vars.NODE_ENV !== 'test' && !vars.VITEST) || process.versions.electron)
    return `${TEST_NOW_VAR} 只在测试中有效（NODE_ENV=test），正式数据不能改动日期 / ${TEST_NOW_VAR} is honoured only in tests`;
  const at = new Date(v);
  if (Number.isNaN(at.getTime())) return `${TEST_NOW_VAR} 应为 ISO 时间，如 2026-02-20T02:00:00Z / not an ISO instant`;
  return () => new Date(at.getTime());
}

/** Pulls `--data-dir DIR` (anywhere on the line) out of argv. */
function takeDataDir(argv: string[]): { dataDir: string | null; rest: string[] } {
  const rest: string[] = [];
  let dataDir: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data-dir' && i + 1 < argv.length) dataDir = argv[++i]!;
    else if (a.startsWith('--data-dir=')) dataDir = a.slice('--data-dir='.length);
    else rest.push(a);
  }
  return { dataDir, rest };
}

function helpFor(io: CliIo, words: string[]): number {
  const found = findContractCommand(words);
  if (found) {
    printContractCommandHelp(io, found.command);
    return 0;
  }
  const legacy = COMMANDS.find((c) => c.name === words[0]);
  if (legacy) {
    printLegacyCommandHelp(io, legacy);
    return 0;
  }
  io.err(`未知命令 / unknown command: ${words.join(' ')}。运行 --help 查看可用命令。`);
  return EXIT_USAGE;
}

export async function runCli(
  argv: string[],
  io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) },
  options: RunCliOptions = {},
): Promise<number> {
  const cli: CliEnv = {
    vars: options.vars ?? process.env,
    prompt: options.prompt === undefined ? terminalPrompt() : options.prompt,
  };
  const flagDir = takeDataDir(argv);
  const name = flagDir.rest[0]!;
  const after = argv.slice(argv.indexOf(name) + 1);
  if (!name || name === '--help' || name === '-h') {
    printHelp(io, COMMANDS);
    return name ? 0 : EXIT_USAGE;
  }
  if (name === 'help') {
    const words = after.filter((a) => a !== '--all');
    if (words.length === 0) {
      printHelp(io, COMMANDS, after.includes('--all'));
      return 0;
    }
    return helpFor(io, words);
  }
  const dataDir = flagDir.dataDir ?? defaultDataDir();
  const clock = testClock(cli.vars);
  if (typeof clock === 'string') {
    io.err(clock);
    return EXIT_USAGE;
  }
  let core: AppCore | undefined;
  let taskSessionPromise: Promise<CliSession> | undefined;
  // verify-audit and restore must work on a store whose schema was tampered with (it is reported).
  const schemaDrift = name === 'verify-audit' || name === 'restore' ? 'report' : 'refuse';
  const getCore = () => (core ??= new AppCore({ dataDir, schemaDrift, ...(clock ? { now: clock } : {}) }));
  try {
    const contractCommand = findContractCommand(flagDir.rest);
    const legacy = COMMANDS.find((c) => c.name === name);
    if (legacy) after.unshift(...argv.slice(0, argv.indexOf(name)));
    // a task command of the same name as a capability (units, years, backup, pack) wins unless the
    // next word names one of the capability's methods
    if (contractCommand && (!legacy || contractCommand.command.words.length > 1)) {
      if (contractCommand.rest.includes('--help')) {
        printContractCommandHelp(io, contractCommand.command);
        return 0;
      }
      return await runContractCommand(contractCommand.command, contractCommand.rest, { core: getCore, io, cli });
    }
    const stray = flagDir.rest[1] !== undefined && !flagDir.rest[1].startsWith('--');
    if (!legacy || (isContractGroup(name) && stray)) {
      if (isContractGroup(name)) {
        const actions = CONTRACT_COMMANDS.filter((c) => c.words[0] === name).map((c) => c.words.slice(1).join(' '));
        io.err(
          `未知命令 / unknown command: ${flagDir.rest.slice(0, 2).join(' ')}。“${name}”可用：${actions.join('、')}`,
        );
      } else io.err(`未知命令 / unknown command: ${name}。运行 --help 查看可用命令。`);
      return EXIT_USAGE;
    }
    const args = parseArgs(after);
    if (args.flags.help) {
      printLegacyCommandHelp(io, legacy);
      return 0;
    }
    if (legacy.access === 'write' && !operatorName(args.flags.operator, cli)) {
      io.err(`错误 / error [UNAUTHENTICATED]: ${WRITE_NEEDS_OPERATOR}`);
      return exitCodeOf('UNAUTHENTICATED');
    }
    const session = () => (taskSessionPromise ??= taskSession(getCore(), args.flags.operator, cli, legacy.access));
    return await legacy.run(args, { core: getCore, dataDir, io, cli, session });
  } catch (e) {
    if (e instanceof AppError) {
      io.err(`错误 / error [${e.code}]: ${e.message}`);
      return exitCodeOf(e.code);
    }
    io.err(`程序错误 / internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return EXIT_FAILED;
  } finally {
    if (taskSessionPromise) await taskSessionPromise.then((s) => s.end()).catch(() => undefined);
    core?.close();
  }
}

// Started directly (npm run cli). The Electron main bundle also contains this module, for the
// installed program's --cli switch (electron/main/cli-mode.ts); bundled, `module` is the bundle's
// own, so the Electron check keeps the app from running the CLI on every start.
if (require.main === module && !process.versions.electron) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
