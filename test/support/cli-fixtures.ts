// The command line as a test drives it: runCli in-process on a data dir, with the environment
// (operator password, fixed clock) passed in rather than read from the test process.
import { SYSTEM_OPERATOR, writeTx } from '../../electron/core/context';
import { runCli } from '../../electron/cli/index';
import type { AppCore } from '../../electron/core/app-core';
import { hashPassword } from '../../electron/core/auth/password';
import { newId } from '../../electron/core/ids';
import type { Role } from '../../shared/domain/types';

export const CLI_PASSWORD = 'Kaohe#2026a';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export function cliIn(dir: string, baseVars: Record<string, string | undefined> = {}) {
  return async (argv: string[], vars: Record<string, string | undefined> = {}): Promise<CliRun> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      [...argv, '--data-dir', dir],
      { out: (l) => out.push(l), err: (l) => err.push(l) },
      { vars: { NODE_ENV: 'test', DA_PASSWORD: CLI_PASSWORD, ...baseVars, ...vars }, prompt: null },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
}

/** An operator whose password is CLI_PASSWORD and needs no change (the CLI signs in as it). */
export async function insertCliOperator(core: AppCore, username: string, role: Role, unitScope: string[] = []) {
  const id = newId();
  const now = core.now().toISOString();
  const hash = await hashPassword(CLI_PASSWORD);
  // Through writeTx like every write of the app, so the row is sealed (the audit check proves the data).
  writeTx(core.ctx(SYSTEM_OPERATOR), () =>
    core.db
      .prepare(
        `INSERT INTO operator (id, username, display_name, role, unit_scope_json, password_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, username, `测试${username}`, role, JSON.stringify(unitScope), hash, now, now),
  );
  return id;
}

export function auditCount(core: AppCore): number {
  return (core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
}
