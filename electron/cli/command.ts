// The shape of a command-line command. Messages are bilingual: Chinese first, English after.
import type { AppCore } from '../core/app-core';
import type { CliEnv, CliSession } from './session';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface CliCommand {
  name: string; // e.g. 'import-roster'
  usage: string; // e.g. 'import-roster FILE [--clean-only]'
  summary: string; // 中文说明 / English summary
  /** e.g. 'import-roster 人员名册.xlsx --operator jingban' (shown in help) */
  example?: string;
  /**
   * Who may run it: a write signs in as --operator (refused without one); a read runs as the
   * operator given or as the read-only system identity, and the guard checks the permission;
   * 'system' is the demo, which builds its own store.
   */
  access: 'read' | 'write' | 'system';
  /** returns the process exit code: 0 ok, 2 usage error, else the error kind's code (exit-codes.ts) */
  run(args: ParsedArgs, env: CommandEnv): Promise<number>;
}

export interface CommandEnv {
  core: () => AppCore;
  dataDir: string;
  io: CliIo;
  cli: CliEnv;
  /** the signed-in session (made on first use, signed out when the command ends) */
  session: () => Promise<CliSession>;
}

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (v !== undefined) flags[k] = v;
      else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) flags[k] = argv[++i]!;
      else flags[k] = true;
    } else positional.push(a);
  }
  return { positional, flags };
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}
