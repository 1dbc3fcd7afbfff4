// Runs one contract command: flags → input, references → ids, then the same dispatch the window
// uses (schema, session guard, permission, handler, audit). A job is waited for through jobs.get.
import { contract } from '../../../shared/api';
import { roleHas } from '../../../shared/auth/permissions';
import { AppError, type AppErrorShape } from '../../../shared/result';
import { dispatch } from '../../core/api/dispatch';
import { grantPath } from '../../core/api/handlers/desktop';
import type { AppCore } from '../../core/app-core';
import type { CliIo } from '../command';
import { EXIT_OK, EXIT_USAGE, exitCodeOf } from '../exit-codes';
import {
  askSecret,
  NEW_PASSWORD_VAR,
  WRITE_NEEDS_OPERATOR,
  operatorName,
  signIn,
  unsignedSession,
  type CliEnv,
} from '../session';
import { parseInput, UsageError } from './argv';
import { absolutePaths, type ContractCommand } from './commands';
import { resolveRefs } from './refs';
import { printValue } from './render';
import type { JobStateDto } from '../../../shared/api/jobs';
import { mkdirSync } from 'node:fs';

export function printError(io: CliIo, e: AppErrorShape | { code: string; message: string; details?: unknown }): number {
  io.err(`错误 / error [${e.code}]: ${e.message}`);
  const details = e.details as { issues?: { sheet?: string; row?: number; column?: string; problem?: string }[] };
  if (e.code === 'IMPORT_REJECTED' && Array.isArray(details?.issues))
    for (const i of details.issues.slice(0, 20))
      io.err(`  工作表“${i.sheet ?? ''}” 第 ${i.row ?? ''} 行 ${i.column ?? ''}：${i.problem ?? ''}`);
  return exitCodeOf(e.code);
}

export interface ContractRunEnv {
  core: () => AppCore;
  io: CliIo;
  cli: CliEnv;
}

/** Where a password sits in the input given on the command line (`--password`, `--admin '{"password":…}'`), or null. */
export function passwordOnCommandLine(value: unknown, path: string[] = []): string | null {
  if (!value || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (/password$/i.test(k) && v !== undefined) return [...path, k].join('.');
    const inner = passwordOnCommandLine(v, [...path, k]);
    if (inner) return inner;
  }
  return null;
}

/** First-run setup: each account's password from its own variable or the prompt. */
export const SETUP_PASSWORD_VARS = { admin: 'DA_ADMIN_PASSWORD', security: 'DA_SECURITY_PASSWORD' } as const;

async function fillSetupPasswords(input: Record<string, unknown>, env: CliEnv): Promise<void> {
  for (const [key, variable] of Object.entries(SETUP_PASSWORD_VARS)) {
    const account = input[key];
    if (!account || typeof account !== 'object') continue;
    const who = key === 'admin' ? '系统管理员' : '安全管理员';
    (account as Record<string, unknown>).password = await askSecret(env, variable, `${who}密码 / ${key} password: `);
  }
}

/** Fills password fields left out: the old one is the sign-in password, new ones come from env or prompt. */
async function fillPasswords(
  c: ContractCommand,
  input: Record<string, unknown>,
  signInPassword: string | null,
  env: CliEnv,
) {
  for (const f of c.fields) {
    if (!/password$/i.test(f.key) || f.key in input) continue;
    if (f.key === 'oldPassword' && signInPassword) input[f.key] = signInPassword;
    else if (f.key === 'newPassword' || f.key === 'password')
      input[f.key] = await askSecret(
        env,
        NEW_PASSWORD_VAR,
        `${f.key === 'newPassword' ? '新密码' : '账号密码'} / ${f.key}: `,
      );
  }
}

export async function runContractCommand(c: ContractCommand, argv: string[], env: ContractRunEnv): Promise<number> {
  const { io } = env;
  if (c.windowOnly) {
    io.err(`“${c.words.join(' ')}”（${c.method}）只用于桌面窗口：${c.windowOnly}`);
    return EXIT_USAGE;
  }
  let parsed;
  try {
    parsed = parseInput(argv, c.fields);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      return EXIT_USAGE;
    }
    throw e;
  }
  // A flag shows in the process list and the shell's history: passwords come from the environment or the prompt.
  const secret = passwordOnCommandLine(parsed.input);
  if (secret) {
    const variable =
      c.method === 'auth.setup' ? `${SETUP_PASSWORD_VARS.admin} / ${SETUP_PASSWORD_VARS.security}` : NEW_PASSWORD_VAR;
    io.err(
      `密码不能写在命令行上（其他用户可在进程列表和命令历史中看到）：去掉 ${secret}，密码取自环境变量 ${variable} 或在终端提示时输入 / no passwords on the command line: use ${variable} or the prompt`,
    );
    return EXIT_USAGE;
  }
  const spec = contract[c.method];
  const core = env.core();
  const name = operatorName(parsed.globals.operator, env.cli);
  if (!name && !c.readOnly && spec.permission !== 'public') {
    io.err(`错误 / error [UNAUTHENTICATED]: “${c.words.join(' ')}”${WRITE_NEEDS_OPERATOR.replace('该命令', '')}`);
    return exitCodeOf('UNAUTHENTICATED');
  }
  let input: Record<string, unknown>;
  try {
    input = resolveRefs(core.db, c.method, parsed.input);
  } catch (e) {
    if (e instanceof AppError) return printError(io, e.toShape());
    throw e;
  }
  let cs;
  try {
    cs = name ? await signIn(core, name, env.cli) : unsignedSession(core, spec.permission !== 'public');
  } catch (e) {
    if (e instanceof AppError) return printError(io, e.toShape());
    throw e;
  }
  try {
    if (c.method === 'auth.setup') await fillSetupPasswords(input, env.cli);
    else await fillPasswords(c, input, cs.password, env.cli);
    for (const path of absolutePaths(input)) grantPath(cs.session, path);
    // a folder to write into is created only when the operator may write there at all
    const op = cs.session.operator;
    if (typeof input.folder === 'string' && op && roleHas(op.role, spec.permission))
      mkdirSync(input.folder, { recursive: true });
    const r = await dispatch(core, cs.session, c.method, input);
    if (!r.ok) return printError(io, r.error);
    let value = r.value;
    if (c.job) {
      const started = value as JobStateDto;
      await core.jobs.wait(started.id);
      const end = await dispatch(core, cs.session, 'jobs.get', { jobId: started.id });
      if (!end.ok) return printError(io, end.error);
      const state = end.value as JobStateDto;
      if (state.status !== 'done')
        return printError(
          io,
          state.error ?? { code: state.status === 'cancelled' ? 'CANCELLED' : 'INTERNAL', message: state.message },
        );
      value = state.value ?? state;
    }
    printValue(io, value, parsed.globals.json === true);
    return EXIT_OK;
  } finally {
    await cs.end();
  }
}
