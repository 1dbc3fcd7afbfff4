// Who the command line acts as. Writes need a named operator (--operator NAME or DA_OPERATOR) who
// signs in through auth.login exactly as in the window (password rules, lockout, login audit); the
// password comes from DA_PASSWORD or a hidden prompt, never from a flag (a flag shows in the
// process list). Reads may run without a log-in as the read-only system identity.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { dispatch } from '../core/api/dispatch';
import { newSession, type Session } from '../core/api/session';
import type { AppCore } from '../core/app-core';
import { READONLY_SYSTEM_OPERATOR } from '../core/context';
import { AppError } from '../../shared/result';

export interface CliEnv {
  /** environment variables (process.env, or a test's own) */
  vars: Record<string, string | undefined>;
  /** asks for a secret on the terminal; null when there is no terminal to ask on */
  prompt: ((question: string) => Promise<string>) | null;
}

export const OPERATOR_VAR = 'DA_OPERATOR';
export const PASSWORD_VAR = 'DA_PASSWORD';
export const NEW_PASSWORD_VAR = 'DA_NEW_PASSWORD';

/** Reads a line from the terminal without echoing it. */
export function terminalPrompt(): CliEnv['prompt'] {
  if (!process.stdin.isTTY) return null;
  return (question) =>
    new Promise((resolvePrompt) => {
      process.stderr.write(question);
      const muted = new Writable({ write: (_c, _e, done) => done() });
      const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
      rl.question('', (answer) => {
        rl.close();
        process.stderr.write('\n');
        resolvePrompt(answer);
      });
    });
}

export async function askSecret(env: CliEnv, variable: string, question: string): Promise<string> {
  const fromEnv = env.vars[variable];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!env.prompt)
    throw new AppError(
      'UNAUTHENTICATED',
      `需要密码：请设置环境变量 ${variable}，或在终端中运行以输入密码 / set ${variable} or run in a terminal`,
    );
  return env.prompt(question);
}

export interface CliSession {
  session: Session;
  /** the password the operator signed in with (a password change asks for it again otherwise) */
  password: string | null;
  /** signs the operator out at the end of the command (the log-out is audited as in the window) */
  end(): Promise<void>;
}

export function operatorName(flag: string | true | undefined, env: CliEnv): string | null {
  if (typeof flag === 'string' && flag.trim()) return flag.trim();
  const v = env.vars[OPERATOR_VAR];
  return v && v.trim() ? v.trim() : null;
}

/** A session signed in as the named operator; throws the log-in's own error (wrong password, locked…). */
export async function signIn(core: AppCore, username: string, env: CliEnv): Promise<CliSession> {
  const password = await askSecret(env, PASSWORD_VAR, `操作员 ${username} 的密码 / password: `);
  const session = newSession();
  const r = await dispatch(core, session, 'auth.login', { username, password });
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
  return { session, password, end: () => signOut(core, session) };
}

/** Signs a real account out (audited); the built-in identities have nothing to sign out of. */
async function signOut(core: AppCore, session: Session): Promise<void> {
  if (session.operator && session.operator !== READONLY_SYSTEM_OPERATOR)
    await dispatch(core, session, 'auth.logout', {});
}

/** The read-only system identity, or nobody at all (public methods such as first-run setup). */
export function unsignedSession(core: AppCore, readOnly: boolean): CliSession {
  const session = newSession();
  if (readOnly) session.operator = READONLY_SYSTEM_OPERATOR;
  // first-run setup signs its administrator in: signed out again at the end
  return { session, password: null, end: () => signOut(core, session) };
}

/** The session of a task command: the operator named, else (for a read) the read-only identity. */
export async function taskSession(
  core: AppCore,
  flag: string | true | undefined,
  env: CliEnv,
  access: 'read' | 'write' | 'system',
): Promise<CliSession> {
  const name = operatorName(flag, env);
  if (name) return signIn(core, name, env);
  if (access === 'write') throw new AppError('UNAUTHENTICATED', WRITE_NEEDS_OPERATOR);
  return unsignedSession(core, true);
}

export const WRITE_NEEDS_OPERATOR =
  '该命令会修改数据，须以操作员身份运行：加 --operator 用户名（密码取自环境变量 DA_PASSWORD 或终端输入） / a write needs --operator NAME';
